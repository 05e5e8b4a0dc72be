import { TaskKind } from '@ieum/domain';
import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { problemOf } from '../../platform/api';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TASK_FILTERS, TASK_PAGE_SIZE, type TaskFilter, type TaskListFilters, useTaskList } from './api';
import { TaskTable } from './TaskTable';

function isTaskFilter(value: string | null): value is TaskFilter {
  return TASK_FILTERS.includes(value as TaskFilter);
}

/**
 * The office's work list: statutory deadlines and tasks, filtered and paged on the server. The filters are
 * not personal, so the dashboard may link straight to one (`/tasks?view=overdue`).
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const initialView = params.get('view');
  const initialKind = TaskKind.safeParse(params.get('kind'));
  const [filters, setFilters] = useState<TaskListFilters>({
    filter: isTaskFilter(initialView) ? initialView : 'due',
    kind: initialKind.success ? initialKind.data : null,
    page: 1,
  });
  const list = useTaskList(filters);

  return (
    <Stack gap="md">
      <PageHeader title={t('dashboard.tasks.title')} />
      <Text size="sm" mt={-16}>
        {t('dashboard.tasks.intro')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('dashboard.tasks.filter')}
          value={filters.filter}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isTaskFilter(value)) setFilters({ ...filters, filter: value, page: 1 });
          }}
          data={TASK_FILTERS.map((value) => ({ value, label: t(`dashboard.tasks.filters.${value}`) }))}
          w={{ base: '100%', sm: 260 }}
          data-testid="task-filter"
        />
        <NativeSelect
          label={t('dashboard.tasks.kind')}
          value={filters.kind ?? ''}
          onChange={(event) => {
            const parsed = TaskKind.safeParse(event.currentTarget.value);
            setFilters({ ...filters, kind: parsed.success ? parsed.data : null, page: 1 });
          }}
          data={[
            { value: '', label: t('dashboard.tasks.kindAll') },
            ...TaskKind.options.map((value) => ({ value, label: t(`dashboard.taskKind.${value}`) })),
          ]}
          w={{ base: '100%', sm: 260 }}
          data-testid="task-kind"
        />
      </Group>

      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}

      <TaskTable
        tasks={list.data?.items ?? []}
        label={t('dashboard.tasks.tableLabel')}
        showPerson
        busy={list.isFetching || list.isPending}
        testId="task-table"
      />

      {list.data ? (
        <Pager
          page={filters.page}
          pageSize={TASK_PAGE_SIZE}
          total={list.data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      ) : null}
    </Stack>
  );
}
