import { SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import type { PersonDetailData } from '../registry/api';
import { AppointmentsSection } from './AppointmentsSection';
import { TASK_PAGE_SIZE, useTaskList } from './api';
import { TaskTable } from './TaskTable';

/** A person's "schedule and deadlines" tab: every office's statutory items, and the center's appointments. */
export default function PersonSchedulePanel({ person }: { person: PersonDetailData }) {
  const { t } = useTranslation();
  const me = useMe();
  const [filter, setFilter] = useState<'open' | 'done'>('open');
  const [page, setPage] = useState(1);
  const tasks = useTaskList({ filter, kind: null, personId: person.id, page });

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="person-tasks">
        <Title order={2} size="h4" id="person-tasks">
          {t('dashboard.personTab.tasksHeading')}
        </Title>
        <SegmentedControl
          aria-label={t('dashboard.personTab.tasksFilter')}
          value={filter}
          onChange={(value) => {
            setFilter(value === 'done' ? 'done' : 'open');
            setPage(1);
          }}
          data={[
            { value: 'open', label: t('dashboard.personTab.tasksOpen') },
            { value: 'done', label: t('dashboard.personTab.tasksDone') },
          ]}
          w="fit-content"
          data-testid="person-task-filter"
        />
        {tasks.isError ? <ProblemAlert problem={problemOf(tasks.error, t('errors.loadFailed'))} /> : null}
        <TaskTable
          tasks={tasks.data?.items ?? []}
          label={t('dashboard.personTab.tasksTable')}
          showPerson={false}
          busy={tasks.isFetching || tasks.isPending}
          testId="person-task-table"
        />
        {tasks.data ? (
          <Pager page={page} pageSize={TASK_PAGE_SIZE} total={tasks.data.total} onChange={setPage} />
        ) : null}
      </Stack>
      {hasPermission(me, 'cases.read') ? <AppointmentsSection personId={person.id} /> : null}
    </Stack>
  );
}
