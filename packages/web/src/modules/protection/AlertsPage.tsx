import { ALERT_LEVELS, type AlertLevel, type Problem } from '@ieum/domain';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import {
  ALERT_PAGE_SIZE,
  type AlertFilters,
  type AlertItemData,
  type AlertListData,
  protectionKeys,
  takeAlert,
  useAlerts,
} from './api';
import { AlertStatusBadge, Deadline, LevelBadge } from './badges';
import { ScreeningPanel } from './ScreeningPanel';
import { StaleProblem } from './StaleProblem';
import { reasonSentence } from './text';

const ALL = '';
const STATUSES = ['active', 'closed', 'all'] as const;
const ASSIGNEES = ['any', 'me', 'unassigned'] as const;
const COUNTS = ['crisis', 'high', 'watch', 'overdue'] as const;

function Counts({ counts }: { counts: AlertListData['counts'] | undefined }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 4 }}
      component="dl"
      aria-label={t('protection.queue.countsLabel')}
      data-testid="alert-counts"
      m={0}
    >
      {COUNTS.map((key) => (
        <Card key={key} withBorder padding="sm">
          <Text component="dt" size="sm">
            {t(`protection.queue.counts.${key}`)}
          </Text>
          <Text
            component="dd"
            m={0}
            fw={700}
            size="xl"
            c={key === 'crisis' || key === 'overdue' ? 'red.9' : undefined}
            data-testid={`alert-count-${key}`}
          >
            {counts ? counts[key] : '—'}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Filters({ filters, onChange }: { filters: AlertFilters; onChange: (next: AlertFilters) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<AlertFilters>) => onChange({ ...filters, ...patch, page: 1 });
  return (
    <Group align="flex-end" gap="lg" wrap="wrap" role="group" aria-label={t('protection.queue.filtersLabel')}>
      <NativeSelect
        label={t('protection.queue.status')}
        value={filters.status}
        onChange={(event) => set({ status: event.currentTarget.value as AlertFilters['status'] })}
        data={STATUSES.map((value) => ({ value, label: t(`protection.queue.statusOptions.${value}`) }))}
        w={160}
        data-testid="alert-filter-status"
      />
      <NativeSelect
        label={t('protection.queue.level')}
        value={filters.level ?? ALL}
        onChange={(event) => {
          const value = event.currentTarget.value;
          set({ level: value === ALL ? null : (value as AlertLevel) });
        }}
        data={[
          { value: ALL, label: t('common.all') },
          ...[...ALERT_LEVELS]
            .reverse()
            .map((level) => ({ value: level, label: t(`protection.levels.${level}`) })),
        ]}
        w={160}
        data-testid="alert-filter-level"
      />
      <NativeSelect
        label={t('protection.queue.assignee')}
        value={filters.assignee}
        onChange={(event) => set({ assignee: event.currentTarget.value as AlertFilters['assignee'] })}
        data={ASSIGNEES.map((value) => ({ value, label: t(`protection.queue.assigneeOptions.${value}`) }))}
        w={200}
        data-testid="alert-filter-assignee"
      />
      <Checkbox
        label={t('protection.queue.overdueOnly')}
        checked={filters.overdue}
        onChange={(event) => set({ overdue: event.currentTarget.checked })}
        mb={8}
        data-testid="alert-filter-overdue"
      />
    </Group>
  );
}

function TopReasons({ alert }: { alert: AlertItemData }) {
  const locale = useLocale();
  return (
    <List size="sm" spacing={2} data-testid="alert-top-reasons">
      {alert.topReasons.map((reason, index) => (
        // Reasons carry no id; their order is fixed by the rules.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <List.Item key={index}>{reasonSentence(reason, locale)}</List.Item>
      ))}
    </List>
  );
}

/**
 * The triage queue: the organization's alerts, most urgent first as the server orders them, with the reasons
 * of each score in words and the time left to the contact deadline. Anyone who acts on alerts may take an
 * unassigned one; center managers also run the screening on demand.
 */
export default function AlertsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<AlertFilters>({
    status: 'active',
    level: null,
    assignee: 'any',
    overdue: false,
    page: 1,
  });
  const list = useAlerts(filters);
  const [taking, setTaking] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const items = list.data?.items ?? [];
  const canAct = hasPermission(me, 'protection.act');
  const refresh = () => queryClient.invalidateQueries({ queryKey: protectionKeys.all });

  const take = (alert: AlertItemData) => {
    setTaking(alert.id);
    setProblem(null);
    takeAlert(alert.id, alert.version)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('protection.queue.taken') });
        await refresh();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unexpected'))))
      .finally(() => setTaking(null));
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('protection.queue.title')}
        actions={
          hasPermission(me, 'protection.import') ? (
            <Button
              variant="default"
              component={Link}
              to="/protection/signal-imports"
              data-testid="signal-import-link"
            >
              {t('protection.queue.imports')}
            </Button>
          ) : null
        }
      />
      <Text>{t('protection.queue.intro')}</Text>
      <Counts counts={list.data?.counts} />
      <Filters filters={filters} onChange={setFilters} />
      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}
      <StaleProblem
        problem={problem}
        onReload={() => {
          setProblem(null);
          void refresh();
        }}
      />
      <TableFrame label={t('protection.queue.tableLabel')}>
        <Table
          striped
          highlightOnHover
          miw={980}
          aria-label={t('protection.queue.tableLabel')}
          aria-busy={list.isFetching}
          data-testid="alert-table"
        >
          <Table.Thead>
            <Table.Tr>
              {[
                t('protection.queue.person'),
                t('protection.queue.levelAndScore'),
                t('protection.queue.reasons'),
                t('protection.queue.openedAt'),
                t('protection.queue.dueAt'),
                t('protection.queue.assignee'),
                t('common.status'),
              ].map((heading) => (
                <Table.Th key={heading} scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {heading}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((alert) => (
              <Table.Tr
                key={alert.id}
                data-testid={`alert-row-${alert.person.code}`}
                data-overdue={alert.overdue || undefined}
                style={alert.overdue ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-9)' } : undefined}
              >
                <Table.Td>
                  <Stack gap={2}>
                    <Anchor
                      component={Link}
                      to={`/persons/${alert.person.id}`}
                      className="mono"
                      fw={600}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {alert.person.code}
                    </Anchor>
                    <Anchor
                      component={Link}
                      to={`/protection/alerts/${alert.id}`}
                      size="sm"
                      aria-label={t('protection.queue.openLabel', { code: alert.person.code })}
                      data-testid="alert-open"
                    >
                      {t('protection.queue.open')}
                    </Anchor>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <LevelBadge level={alert.level} />
                    <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="alert-score">
                      {t('protection.points', { points: alert.score })}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td miw={260}>
                  <TopReasons alert={alert} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(alert.openedAt, locale)}</Table.Td>
                <Table.Td>
                  <Deadline alert={alert} />
                </Table.Td>
                <Table.Td>
                  {alert.assignee ? (
                    alert.assignee.displayName
                  ) : canAct && alert.status !== 'closed' ? (
                    <Button
                      size="xs"
                      loading={taking === alert.id}
                      disabled={taking !== null}
                      onClick={() => take(alert)}
                      aria-label={t('protection.queue.takeLabel', { code: alert.person.code })}
                      data-testid="alert-take"
                    >
                      {t('protection.queue.take')}
                    </Button>
                  ) : (
                    t('protection.queue.unassigned')
                  )}
                </Table.Td>
                <Table.Td>
                  <AlertStatusBadge status={alert.status} />
                </Table.Td>
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={7} data-testid="alert-empty">
                  <Text size="sm">{t('protection.queue.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      {list.data ? (
        <Pager
          page={filters.page}
          pageSize={ALERT_PAGE_SIZE}
          total={list.data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      ) : null}
      {hasPermission(me, 'protection.screen') ? <ScreeningPanel onRan={refresh} /> : null}
    </Stack>
  );
}
