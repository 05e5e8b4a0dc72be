import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type DataCategory,
  ReferralInput,
  seoulDate,
} from '@ieum/domain';
import { Alert, Button, Group, List, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { messageText, useForm } from '../../platform/forms';
import { organizationName, useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { type ConsentData, sendReferral, useRecipientOrganizations } from './api';
import { CategoriesField } from './CategoriesField';
import { checkConsent, gapText } from './consent-check';

/** The domain's limit on the message. */
const MESSAGE_MAX_LENGTH = 4000;

function initialValues() {
  return {
    recipientOrganizationId: null as string | null,
    purpose: null as ConsentPurpose | null,
    categories: [] as DataCategory[],
    dueOn: '',
    message: '',
  };
}

/**
 * Refers the person to a partner organization. While the user fills it in, the form checks the person's
 * consents with the same rule as the server and says what is missing; nothing is sent that no consent covers.
 * Should the server still refuse (a consent withdrawn meanwhile), its explanation is shown as given.
 */
export function ReferralForm({
  personId,
  consents,
  onSent,
  onCancel,
}: {
  personId: string;
  consents: readonly ConsentData[];
  onSent: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm(initialValues());
  const [saving, setSaving] = useState(false);
  const [refusedLocally, setRefusedLocally] = useState(false);
  const recipients = useRecipientOrganizations();
  const { values, setValue } = form;
  const error = (field: keyof typeof values) => messageText(t, form.errors[field]);
  const recipient = recipients.data?.find(
    (organization) => organization.id === values.recipientOrganizationId,
  );
  const today = seoulDate(new Date());
  const check = useMemo(
    () =>
      checkConsent(consents, { recipient, categories: values.categories, purpose: values.purpose }, today),
    [consents, recipient, values.categories, values.purpose, today],
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(ReferralInput, {
      personId,
      recipientOrganizationId: values.recipientOrganizationId ?? undefined,
      purpose: values.purpose ?? undefined,
      categories: values.categories,
      dueOn: values.dueOn,
      message: values.message,
    });
    if (!input) return;
    if (!check?.covered) {
      setRefusedLocally(true);
      return;
    }
    setRefusedLocally(false);
    form.setProblem(null);
    setSaving(true);
    sendReferral(input)
      .then(
        (created) => onSent(created.id),
        (failure: unknown) => {
          if (isApiError(failure, 'consent.not_covered')) {
            form.setErrors({});
            form.setProblem(failure.problem);
            return;
          }
          form.fail(failure);
        },
      )
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="referral-form">
      <Stack gap="md">
        <ProblemAlert problem={form.problem} />
        <Select
          label={t('referrals.fields.recipientOrganization')}
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
          data-testid="referral-recipient"
          comboboxProps={{ withinPortal: true }}
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
          data-testid="referral-purpose"
          comboboxProps={{ withinPortal: true }}
        />
        <CategoriesField
          description={t('referrals.send.categoriesHint')}
          value={values.categories}
          onChange={(categories) => setValue('categories', categories)}
          error={error('categories')}
          testIdPrefix="referral-category"
        />
        {check ? (
          <Alert
            color={check.covered ? 'teal' : 'red'}
            title={check.covered ? t('referrals.send.covered') : t('referrals.send.notCovered')}
            role={refusedLocally && !check.covered ? 'alert' : undefined}
            data-testid="referral-consent-check"
            data-covered={check.covered}
          >
            {check.covered ? null : (
              <List size="sm" data-testid="referral-consent-gaps">
                {check.missing.map((gap) => (
                  <List.Item key={gap}>{gapText(t, gap)}</List.Item>
                ))}
              </List>
            )}
            {check.covered ? null : (
              <Text size="sm" mt="xs">
                {t('referrals.send.recordConsentFirst')}
              </Text>
            )}
          </Alert>
        ) : null}
        <TextInput
          type="date"
          label={t('referrals.fields.dueOn')}
          required
          min={today}
          error={error('dueOn')}
          data-testid="referral-dueOn"
          {...form.text('dueOn')}
        />
        <Textarea
          label={t('referrals.fields.message')}
          description={t('referrals.send.messageHint')}
          required
          rows={4}
          maxLength={MESSAGE_MAX_LENGTH}
          error={error('message')}
          data-testid="referral-message"
          {...form.text('message')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="referral-submit">
            {t('referrals.send.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
