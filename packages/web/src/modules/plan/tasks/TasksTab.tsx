import { isPlanEditable } from '@ieum/domain';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../../platform/auth/session';
import { useLocale } from '../../../platform/i18n';
import { Section } from '../../../platform/ui/Section';
import { TableFrame } from '../../../platform/ui/TableFrame';
import type { CategoryData, PlanDetailData, TaskData } from '../api';
import { ProgressBadge } from '../badges';
import { localized, orgName } from '../text';
import { CategoryDialog, DeleteTaskDialog, PlanTextDialog } from './EditDialogs';
import { ImportPanel } from './ImportPanel';
import { TaskDialog } from './TaskForm';

interface Editing {
  onEditTask: (category: CategoryData, task: TaskData | null) => void;
  onRemoveTask: (task: TaskData) => void;
  onEditCategory: (category: CategoryData) => void;
}

function TaskRow({ plan, task, editing }: { plan: PlanDetailData; task: TaskData; editing: Editing | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const progress = task.latestProgress;
  const category = plan.categories.find((c) => c.code === task.categoryCode);
  return (
    <Table.Tr data-testid={`plan-task-row-${task.code}`}>
      <Table.Td>{task.code}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/plans/${plan.id}/tasks/${task.key}`} data-testid="plan-task-link">
          {task.title}
        </Anchor>
      </Table.Td>
      <Table.Td>{orgName(task.leadOrganization, locale)}</Table.Td>
      <Table.Td>
        {task.cooperatingOrganizations.length === 0
          ? t('common.none')
          : task.cooperatingOrganizations.map((org) => orgName(org, locale)).join(', ')}
      </Table.Td>
      <Table.Td>{task.kpis.length}</Table.Td>
      <Table.Td>
        {progress ? (
          <Group gap={6} wrap="nowrap" data-testid="plan-task-progress">
            <ProgressBadge status={progress.status} />
            <Text size="sm">{t('plan.percent', { value: progress.percentComplete })}</Text>
            <Text size="xs" c="dimmed">
              {t('plan.quarter', { quarter: progress.quarter })}
            </Text>
          </Group>
        ) : (
          <ProgressBadge status="not_reported" />
        )}
      </Table.Td>
      {editing && category ? (
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => editing.onEditTask(category, task)}
              aria-label={t('plan.tasks.editTask', { code: task.code })}
              data-testid="plan-task-edit"
            >
              {t('common.edit')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              color="red"
              onClick={() => editing.onRemoveTask(task)}
              aria-label={t('plan.tasks.removeTask', { code: task.code })}
              data-testid="plan-task-remove"
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

function CategorySection({
  plan,
  category,
  editing,
}: {
  plan: PlanDetailData;
  category: CategoryData;
  editing: Editing | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(category, locale);
  const tableLabel = t('plan.tasks.tableLabel', { code: category.code, name });
  return (
    <Section
      id={`plan-category-${category.code}`}
      heading={t('plan.tasks.categoryHeading', { code: category.code, name })}
    >
      <Stack gap="sm" data-testid={`plan-category-${category.code}`}>
        {category.goal ? (
          <Text size="sm">
            <Text span fw={500}>
              {t('plan.tasks.goal')}
            </Text>{' '}
            {category.goal}
          </Text>
        ) : null}
        {editing ? (
          <Group gap="sm">
            <Button
              size="xs"
              onClick={() => editing.onEditTask(category, null)}
              data-testid={`plan-task-add-${category.code}`}
            >
              {t('plan.tasks.addTask')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => editing.onEditCategory(category)}
              data-testid={`plan-category-edit-${category.code}`}
            >
              {t('plan.tasks.editCategory')}
            </Button>
          </Group>
        ) : null}
        {category.tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('plan.tasks.noTasks')}
          </Text>
        ) : (
          <TableFrame label={tableLabel}>
            <Table striped aria-label={tableLabel}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plan.tasks.fields.code')}</Table.Th>
                  <Table.Th>{t('plan.tasks.fields.title')}</Table.Th>
                  <Table.Th>{t('plan.tasks.fields.lead')}</Table.Th>
                  <Table.Th>{t('plan.tasks.fields.cooperating')}</Table.Th>
                  <Table.Th>{t('plan.tasks.columns.kpis')}</Table.Th>
                  <Table.Th>{t('plan.tasks.columns.progress')}</Table.Th>
                  {editing ? <Table.Th>{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {category.tasks.map((task) => (
                  <TaskRow key={task.key} plan={plan} task={task} editing={editing} />
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
        )}
      </Stack>
    </Section>
  );
}

/**
 * The plan's tasks by category: its preface, then each category's goal and tasks (lead and cooperating
 * organizations, KPIs, the latest report). While the plan is a draft, a plan manager edits it here — titles and
 * preface, categories, tasks with their KPIs, and tasks imported from XLSX — every change at the plan's version.
 */
export function TasksTab({ plan }: { plan: PlanDetailData }) {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = isPlanEditable(plan.status) && hasPermission(me, 'plans.manage');
  const [planTextOpen, setPlanTextOpen] = useState(false);
  const [category, setCategory] = useState<CategoryData | null>(null);
  const [taskTarget, setTaskTarget] = useState<{ category: CategoryData; task: TaskData | null } | null>(
    null,
  );
  const [removing, setRemoving] = useState<TaskData | null>(null);
  const editing: Editing | null = canEdit
    ? {
        onEditTask: (c, task) => setTaskTarget({ category: c, task }),
        onRemoveTask: setRemoving,
        onEditCategory: setCategory,
      }
    : null;
  // After "load the latest", the dialogs see the category as the plan now has it.
  const liveCategory = (code: number) => plan.categories.find((c) => c.code === code);

  return (
    <Stack gap="md" data-testid="plan-tasks">
      <Section id="plan-summary-heading" heading={t('plan.tasks.summaryHeading')}>
        <Stack gap="sm">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="plan-summary">
            {plan.summary || t('plan.tasks.noSummary')}
          </Text>
          {canEdit ? (
            <div>
              <Button
                size="xs"
                variant="default"
                onClick={() => setPlanTextOpen(true)}
                data-testid="plan-text-edit"
              >
                {t('plan.tasks.planText.edit')}
              </Button>
            </div>
          ) : null}
        </Stack>
      </Section>
      {canEdit ? <ImportPanel plan={plan} /> : null}
      {!canEdit && hasPermission(me, 'plans.manage') ? (
        <Text size="sm" c="dimmed" data-testid="plan-tasks-not-editable">
          {t('plan.tasks.notEditable')}
        </Text>
      ) : null}
      {plan.categories.map((c) => (
        <CategorySection key={c.code} plan={plan} category={c} editing={editing} />
      ))}
      {canEdit ? (
        <>
          <PlanTextDialog plan={plan} opened={planTextOpen} onClose={() => setPlanTextOpen(false)} />
          <CategoryDialog
            plan={plan}
            category={category ? (liveCategory(category.code) ?? category) : null}
            onClose={() => setCategory(null)}
          />
          <TaskDialog
            plan={plan}
            target={
              taskTarget
                ? { ...taskTarget, category: liveCategory(taskTarget.category.code) ?? taskTarget.category }
                : null
            }
            onClose={() => setTaskTarget(null)}
          />
          <DeleteTaskDialog plan={plan} task={removing} onClose={() => setRemoving(null)} />
        </>
      ) : null}
    </Stack>
  );
}
