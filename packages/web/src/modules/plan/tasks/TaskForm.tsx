import { QUARTERS, TaskInput } from '@ieum/domain';
import {
  Fieldset,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../platform/api';
import { messageText, useForm } from '../../../platform/forms';
import { useLocale } from '../../../platform/i18n';
import { FormActions, useSaving } from '../../../platform/ui/form-parts';
import { type CategoryData, type PlanDetailData, saveTask, type TaskData, useOrganizations } from '../api';
import { orgName } from '../text';
import { PlanStale, useRefreshPlans, withoutPrefix } from './form-parts';
import { KpiRows } from './KpiRows';
import {
  issuesOf,
  type KpiRowErrors,
  kpiErrorsOfProblem,
  type TaskValues,
  taskInputOf,
  valuesOf,
} from './task-values';

function TaskFields({
  plan,
  category,
  task,
  onDone,
}: {
  plan: PlanDetailData;
  category: CategoryData;
  task: TaskData | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const organizations = useOrganizations();
  const refresh = useRefreshPlans();
  // A new task's key is made once, so a retried save (after a stale version) replaces rather than duplicates.
  const [taskKey] = useState(() => task?.key ?? crypto.randomUUID());
  const form = useForm<TaskValues>(valuesOf(task, category));
  const [kpiErrors, setKpiErrors] = useState<Record<string, KpiRowErrors>>({});
  const { saving, save } = useSaving((error) => {
    const rehomed = withoutPrefix(error, 'task');
    form.fail(rehomed);
    if (isApiError(rehomed)) setKpiErrors(kpiErrorsOfProblem(rehomed.problem.errors ?? [], form.values));
  });
  const error = (field: keyof TaskValues & string) => messageText(t, form.errors[field]);
  const options = (organizations.data ?? []).map((org) => ({ value: org.id, label: orgName(org, locale) }));
  const lead = form.values.leadOrganizationId;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = taskInputOf(taskKey, form.values);
    const parsed = TaskInput.safeParse(input);
    if (!parsed.success) {
      const { fields, kpis } = issuesOf(parsed.error.issues, form.values);
      form.setErrors(fields);
      setKpiErrors(kpis);
      return;
    }
    form.setErrors({});
    setKpiErrors({});
    // The plan's version is read when sending: after "load the latest", the next save carries the new one.
    save(
      () => saveTask(plan.id, taskKey, { task: parsed.data, version: plan.version }),
      t(task ? 'plan.tasks.form.saved' : 'plan.tasks.form.created'),
      async () => {
        onDone();
        await refresh();
      },
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t(task ? 'plan.tasks.form.editHeading' : 'plan.tasks.form.createHeading')}
      data-testid="plan-task-form"
    >
      <Stack gap="md">
        <PlanStale
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void refresh();
          }}
          testIdPrefix="plan-task"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('plan.tasks.fields.code')}
            description={t('plan.tasks.form.codeHint')}
            required
            maxLength={5}
            error={error('code')}
            {...form.text('code')}
            data-testid="plan-task-code"
          />
          <TextInput
            label={t('plan.tasks.fields.title')}
            required
            maxLength={200}
            error={error('title')}
            {...form.text('title')}
            style={{ gridColumn: 'span 2' }}
            data-testid="plan-task-title"
          />
        </SimpleGrid>
        <Textarea
          label={t('plan.tasks.fields.description')}
          rows={3}
          maxLength={4000}
          error={error('description')}
          {...form.text('description')}
          data-testid="plan-task-description"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('plan.tasks.fields.lead')}
            required
            searchable
            data={options}
            value={lead}
            onChange={(value) => {
              form.setValue('leadOrganizationId', value);
              // The lead cannot also cooperate: choosing it as lead takes it off the other list.
              if (value && form.values.cooperatingOrganizationIds.includes(value))
                form.setValue(
                  'cooperatingOrganizationIds',
                  form.values.cooperatingOrganizationIds.filter((id) => id !== value),
                );
            }}
            nothingFoundMessage={t('common.noResults')}
            disabled={organizations.isPending}
            error={error('leadOrganizationId')}
            comboboxProps={{ withinPortal: true }}
            data-testid="plan-task-lead"
          />
          <MultiSelect
            label={t('plan.tasks.fields.cooperating')}
            searchable
            data={options.filter((option) => option.value !== lead)}
            value={form.values.cooperatingOrganizationIds}
            onChange={(value) => form.setValue('cooperatingOrganizationIds', value)}
            nothingFoundMessage={t('common.noResults')}
            disabled={organizations.isPending}
            error={error('cooperatingOrganizationIds')}
            comboboxProps={{ withinPortal: true }}
            data-testid="plan-task-cooperating"
          />
        </SimpleGrid>
        <Fieldset legend={t('plan.tasks.fields.milestones')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {QUARTERS.map((quarter) => (
              <TextInput
                key={quarter}
                label={t('plan.tasks.form.milestoneLabel', { quarter })}
                maxLength={500}
                value={form.values.milestones[quarter]}
                onChange={(event) =>
                  form.setValue('milestones', {
                    ...form.values.milestones,
                    [quarter]: event.currentTarget.value,
                  })
                }
                data-testid={`plan-task-milestone-${quarter}`}
              />
            ))}
          </SimpleGrid>
          {error('milestones') ? (
            <Text size="sm" c="red.8" role="alert" mt="xs">
              {error('milestones')}
            </Text>
          ) : null}
        </Fieldset>
        <Fieldset legend={t('plan.tasks.fields.kpis')}>
          <KpiRows
            rows={form.values.kpis}
            errors={kpiErrors}
            onChange={(rows) => form.setValue('kpis', rows)}
          />
          {error('kpis') && Object.keys(kpiErrors).length === 0 ? (
            <Text size="sm" c="red.8" role="alert" mt="xs">
              {error('kpis')}
            </Text>
          ) : null}
        </Fieldset>
        <FormActions saving={saving} onCancel={onDone} submitTestId="plan-task-submit" />
      </Stack>
    </form>
  );
}

/** Adding a task to a category (`task` null) or editing one, in a dialog. */
export function TaskDialog({
  plan,
  target,
  onClose,
}: {
  plan: PlanDetailData;
  target: { category: CategoryData; task: TaskData | null } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      size="xl"
      title={t(target?.task ? 'plan.tasks.form.editHeading' : 'plan.tasks.form.createHeading')}
    >
      {target ? (
        <TaskFields
          key={target.task?.key ?? `new-${target.category.code}`}
          plan={plan}
          category={target.category}
          task={target.task}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}
