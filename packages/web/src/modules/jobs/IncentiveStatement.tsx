import { Alert, Card, Divider, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type EnrolmentData, type StatementData, useIncentives } from './api';
import { IncentiveStatusBadge } from './badges';
import { useDateText, useWon } from './format';
import { PaymentForm } from './PaymentForm';
import { type IncentiveNames, incentiveLabel, incentiveSentences } from './text';

function Totals({ statement }: { statement: StatementData }) {
  const { t } = useTranslation();
  const won = useWon();
  const date = useDateText();
  const figures = [
    ['paidTotal', won(statement.paidTotal)],
    ['dueTotal', won(statement.dueTotal)],
    ['upcomingTotal', won(statement.upcomingTotal)],
    ['ceiling', won(statement.ceiling)],
    ['protectionEndsOn', date(statement.protectionEndsOn)],
    ['incentivePeriodEndsOn', date(statement.incentivePeriodEndsOn)],
    ['childbirthsCounted', t('jobs.incentives.times', { count: statement.childbirthsCounted })],
  ] as const;
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, md: 4 }}
      component="dl"
      m={0}
      aria-label={t('jobs.incentives.totalsLabel')}
      data-testid="incentive-totals"
    >
      {figures.map(([key, value]) => (
        <Card key={key} withBorder padding="sm">
          <Text component="dt" size="sm">
            {t(`jobs.incentives.${key}`)}
          </Text>
          <Text component="dd" m={0} fw={700} size="lg" data-testid={`incentive-${key}`}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Lines({ statement, names }: { statement: StatementData; names: IncentiveNames }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const won = useWon();
  const date = useDateText();
  const label = t('jobs.incentives.tableLabel');
  return (
    <TableFrame label={label}>
      <Table miw={980} aria-label={label} data-testid="incentive-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('jobs.incentives.line')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('jobs.incentives.amount')}</Table.Th>
            <Table.Th scope="col">{t('jobs.incentives.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('jobs.incentives.explanation')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {statement.lines.map((line) => {
            const name = incentiveLabel(line.kind, locale);
            return (
              <Table.Tr key={line.kind} data-testid={`incentive-line-${line.kind}`}>
                <Table.Th scope="row" style={{ fontWeight: 600 }}>
                  {name}
                </Table.Th>
                <Table.Td>
                  <IncentiveStatusBadge status={line.status} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="incentive-amount">
                  {line.status === 'ineligible' ? '—' : won(line.amount)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(line.dueOn)}</Table.Td>
                <Table.Td miw={360}>
                  <List
                    size="sm"
                    spacing={2}
                    aria-label={t('jobs.incentives.explanationLabel', { line: name })}
                    data-testid="incentive-explanation"
                  >
                    {incentiveSentences(line, names, locale).map((sentence, index) => (
                      // Sentences carry no id; the line's reasons fix their order.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                      <List.Item key={index}>{sentence}</List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {statement.lines.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={5}>{t('jobs.incentives.noLines')}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

function Payments({ statement }: { statement: StatementData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const won = useWon();
  const date = useDateText();
  const label = t('jobs.incentives.paymentsTableLabel');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('jobs.incentives.paymentsHeading')}
      </Title>
      {statement.payments.length === 0 ? (
        <Text size="sm" data-testid="incentive-payments-empty">
          {t('jobs.incentives.noPayments')}
        </Text>
      ) : (
        <TableFrame label={label}>
          <Table striped miw={760} aria-label={label} data-testid="incentive-payments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('jobs.incentives.line')}</Table.Th>
                <Table.Th scope="col">{t('jobs.incentives.amount')}</Table.Th>
                <Table.Th scope="col">{t('jobs.incentives.claimedOn')}</Table.Th>
                <Table.Th scope="col">{t('jobs.incentives.paidOn')}</Table.Th>
                <Table.Th scope="col">{t('jobs.incentives.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statement.payments.map((payment) => (
                <Table.Tr key={payment.id}>
                  <Table.Td>{incentiveLabel(payment.line, locale)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{won(payment.amount)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(payment.claimedOn)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(payment.paidOn)}</Table.Td>
                  <Table.Td>
                    {t('jobs.incentives.recorded', {
                      name: payment.recordedBy?.displayName ?? '—',
                      at: formatDateTime(payment.recordedAt, locale),
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
    </Stack>
  );
}

/**
 * The incentive statement: each line with its status in words, amount, claim date and the domain's sentences
 * (employers and courses by name); the totals against the ceiling; the payments ledger; and, for those who
 * pay, a way to record a payment. Facts the statement lacks are said first, plainly.
 */
export function IncentiveStatement({
  personId,
  enrolments,
  canPay,
}: {
  personId: string;
  enrolments: readonly EnrolmentData[];
  canPay: boolean;
}) {
  const { t } = useTranslation();
  const date = useDateText();
  const statement = useIncentives(personId);
  if (statement.isError) return <ProblemAlert problem={problemOf(statement.error, t('errors.loadFailed'))} />;
  if (!statement.data) return <PageLoader />;
  const data = statement.data;
  const names: IncentiveNames = {
    employers: data.employerNames,
    courses: Object.fromEntries(enrolments.map((enrolment) => [enrolment.course.id, enrolment.course.title])),
  };
  return (
    <Stack gap="md" data-testid="incentive-statement">
      <Text size="sm" c="dimmed">
        {t('jobs.incentives.asOf', { date: date(data.asOf) })}
      </Text>
      {data.missing.length > 0 ? (
        <Alert color="yellow" title={t('jobs.incentives.missingTitle')} data-testid="incentive-missing">
          <List size="sm">
            {data.missing.map((fact) => (
              <List.Item key={fact}>{t(`jobs.incentives.missing.${fact}`)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Totals statement={data} />
      <Lines statement={data} names={names} />
      <Payments statement={data} />
      {canPay ? (
        <>
          <Divider />
          <PaymentForm personId={personId} lines={data.lines} />
        </>
      ) : null}
    </Stack>
  );
}
