import {
  type EvidenceFileRef,
  PROGRESS_STATUSES,
  ProgressReportInput,
  type Quarter,
  reportTimeliness,
  seoulDate,
  startedQuarters,
} from '@ieum/domain';
import { Alert, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../../platform/auth/session';
import { messageText, useForm } from '../../../platform/forms';
import { useLocale } from '../../../platform/i18n';
import { FormActions, useSaving } from '../../../platform/ui/form-parts';
import { Section } from '../../../platform/ui/Section';
import {
  fileProgressReport,
  type PlanDetailData,
  type ProgressReportData,
  type TaskData,
  useTaskReports,
} from '../api';
import { localized } from '../text';
import { EvidenceField } from './EvidenceFiles';
import { numberInput, PlanStale, typedNumber, useRefreshPlans } from './form-parts';

interface ReportValues extends Record<string, unknown> {
  quarter: string;
  status: string;
  percentComplete: string;
  narrative: string;
  /** The manual KPIs' values as typed, by KPI key. */
  kpiValues: Record<string, string>;
  /** The files the report cites: uploaded as they are chosen; a correction starts from the filed ones. */
  evidence: EvidenceFileRef[];
}

function valuesFor(quarter: Quarter, report: ProgressReportData | undefined): ReportValues {
  return {
    quarter: String(quarter),
    status: report?.status ?? '',
    percentComplete: report ? String(report.percentComplete) : '',
    narrative: report?.narrative ?? '',
    kpiValues: Object.fromEntries((report?.kpiValues ?? []).map((v) => [v.kpiKey, numberInput(v.value)])),
    evidence: report?.evidence ?? [],
  };
}

/**
 * The quarter to report on: the earliest report owed now (due or overdue, in Korea — what the home page's
 * reminder points at), else the latest begun quarter not yet reported, else the latest begun one.
 */
function defaultQuarter(
  year: number,
  quarters: readonly Quarter[],
  reports: readonly ProgressReportData[],
): Quarter {
  const filed = new Set(reports.map((r) => r.quarter));
  const unfiled = quarters.filter((q) => !filed.has(q));
  const today = seoulDate(new Date());
  const owed = unfiled.find((quarter) => {
    const { state } = reportTimeliness({ year, quarter, today, filedOn: null });
    return state === 'due' || state === 'overdue';
  });
  return owed ?? unfiled.at(-1) ?? quarters.at(-1) ?? 1;
}

function ReportForm({
  plan,
  task,
  quarters,
  reports,
}: {
  plan: PlanDetailData;
  task: TaskData;
  quarters: readonly Quarter[];
  reports: readonly ProgressReportData[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refresh = useRefreshPlans();
  const reportOf = (quarter: string) => reports.find((r) => String(r.quarter) === quarter);
  const [initialQuarter] = useState(() => defaultQuarter(plan.year, quarters, reports));
  const form = useForm<ReportValues>(valuesFor(initialQuarter, reportOf(String(initialQuarter))));
  const { saving, save } = useSaving(form.fail);
  const error = (field: string) => messageText(t, form.errors[field]);
  const manualKpis = task.kpis.filter((kpi) => kpi.source.kind === 'manual');
  const filed = reportOf(form.values.quarter);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const v = form.values;
    const unreadable = manualKpis.filter((kpi) => Number.isNaN(typedNumber(v.kpiValues[kpi.key] ?? '')));
    if (unreadable.length > 0) {
      form.setErrors(
        Object.fromEntries(
          unreadable.map((kpi) => [`kpi:${kpi.key}`, { key: 'plan.tasks.kpi.numberInvalid' }]),
        ),
      );
      return;
    }
    const input = form.validate(ProgressReportInput, {
      year: plan.year,
      quarter: Number(v.quarter),
      status: v.status === '' ? undefined : v.status,
      // Blank stays text, so the message says "required" rather than "choose".
      percentComplete: v.percentComplete.trim() === '' ? '' : typedNumber(v.percentComplete),
      narrative: v.narrative,
      evidence: v.evidence,
      kpiValues: manualKpis.flatMap((kpi) => {
        const value = typedNumber(v.kpiValues[kpi.key] ?? '');
        return value === undefined ? [] : [{ kpiKey: kpi.key, value }];
      }),
      // Correcting a filed quarter: the version the reporter saw, read when sending.
      version: reportOf(v.quarter)?.version,
    });
    if (!input) return;
    save(
      () => fileProgressReport(plan.id, task.key, input),
      t(filed ? 'plan.tasks.report.corrected' : 'plan.tasks.report.filed'),
      () => refresh(),
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('plan.tasks.report.heading')}
      data-testid="plan-report-form"
    >
      <Stack gap="md">
        <PlanStale
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void refresh();
          }}
          testIdPrefix="plan-report"
          words="report"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('plan.tasks.report.quarter')}
            required
            value={form.values.quarter}
            onChange={(event) => {
              const quarter = event.currentTarget.value;
              form.reset(valuesFor(Number(quarter) as Quarter, reportOf(quarter)));
            }}
            data={quarters.map((quarter) => ({
              value: String(quarter),
              label: reportOf(String(quarter))
                ? t('plan.tasks.report.quarterFiled', { year: plan.year, quarter })
                : t('plan.yearQuarter', { year: plan.year, quarter }),
            }))}
            data-testid="plan-report-quarter"
          />
          <NativeSelect
            label={t('plan.tasks.report.status')}
            required
            value={form.values.status}
            onChange={(event) => {
              const status = event.currentTarget.value;
              form.setValue('status', status);
              if (status === 'done') form.setValue('percentComplete', '100');
            }}
            data={[
              { value: '', label: t('plan.tasks.report.choose'), disabled: true },
              ...PROGRESS_STATUSES.map((status) => ({
                value: status,
                label: t(`plan.progressStatuses.${status}`),
              })),
            ]}
            error={error('status')}
            data-testid="plan-report-status"
          />
          <TextInput
            type="number"
            min={0}
            max={100}
            step={1}
            label={t('plan.tasks.report.percent')}
            description={t('plan.tasks.report.percentHint')}
            required
            rightSection={<Text size="sm">%</Text>}
            error={error('percentComplete')}
            {...form.text('percentComplete')}
            data-testid="plan-report-percent"
          />
        </SimpleGrid>
        {filed ? (
          <Alert color="blue" data-testid="plan-report-correcting">
            {t('plan.tasks.report.correcting')}
          </Alert>
        ) : null}
        <Textarea
          label={t('plan.tasks.report.narrative')}
          description={t('plan.tasks.report.narrativeHint')}
          required
          rows={4}
          maxLength={4000}
          error={error('narrative')}
          {...form.text('narrative')}
          data-testid="plan-report-narrative"
        />
        {manualKpis.length > 0 ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {manualKpis.map((kpi) => (
              <TextInput
                key={kpi.key}
                label={t('plan.tasks.report.kpiValue', { name: localized(kpi, locale) })}
                description={t('plan.tasks.report.kpiValueHint', {
                  unit:
                    kpi.unit === 'count' && kpi.unitLabelKo && locale === 'ko'
                      ? kpi.unitLabelKo
                      : t(`plan.tasks.kpi.units.${kpi.unit}`),
                })}
                inputMode="decimal"
                value={form.values.kpiValues[kpi.key] ?? ''}
                onChange={(event) => {
                  form.setValue('kpiValues', {
                    ...form.values.kpiValues,
                    [kpi.key]: event.currentTarget.value,
                  });
                  form.setErrors({ ...form.errors, [`kpi:${kpi.key}`]: undefined });
                }}
                error={error(`kpi:${kpi.key}`) ?? error('kpiValues')}
                data-testid={`plan-report-kpi-${kpi.key}`}
              />
            ))}
          </SimpleGrid>
        ) : null}
        <EvidenceField
          planId={plan.id}
          taskKey={task.key}
          files={form.values.evidence}
          onChange={(files) => form.setValue('evidence', files)}
          error={error('evidence')}
        />
        <FormActions
          saving={saving}
          onCancel={() => form.reset(valuesFor(Number(form.values.quarter) as Quarter, filed))}
          submitTestId="plan-report-submit"
          submitLabel={t(filed ? 'plan.tasks.report.correct' : 'plan.tasks.report.submit')}
        />
      </Stack>
    </form>
  );
}

