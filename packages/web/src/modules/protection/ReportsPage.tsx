import { ALERT_OUTCOMES, type AlertLevel, ProtectionReportQuery, SERVICE_PROVIDERS } from '@ieum/domain';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../platform/i18n';
import { FigureList } from '../../platform/ui/FigureList';
import { PageHeader } from '../../platform/ui/PageHeader';
import { ReportPeriodForm, ReportScopeBadge, useReportPeriod } from '../../platform/ui/ReportPeriod';
import { Section } from '../../platform/ui/Section';
import { type ProtectionReportData, useProtectionReport } from './api';
import { useCountText } from './badges';
import { ByRegion, CountsFigure, LEVELS_DESC } from './ReportFigures';

/** The page opens on the last 90 days. */
const DEFAULT_DAYS = 90;

function FirstContact({ report }: { report: ProtectionReportData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countText = useCountText();
  const { firstContact } = report;
  const none = t('protection.reports.notAvailable');
  const figures = [
    ['reached', countText(firstContact.reached)],
    [
      'medianHours',
      firstContact.medianHours === null
        ? none
        : t('protection.reports.hoursValue', {
            value: firstContact.medianHours.toLocaleString(locale, { maximumFractionDigits: 1 }),
          }),
    ],
    [
      'withinDeadline',
      firstContact.withinDeadlineShare === null
        ? none
        : firstContact.withinDeadlineShare.toLocaleString(locale, {
            style: 'percent',
            maximumFractionDigits: 1,
          }),
    ],
    ['openOverdue', countText(report.openOverdue)],
  ] as const;
  return (
    <Section id="report-first-contact" heading={t('protection.reports.firstContact')}>
      <FigureList
        items={figures.map(([key, value]) => ({
          key,
          label: t(`protection.reports.${key}`),
          value,
          testId: `report-${key}`,
        }))}
      />
    </Section>
  );
}

function Report({ report }: { report: ProtectionReportData }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid="protection-report">
      <FirstContact report={report} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <CountsFigure
          id="report-by-level"
          heading={t('protection.reports.byLevel')}
          tableLabel={t('protection.reports.byLevelTable')}
          keyHeader={t('protection.queue.level')}
          keys={LEVELS_DESC}
          counts={report.alertsByLevel}
          label={(level) => t(`protection.levels.${level as AlertLevel}`)}
          color="red.8"
        />
        <ByRegion report={report} />
        <CountsFigure
          id="report-outcomes"
          heading={t('protection.reports.outcomes')}
          tableLabel={t('protection.reports.outcomesTable')}
          keyHeader={t('protection.reports.outcome')}
          keys={ALERT_OUTCOMES}
          counts={report.outcomes}
          label={(outcome) => t(`protection.close.outcomes.${outcome as (typeof ALERT_OUTCOMES)[number]}`)}
          color="teal.7"
        />
        <CountsFigure
          id="report-services"
          heading={t('protection.reports.servicesByProvider')}
          tableLabel={t('protection.reports.servicesTable')}
          keyHeader={t('protection.reports.provider')}
          keys={SERVICE_PROVIDERS}
          counts={report.servicesByProvider}
          label={(provider) =>
            t(`protection.service.providers.${provider as (typeof SERVICE_PROVIDERS)[number]}`)
          }
          color="blue.7"
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Alerts by level and region, time to first contact, outcomes and services, for a chosen period. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const periodForm = useReportPeriod(ProtectionReportQuery, DEFAULT_DAYS);
  const report = useProtectionReport(periodForm.period.from, periodForm.period.to);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('protection.reports.title')}
        actions={
          report.data ? (
            <ReportScopeBadge testId="report-scope">
              {t(`protection.reports.scopes.${report.data.scope}`)}
            </ReportScopeBadge>
          ) : null
        }
      />
      <Text>{t('protection.reports.intro')}</Text>
      <ReportPeriodForm
        periodForm={periodForm}
        query={report}
        labels={{
          form: t('protection.reports.periodLabel'),
          from: t('protection.reports.from'),
          to: t('protection.reports.to'),
          show: t('protection.reports.show'),
        }}
        testIdPrefix="report"
      >
        {(data) => <Report report={data} />}
      </ReportPeriodForm>
    </Stack>
  );
}
