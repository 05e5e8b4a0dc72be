import {
  ALERT_OUTCOMES,
  type AlertLevel,
  addDays,
  ProtectionReportQuery,
  SERVICE_PROVIDERS,
  seoulDate,
} from '@ieum/domain';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
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
    <Card withBorder padding="lg" component="section" aria-labelledby="report-first-contact">
      <Title order={2} size="h4" id="report-first-contact" mb="sm">
        {t('protection.reports.firstContact')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} component="dl" m={0}>
        {figures.map(([key, value]) => (
          <Card key={key} withBorder padding="sm">
            <Text component="dt" size="sm">
              {t(`protection.reports.${key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl" data-testid={`report-${key}`}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Card>
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
  const today = seoulDate(new Date());
  const initial = { from: addDays(today, -(DEFAULT_DAYS - 1)), to: today };
  const [period, setPeriod] = useState(initial);
  const form = useForm(initial);
  const report = useProtectionReport(period.from, period.to);
  const error = (field: 'from' | 'to') => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(ProtectionReportQuery, form.values);
    if (!input) return;
    if (input.to < input.from) {
      form.setErrors({ to: { key: 'validation.dateRange' } });
      return;
    }
    setPeriod({ from: input.from, to: input.to });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('protection.reports.title')}
        actions={
          report.data ? (
            <Badge color="blue" tt="none" size="lg" data-testid="report-scope">
              {t(`protection.reports.scopes.${report.data.scope}`)}
            </Badge>
          ) : null
        }
      />
      <Text>{t('protection.reports.intro')}</Text>
      <form onSubmit={onSubmit} noValidate aria-label={t('protection.reports.periodLabel')}>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={t('protection.reports.from')}
            required
            error={error('from')}
            {...form.text('from')}
            data-testid="report-from"
          />
          <TextInput
            type="date"
            label={t('protection.reports.to')}
            required
            error={error('to')}
            {...form.text('to')}
            data-testid="report-to"
          />
          <Button type="submit" mt={25} loading={report.isFetching} data-testid="report-show">
            {t('protection.reports.show')}
          </Button>
        </Group>
      </form>
      {report.isError ? <ProblemAlert problem={problemOf(report.error, t('errors.unexpected'))} /> : null}
      {report.data ? <Report report={report.data} /> : report.isPending ? <PageLoader /> : null}
    </Stack>
  );
}
