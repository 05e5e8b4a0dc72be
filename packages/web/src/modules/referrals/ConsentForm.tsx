import {
  CONSENT_PURPOSES,
  ConsentInput,
  type ConsentPurpose,
  type DataCategory,
  REFERRAL_RECIPIENT_TYPES,
  type RecipientType,
  seoulDate,
} from '@ieum/domain';
import { Button, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { organizationName, useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { recordConsent, useRecipientOrganizations } from './api';
import { CategoriesField } from './CategoriesField';

/** A year from `day`, the day before the same date: the usual period of a signed consent form. */
function aYearFrom(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function initialValues() {
  const today = seoulDate(new Date());
  return {
    recipientKind: 'organization' as 'organization' | 'type',
    recipientOrganizationId: null as string | null,
    recipientType: null as RecipientType | null,
    categories: [] as DataCategory[],
    purpose: null as ConsentPurpose | null,
    givenOn: today,
    expiresOn: aYearFrom(today),
  };
}

/** Records a consent from the signed form: one recipient (an organization or a kind of them), the categories, a purpose and a period. */
export function ConsentForm({
  personId,
  onSaved,
  onCancel,
}: {
  personId: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm(initialValues());
  const [saving, setSaving] = useState(false);
  const recipients = useRecipientOrganizations();
  const { values, setValue } = form;
  const error = (field: keyof typeof values) => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const byOrganization = values.recipientKind === 'organization';
    const input = form.validate(ConsentInput, {
      recipientOrganizationId: byOrganization ? (values.recipientOrganizationId ?? undefined) : undefined,
      recipientType: byOrganization ? undefined : (values.recipientType ?? undefined),
      categories: values.categories,
      purpose: values.purpose ?? undefined,
      givenOn: values.givenOn,
      expiresOn: values.expiresOn,
    });
    const recipientField = byOrganization ? 'recipientOrganizationId' : 'recipientType';
    if (!(byOrganization ? values.recipientOrganizationId : values.recipientType)) {
      form.setErrors((current) => ({ ...current, [recipientField]: { key: 'validation.choose' } }));
      return;
    }
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    recordConsent(personId, input)
      .then(onSaved, (failure: unknown) => form.fail(failure))
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="consent-form">
      <Stack gap="md">
        <ProblemAlert problem={form.problem} />
        <Radio.Group
          label={t('referrals.consent.recipientKind')}
          value={values.recipientKind}
          onChange={(kind) => setValue('recipientKind', kind as 'organization' | 'type')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="organization" label={t('referrals.consent.byOrganization')} />
            <Radio value="type" label={t('referrals.consent.byType')} data-testid="consent-by-type" />
          </Group>
        </Radio.Group>
        {values.recipientKind === 'organization' ? (
          <Select
            label={t('referrals.consent.recipientOrganization')}
            required
            searchable
            nothingFoundMessage={t('common.noResults')}
            data={(recipients.data ?? []).map((organization) => ({
              value: organization.id,
              label: `${organizationName(organization, locale)} (${t(`organizationTypes.${organization.type}`)})`,
            }))}
            value={values.recipientOrganizationId}
            onChange={(id) => setValue('recipientOrganizationId', id)}
            disabled={recipients.isPending}
            error={error('recipientOrganizationId')}
            data-testid="consent-recipient"
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Select
            label={t('referrals.consent.recipientType')}
            required
            data={REFERRAL_RECIPIENT_TYPES.map((type) => ({
              value: type,
              label: t(`organizationTypes.${type}`),
            }))}
            value={values.recipientType}
            onChange={(type) => setValue('recipientType', type as RecipientType | null)}
            error={error('recipientType')}
            data-testid="consent-recipient-type"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <CategoriesField
          description={t('referrals.consent.categoriesHint')}
          value={values.categories}
          onChange={(categories) => setValue('categories', categories)}
          error={error('categories')}
          testIdPrefix="consent-category"
        />
        <Select
          label={t('referrals.fields.purpose')}
          required
          data={CONSENT_PURPOSES.map((purpose) => ({
            value: purpose,
            label: t(`referrals.purposes.${purpose}`),
          }))}
          value={values.purpose}
          onChange={(purpose) => setValue('purpose', purpose as ConsentPurpose | null)}
          error={error('purpose')}
          data-testid="consent-purpose"
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('referrals.fields.givenOn')}
            required
            error={error('givenOn')}
            data-testid="consent-givenOn"
            {...form.text('givenOn')}
          />
          <TextInput
            type="date"
            label={t('referrals.fields.expiresOn')}
            required
            error={error('expiresOn')}
            data-testid="consent-expiresOn"
            {...form.text('expiresOn')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="consent-submit">
            {t('referrals.consent.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
