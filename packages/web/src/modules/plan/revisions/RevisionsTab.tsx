import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../../platform/api';
import { formatDate, formatDateTime } from '../../../platform/format';
import { useLocale } from '../../../platform/i18n';
import { PageLoader } from '../../../platform/ui/PageLoader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { Section } from '../../../platform/ui/Section';
import { TableFrame } from '../../../platform/ui/TableFrame';
import { type PlanDetailData, usePlans } from '../api';
import { PlanStatusBadge } from '../badges';
import { RevisionDiff, useRevisionLabel } from './RevisionDiff';

/**
 * The revisions of this plan's year (개정 이력), each linked, and what this revision changed against an
 * earlier one (신구대비). A plan as first adopted has nothing to compare with.
 */
export function RevisionsTab({ plan }: { plan: PlanDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useRevisionLabel();
  const plans = usePlans('all', plan.year);
  const revisions = (plans.data?.items ?? [])
    .filter((item) => item.year === plan.year && item.masterPlanId === plan.masterPlanId)
    .sort((a, b) => a.revision - b.revision);
  const earlier = revisions.filter((item) => item.revision < plan.revision).reverse();
  const tableLabel = t('plan.revisions.listTable', { year: plan.year });

  return (
    <Stack gap="lg" data-testid="plan-revisions">
      <Section id="plan-revisions-list" heading={t('plan.revisions.listHeading')}>
        {plans.isError ? (
          <ProblemAlert problem={problemOf(plans.error, t('errors.loadFailed'))} />
        ) : !plans.data ? (
          <PageLoader />
        ) : (
          <Stack gap="sm">
            <Text size="sm">{t('plan.revisions.intro', { year: plan.year })}</Text>
            <TableFrame label={tableLabel}>
              <Table miw={560} aria-label={tableLabel} data-testid="plan-revision-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('plan.revisions.columns.revision')}</Table.Th>
                    <Table.Th scope="col">{t('plan.revisions.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('plan.revisions.columns.finalizedAt')}</Table.Th>
                    <Table.Th scope="col">{t('plan.revisions.columns.updatedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {revisions.map((item) => {
                    const current = item.id === plan.id;
                    return (
                      <Table.Tr key={item.id} data-testid={`plan-revision-${item.revision}`}>
                        <Table.Th scope="row" fw={current ? 700 : 500}>
                          {current ? (
                            <Text span fw={700} size="sm" aria-current="page">
                              {label(item.revision)}{' '}
                              <Text span c="dimmed" size="xs">
                                ({t('plan.revisions.current')})
                              </Text>
                            </Text>
                          ) : (
                            <Anchor component={Link} to={`/plans/${item.id}/revisions`} size="sm">
                              {label(item.revision)}
                            </Anchor>
                          )}
                        </Table.Th>
                        <Table.Td>
                          <PlanStatusBadge status={item.status} />
                        </Table.Td>
                        <Table.Td>
                          {item.finalizedAt
                            ? formatDate(item.finalizedAt, locale)
                            : t('plan.revisions.notFinalized')}
                        </Table.Td>
                        <Table.Td>{formatDateTime(item.updatedAt, locale)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableFrame>
          </Stack>
        )}
      </Section>
      <Section id="plan-revisions-diff" heading={t('plan.revisions.diffHeading')}>
        {plan.revision === 1 || plan.previousRevisionId === null ? (
          <Text size="sm" data-testid="plan-diff-none">
            {t('plan.revisions.firstRevision')}
          </Text>
        ) : (
          <RevisionDiff plan={plan} earlier={earlier} />
        )}
      </Section>
    </Stack>
  );
}
