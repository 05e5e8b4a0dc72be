import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const LEVELS = ['1', '2', '3', '4', '5'] as const;

/**
 * Workplace Korean or computer use, 1-5, each level with what it means in a short sentence, so two officers
 * rate the same person alike.
 */
export function LevelChoice({
  kind,
  value,
  onChange,
  error,
  disabled,
}: {
  kind: 'korean' | 'computer';
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t(`jobs.profile.${kind}Level`)}
      required
      value={value}
      onChange={onChange}
      error={error}
      data-testid={`profile-${kind}-level`}
    >
      <Stack gap={6} mt={6}>
        {LEVELS.map((level) => (
          <Radio
            key={level}
            value={level}
            label={t('jobs.levelName', { level })}
            description={t(`jobs.${kind}Levels.${level}`)}
            disabled={disabled}
            data-testid={`profile-${kind}-level-${level}`}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
