import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ChildbirthRow {
  /** A key for React only. */
  key: number;
  date: string;
}

let nextKey = 0;
export const childbirthRow = (date: string): ChildbirthRow => ({ key: nextKey++, date });

/** Childbirths since protection began: each extends the incentive period by a year (at most two count). */
export function ChildbirthDates({
  rows,
  onChange,
  disabled,
  error,
}: {
  rows: ChildbirthRow[];
  onChange: (rows: ChildbirthRow[]) => void;
  disabled: boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('jobs.profile.childbirths')} data-testid="profile-childbirths">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('jobs.profile.childbirthsHint')}
        </Text>
        {rows.length === 0 ? <Text size="sm">{t('jobs.profile.noChildbirths')}</Text> : null}
        {rows.map((row, index) => (
          <Group key={row.key} align="flex-end" gap="sm">
            <TextInput
              type="date"
              label={t('jobs.profile.childbirthDate', { n: index + 1 })}
              value={row.date}
              onChange={(event) => {
                const date = event.currentTarget.value;
                onChange(rows.map((other) => (other.key === row.key ? { ...other, date } : other)));
              }}
              disabled={disabled}
              data-testid="childbirth-date"
            />
            {disabled ? null : (
              <ActionIcon
                variant="default"
                size="lg"
                mb={2}
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                aria-label={t('jobs.profile.removeChildbirth', { n: index + 1 })}
              >
                <span aria-hidden="true">×</span>
              </ActionIcon>
            )}
          </Group>
        ))}
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
              onClick={() => onChange([...rows, childbirthRow('')])}
              data-testid="childbirth-add"
            >
              {t('jobs.profile.addChildbirth')}
            </Button>
          </div>
        )}
      </Stack>
    </Fieldset>
  );
}
