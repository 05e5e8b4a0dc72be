import {
  ProtectionProfileInput,
  SUPPORT_BENEFITS,
  type SupportBenefit,
  VULNERABILITY_CATEGORIES,
  type VulnerabilityCategory,
} from '@ieum/domain';
import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { type PersonProtectionData, saveProfile } from './api';
import { StaleProblem } from './StaleProblem';
import { benefitLabel, categoryLabel } from './text';

type ProfileData = PersonProtectionData['profile'];

interface ProfileValues extends Record<string, unknown> {
  categories: VulnerabilityCategory[];
  childrenInHousehold: string;
  benefits: SupportBenefit[];
  insuredRegularWorker: boolean;
}

function valuesOf(profile: ProfileData): ProfileValues {
  return {
    categories: [...profile.categories],
    childrenInHousehold: String(profile.childrenInHousehold),
    benefits: [...profile.benefits],
    insuredRegularWorker: profile.insuredRegularWorker,
  };
}

/**
 * The vulnerability profile: the 17 categories, children in the household, benefits received and insured
 * regular work. Saved with the version read; the first save sends none.
 */
export function ProfileForm({
  personId,
  profile,
  canEdit,
  onSaved,
}: {
  personId: string;
  profile: ProfileData;
  canEdit: boolean;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<ProfileValues>(valuesOf(profile));
  const [saving, setSaving] = useState(false);
  const error = (field: keyof ProfileValues & string) => messageText(t, form.errors[field]);
  const children = form.values.childrenInHousehold.trim();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(ProtectionProfileInput, {
      categories: form.values.categories,
      childrenInHousehold: /^\d+$/.test(children)
        ? Number(children)
        : children === ''
          ? undefined
          : Number.NaN,
      benefits: form.values.benefits,
      insuredRegularWorker: form.values.insuredRegularWorker,
      version: profile.version > 0 ? profile.version : undefined,
    });
    if (!input) return;
    setSaving(true);
    saveProfile(personId, input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('protection.person.profileSaved') });
        await onSaved();
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="protection-profile" data-testid="profile-form">
      <Stack gap="md">
        <Text size="sm">{t('protection.person.profileIntro')}</Text>
        <Text size="sm" c="dimmed" data-testid="profile-updated">
          {profile.updatedAt
            ? t('protection.person.updated', {
                date: formatDateTime(profile.updatedAt, locale),
                name: profile.updatedBy?.displayName ?? '—',
              })
            : t('protection.person.neverUpdated')}
        </Text>
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onSaved();
          }}
        />
        <Checkbox.Group
          label={t('protection.person.categories')}
          description={t('protection.person.categoriesHint')}
          value={form.values.categories}
          onChange={(categories) => form.setValue('categories', categories as VulnerabilityCategory[])}
          error={error('categories')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6} mt={6}>
            {VULNERABILITY_CATEGORIES.map((category) => (
              <Checkbox
                key={category}
                value={category}
                label={categoryLabel(category, locale)}
                disabled={!canEdit}
                data-testid={`profile-category-${category}`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group align="flex-start" gap="xl" wrap="wrap">
          <TextInput
            type="number"
            min={0}
            max={20}
            label={t('protection.person.children')}
            error={error('childrenInHousehold')}
            disabled={!canEdit}
            {...form.text('childrenInHousehold')}
            w={260}
            data-testid="profile-children"
          />
          <Checkbox.Group
            label={t('protection.person.benefits')}
            value={form.values.benefits}
            onChange={(benefits) => form.setValue('benefits', benefits as SupportBenefit[])}
            error={error('benefits')}
          >
            <Group gap="md" mt={6}>
              {SUPPORT_BENEFITS.map((benefit) => (
                <Checkbox
                  key={benefit}
                  value={benefit}
                  label={benefitLabel(benefit, locale)}
                  disabled={!canEdit}
                  data-testid={`profile-benefit-${benefit}`}
                />
              ))}
            </Group>
          </Checkbox.Group>
        </Group>
        <Checkbox
          label={t('protection.person.insured')}
          description={t('protection.person.insuredHint')}
          checked={form.values.insuredRegularWorker}
          onChange={(event) => form.setValue('insuredRegularWorker', event.currentTarget.checked)}
          disabled={!canEdit}
          data-testid="profile-insured"
        />
        {canEdit ? (
          <div>
            <Button type="submit" loading={saving} data-testid="profile-submit">
              {t('protection.person.saveProfile')}
            </Button>
          </div>
        ) : null}
      </Stack>
    </form>
  );
}
