import { WORK_PLACES } from '@ieum/domain';
import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../platform/i18n';
import { occupationOptions } from './text';

/** One stretch of past work as typed: numbers stay text until the form is sent. */
export interface ExperienceRow {
  /** A key for React only: rows have no id of their own. */
  key: number;
  place: string;
  occupation: string;
  years: string;
}

let nextKey = 0;
export const experienceRow = (row: Omit<ExperienceRow, 'key'>): ExperienceRow => ({ key: nextKey++, ...row });

/**
 * Work done before, a row each: where (the North, a third country, the South), the occupation and the years.
 * Rows are added and removed by button; each field names its row for screen readers.
 */
export function ExperienceRows({
  rows,
  onChange,
  disabled,
  error,
}: {
  rows: ExperienceRow[];
  onChange: (rows: ExperienceRow[]) => void;
  disabled: boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const occupations = occupationOptions(locale);
  const set = (key: number, patch: Partial<ExperienceRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <Fieldset legend={t('jobs.profile.experience')} data-testid="profile-experience">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('jobs.profile.experienceHint')}
        </Text>
        {rows.length === 0 ? <Text size="sm">{t('jobs.profile.noExperience')}</Text> : null}
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <Group key={row.key} align="flex-end" gap="sm" wrap="wrap" data-testid="experience-row">
              <NativeSelect
                label={t('jobs.profile.place')}
                aria-label={t('jobs.profile.rowField', { n, field: t('jobs.profile.place') })}
                value={row.place}
                onChange={(event) => set(row.key, { place: event.currentTarget.value })}
                data={WORK_PLACES.map((place) => ({ value: place, label: t(`jobs.workPlaces.${place}`) }))}
                disabled={disabled}
                w={140}
              />
              <NativeSelect
                label={t('jobs.profile.occupation')}
                aria-label={t('jobs.profile.rowField', { n, field: t('jobs.profile.occupation') })}
                value={row.occupation}
                onChange={(event) => set(row.key, { occupation: event.currentTarget.value })}
                data={[{ value: '', label: t('jobs.choose'), disabled: true }, ...occupations]}
                disabled={disabled}
                w={260}
              />
              <TextInput
                type="number"
                min={0}
                max={60}
                step={0.5}
                label={t('jobs.profile.years')}
                aria-label={t('jobs.profile.rowField', { n, field: t('jobs.profile.years') })}
                value={row.years}
                onChange={(event) => set(row.key, { years: event.currentTarget.value })}
                disabled={disabled}
                w={110}
              />
              {disabled ? null : (
                <ActionIcon
                  variant="default"
                  size="lg"
                  mb={2}
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                  aria-label={t('jobs.profile.removeExperience', { n })}
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              )}
            </Group>
          );
        })}
        {error ? (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        ) : null}
        {disabled ? null : (
          <div>
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                onChange([...rows, experienceRow({ place: 'north', occupation: '', years: '' })])
              }
              data-testid="experience-add"
            >
              {t('jobs.profile.addExperience')}
            </Button>
          </div>
        )}
      </Stack>
    </Fieldset>
  );
}
