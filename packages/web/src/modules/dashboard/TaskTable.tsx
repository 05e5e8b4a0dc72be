import type { Role } from '@ieum/domain';
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError, problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type TaskData, useCompleteTask } from './api';

/** A center manager answers for the center's case work too (as the server's rule does). */
function answersFor(roles: readonly Role[], role: Role | null): boolean {
  if (role === null) return false;
  return roles.includes(role) || (role === 'case_worker' && roles.includes('center_manager'));
}

function TaskStatusBadge({ task }: { task: TaskData }) {
  const { t } = useTranslation();
  if (task.status === 'open' && task.overdue)
    return <Badge color="red">{t('dashboard.taskStatus.overdue')}</Badge>;
  const color = task.status === 'done' ? 'teal' : task.status === 'cancelled' ? 'gray' : 'blue';
  return <Badge color={color}>{t(`dashboard.taskStatus.${task.status}`)}</Badge>;
}

/**
 * Dated tasks with a "mark done" for those the user's office answers for. Shared by the work list and a
 * person's schedule tab (`showPerson` off there: the page already names the person).
 */
export function TaskTable({
  tasks,
  label,
  showPerson,
  busy,
  testId,
}: {
  tasks: readonly TaskData[];
  label: string;
  showPerson: boolean;
  busy: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const complete = useCompleteTask();
  const canComplete = hasPermission(me, 'tasks.update');

  const onComplete = (task: TaskData) =>
    complete.mutate(task, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('dashboard.tasks.completed') }),
      onError: (error) => {
        if (isApiError(error, 'conflict.stale'))
          notifications.show({ color: 'orange', message: t('errors.stale') });
      },
    });
  const columns = showPerson ? 8 : 6;

  return (
    <>
      {complete.isError && !isApiError(complete.error, 'conflict.stale') ? (
        <ProblemAlert
          problem={problemOf(complete.error, t('dashboard.tasks.completeFailed'))}
          onClose={() => complete.reset()}
        />
      ) : null}
      <TableFrame label={label}>
        <Table striped miw={showPerson ? 900 : 640} aria-label={label} aria-busy={busy} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {showPerson ? (
                <>
                  <Table.Th scope="col">{t('dashboard.tasks.person')}</Table.Th>
                  <Table.Th scope="col">{t('dashboard.tasks.maskedName')}</Table.Th>
                </>
              ) : null}
              <Table.Th scope="col">{t('dashboard.tasks.taskKind')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.tasks.period')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.tasks.office')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.tasks.dueOn')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.tasks.status')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.tasks.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => {
              const kind = t(`dashboard.taskKind.${task.kind}`);
              return (
                <Table.Tr key={task.id} data-testid={`task-row-${task.id}`}>
                  {showPerson ? (
                    <>
                      <Table.Td>
                        <Anchor component={Link} to={`/persons/${task.person.id}`} className="mono" fw={600}>
                          {task.person.code}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{task.person.maskedName}</Table.Td>
                    </>
                  ) : null}
                  <Table.Td>{kind}</Table.Td>
                  <Table.Td>
                    {task.periodStart && task.periodEnd
                      ? t('dashboard.tasks.periodValue', {
                          start: formatDate(task.periodStart, locale),
                          end: formatDate(task.periodEnd, locale),
                        })
                      : '—'}
                  </Table.Td>
                  <Table.Td>{task.organizationName ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(task.dueOn, locale)}</Table.Td>
                  <Table.Td>
                    <TaskStatusBadge task={task} />
                  </Table.Td>
                  <Table.Td>
                    {canComplete && task.status === 'open' && answersFor(me.roles, task.role) ? (
                      <Button
                        size="xs"
                        variant="light"
                        loading={complete.isPending && complete.variables?.id === task.id}
                        aria-label={t('dashboard.tasks.completeLabel', { code: task.person.code, kind })}
                        onClick={() => onComplete(task)}
                        data-testid={`task-complete-${task.id}`}
                      >
                        {t('dashboard.tasks.complete')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {!busy && tasks.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns} data-testid={`${testId}-empty`}>
                  <Text size="sm">{t('dashboard.tasks.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </>
  );
}
