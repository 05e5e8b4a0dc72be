import { addDays, seoulDate } from '@ieum/domain';
import { Badge, Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api';
import { messageText, type SafeParser, useForm } from '../forms';
import { PageLoader } from './PageLoader';
import { ProblemAlert } from './ProblemAlert';

export type ReportPeriod = {
  from: string;
  to: string;
};

/**
 * The period a report page shows: it opens on the last `defaultDays` days (today in Seoul included) and
 * changes only when the form is submitted with a valid period whose end is not before its start.
 */
export function useReportPeriod(schema: SafeParser<ReportPeriod>, defaultDays: number) {
  const [initial] = useState<ReportPeriod>(() => {
    const today = seoulDate(new Date());
    return { from: addDays(today, -(defaultDays - 1)), to: today };
  });
  const [period, setPeriod] = useState(initial);
  const form = useForm(initial);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(schema, form.values);
    if (!input) return;
    if (input.to < input.from) {
      form.setErrors({ to: { key: 'validation.dateRange' } });
      return;
    }
    setPeriod({ from: input.from, to: input.to });
  };

  return { period, form, onSubmit };
}

/** What the page's report query says about itself (a TanStack query result fits). */
interface ReportQuery<T> {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  isFetching: boolean;
}

/** The words of one page's period form, in its own module's resources. */
export interface ReportPeriodLabels {
  form: string;
  from: string;
  to: string;
  show: string;
}

/**
 * The period form of a report page, then the report: a problem if the query failed, the report once it has
 * come (the last one stays while the next loads), a loader before the first. `testIdPrefix` names the inputs
 * (`${prefix}-from`, `${prefix}-to`, `${prefix}-show`) as the browser tests know them.
 */
export function ReportPeriodForm<T>({
  periodForm,
  query,
  labels,
  testIdPrefix,
  children,
}: {
  periodForm: ReturnType<typeof useReportPeriod>;
  query: ReportQuery<T>;
  labels: ReportPeriodLabels;
  testIdPrefix: string;
  children: (report: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { form, onSubmit } = periodForm;
  const error = (field: keyof ReportPeriod) => messageText(t, form.errors[field]);
  return (
    <>
      <form onSubmit={onSubmit} noValidate aria-label={labels.form}>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={labels.from}
            required
            error={error('from')}
            {...form.text('from')}
            data-testid={`${testIdPrefix}-from`}
          />
          <TextInput
            type="date"
            label={labels.to}
            required
            error={error('to')}
            {...form.text('to')}
            data-testid={`${testIdPrefix}-to`}
          />
          <Button type="submit" mt={25} loading={query.isFetching} data-testid={`${testIdPrefix}-show`}>
            {labels.show}
          </Button>
        </Group>
      </form>
      {query.isError ? <ProblemAlert problem={problemOf(query.error, t('errors.unexpected'))} /> : null}
      {query.data ? children(query.data) : query.isPending ? <PageLoader /> : null}
    </>
  );
}

/** Whose records a report counts (the centre's, the worker's own, the nation's), for the page's header. */
export function ReportScopeBadge({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Badge color="blue" tt="none" size="lg" data-testid={testId}>
      {children}
    </Badge>
  );
}
