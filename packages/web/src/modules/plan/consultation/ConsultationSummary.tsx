import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../platform/format';
import { useLocale } from '../../../platform/i18n';
import { Fact } from '../../../platform/ui/Fact';
import { type ConsultationData, exportUrl } from '../api';

/** The consultation as set: its period (Korean dates), when it was sent, and the covering message. */
export function ConsultationSummary({
  consultation,
  labelledBy,
}: {
  consultation: ConsultationData;
  /** The id of the section heading that names the table. */
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table
      variant="vertical"
      layout="fixed"
      withRowBorders={false}
      aria-labelledby={labelledBy}
      data-testid="plan-consultation-summary"
    >
      <Table.Tbody>
        <Fact label={t('plan.consultation.period')}>
          <span data-testid="plan-consultation-period">
            {t('plan.consultation.periodValue', {
              start: formatDate(consultation.startsOn, locale),
              end: formatDate(consultation.endsOn, locale),
            })}
          </span>
        </Fact>
        <Fact label={t('plan.consultation.sentAt')}>
          {consultation.sentAt ? formatDateTime(consultation.sentAt, locale) : t('plan.consultation.notSent')}
        </Fact>
        <Fact label={t('plan.consultation.message')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {consultation.message === '' ? t('plan.consultation.noMessage') : consultation.message}
          </Text>
        </Fact>
      </Table.Tbody>
    </Table>
  );
}

/** The record of the consultation (invitees, comments, resolutions) as a file, downloaded by a plain link. */
export function ConsultationExports({ planId }: { planId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" data-testid="plan-consultation-exports">
      <Text size="sm" fw={600}>
        {t('plan.consultation.exports')}
      </Text>
      <Anchor href={exportUrl(planId, 'consultation', 'xlsx')} download data-testid="plan-consultation-xlsx">
        {t('plan.consultation.exportXlsx')}
      </Anchor>
      <Anchor href={exportUrl(planId, 'consultation', 'pdf')} download data-testid="plan-consultation-pdf">
        {t('plan.consultation.exportPdf')}
      </Anchor>
    </Group>
  );
}