type Unavailable = 'noPermission' | 'notLead' | 'notInExecution' | 'notStarted';

/**
 * Filing a quarter's report: a task reporter of the lead organization, while the plan is in execution, for a
 * quarter of the plan's year that has begun (the server checks the same, domain checkProgressReport). Anyone
 * else is told why they cannot.
 */
export function ReportSection({ plan, task }: { plan: PlanDetailData; task: TaskData }) {
  const { t } = useTranslation();
  const me = useMe();
  const reports = useTaskReports(plan.id, task.key);
  const quarters = startedQuarters(plan.year, seoulDate(new Date()));
  const unavailable: Unavailable | null = !hasPermission(me, 'plans.report')
    ? 'noPermission'
    : me.organization.id !== task.leadOrganization.id
      ? 'notLead'
      : plan.status !== 'in_execution'
        ? 'notInExecution'
        : quarters.length === 0
          ? 'notStarted'
          : null;
  return (
    <Section id="plan-report-heading" heading={t('plan.tasks.report.heading')}>
      {unavailable ? (
        <Text size="sm" data-testid="plan-report-unavailable">
          {t(`plan.tasks.report.unavailable.${unavailable}`)}
        </Text>
      ) : reports.data ? (
        <ReportForm plan={plan} task={task} quarters={quarters} reports={reports.data.items} />
      ) : (
        <Text size="sm">{t('common.loading')}</Text>
      )}
    </Section>
  );
}
