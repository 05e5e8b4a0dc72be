import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../platform/i18n';
import { reasonSentence, type StoredReason } from './text';

/** Every reason of a score as a sentence with its points, then their sum (and why the score may differ). */
export function ReasonList({
  reasons,
  score,
  label,
}: {
  reasons: readonly StoredReason[];
  score: number;
  label: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (reasons.length === 0) return <Text size="sm">{t('protection.person.noReasons')}</Text>;
  const sum = reasons.reduce((total, reason) => total + reason.points, 0);
  return (
    <Stack gap="xs">
      <List size="sm" spacing={4} aria-label={label} data-testid="score-reasons">
        {reasons.map((reason, index) => (
          // Reasons carry no id; the rules fix their order.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <List.Item key={index} data-testid="score-reason">
            {reasonSentence(reason, locale)}
          </List.Item>
        ))}
      </List>
      <Text size="sm" fw={700} data-testid="score-sum">
        {t('protection.alert.sum', { sum })}
      </Text>
      {sum !== score ? (
        <Text size="sm" c="dimmed">
          {t('protection.alert.clamped', { sum, score })}
        </Text>
      ) : null}
    </Stack>
  );
}
