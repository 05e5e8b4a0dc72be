import { Anchor, Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { UNCLIPPED } from '../../platform/ui/badges';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { AssignForm } from './AssignForm';
import {
  assignSurveyCheck,
  CHECK_PAGE_SIZE,
  type CheckFilters,
  protectionKeys,
  useSurveyChecks,
} from './api';
import { CheckResultForm } from './CheckResultForm';

const ASSIGNEES = ['any', 'me', 'unassigned'] as const;
const STATUSES = ['all', 'pending', 'done'] as const;

/**
 * The persons of a round the reader's center or office checks: filtered and paged on the server, with
 * assignment for managers and the result form for whoever checks.
 */
export function SurveyChecks({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<CheckFilters>({ assignee: 'any', status: 'all', page: 1 });
  // By id: after a reload the form takes the check's new version from the list, and keeps what was typed.
  const [recordingId, setRecordingId] = useState<string | null>(null);
  const checks = useSurveyChecks(roundId, filters, true);
  const canAssign = hasPermission(me, 'surveys.assign');
  const canCheck = hasPermission(me, 'surveys.check');
  const items = checks.data?.items ?? [];
  const recording = items.find((check) => check.id === recordingId) ?? null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: protectionKeys.all });

  return (
    <Stack gap="md">
      <Group
        align="flex-end"
        gap="lg"
        wrap="wrap"
        role="group"
        aria-label={t('protection.surveys.checks.filtersLabel')}
      >
        <NativeSelect
          label={t('protection.surveys.checks.assignee')}
          value={filters.assignee}
          onChange={(event) =>
            setFilters({
              ...filters,
              assignee: event.currentTarget.value as CheckFilters['assignee'],
              page: 1,
            })
          }
          data={ASSIGNEES.map((value) => ({ value, label: t(`protection.queue.assigneeOptions.${value}`) }))}
          w={200}
          data-testid="check-filter-assignee"
        />
        <NativeSelect
          label={t('protection.surveys.checks.status')}
          value={filters.status}
          onChange={(event) =>
            setFilters({ ...filters, status: event.currentTarget.value as CheckFilters['status'], page: 1 })
          }
          data={STATUSES.map((value) => ({
            value,
            label: t(`protection.surveys.checks.statusOptions.${value}`),
          }))}
          w={200}
          data-testid="check-filter-status"
        />
      </Group>
      {checks.isError ? <ProblemAlert problem={problemOf(checks.error, t('errors.loadFailed'))} /> : null}
      <TableFrame label={t('protection.surveys.checks.tableLabel')}>
        <Table
          striped
          miw={900}
          aria-label={t('protection.surveys.checks.tableLabel')}
          aria-busy={checks.isFetching}
          data-testid="check-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('protection.surveys.checks.person')}</Table.Th>
              <Table.Th scope="col">{t('protection.surveys.checks.assignee')}</Table.Th>
              <Table.Th scope="col">{t('protection.surveys.checks.finding')}</Table.Th>
              <Table.Th scope="col">{t('protection.surveys.checks.checkedOn')}</Table.Th>
              <Table.Th scope="col">{t('protection.surveys.checks.method')}</Table.Th>
              {canCheck ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((check) => (
              <Table.Tr key={check.id} data-testid={`check-row-${check.person.code}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/persons/${check.person.id}`} className="mono" fw={600}>
                    {check.person.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {canAssign ? (
                    <AssignForm
                      key={check.version}
                      currentId={check.assignee?.id ?? null}
                      label={t('protection.surveys.checks.assignLabel', { code: check.person.code })}
                      submitLabel={t('protection.surveys.checks.assignSubmit')}
                      doneMessage={t('protection.surveys.checks.assigned')}
                      assign={(assigneeId) =>
                        assignSurveyCheck(check.id, { assigneeId, version: check.version })
                      }
                      onChanged={refresh}
                      testId="check-assign"
                      hideLabel
                    />
                  ) : (
                    (check.assignee?.displayName ?? t('protection.queue.unassigned'))
                  )}
                </Table.Td>
                <Table.Td>
                  {check.finding ? (
                    <Badge
                      color={check.finding === 'crisis_suspect' ? 'red' : 'blue'}
                      tt="none"
                      styles={UNCLIPPED}
                    >
                      {t(`protection.surveys.findings.${check.finding}`)}
                    </Badge>
                  ) : (
                    t('protection.surveys.checks.notChecked')
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {check.checkedOn ? formatDate(check.checkedOn, locale) : '—'}
                </Table.Td>
                <Table.Td>{check.method ? t(`protection.contact.methods.${check.method}`) : '—'}</Table.Td>
                {canCheck ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setRecordingId(check.id)}
                      aria-label={t('protection.surveys.checks.recordTitle', { code: check.person.code })}
                      data-testid="check-record"
                    >
                      {t('protection.surveys.checks.record')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {checks.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={canCheck ? 6 : 5} data-testid="check-empty">
                  <Text size="sm">{t('protection.surveys.checks.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      {checks.data ? (
        <Pager
          page={filters.page}
          pageSize={CHECK_PAGE_SIZE}
          total={checks.data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      ) : null}
      <Modal
        opened={recording !== null}
        onClose={() => setRecordingId(null)}
        title={recording ? t('protection.surveys.checks.recordTitle', { code: recording.person.code }) : ''}
      >
        {recording ? (
          <CheckResultForm
            check={recording}
            onCancel={() => setRecordingId(null)}
            onReload={refresh}
            onSaved={async () => {
              setRecordingId(null);
              await refresh();
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
