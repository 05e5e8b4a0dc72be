import { CategoryUpdateInput, PlanUpdateInput } from '@ieum/domain';
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../../platform/api';
import { messageText, useForm } from '../../../platform/forms';
import { FormActions, useSaving } from '../../../platform/ui/form-parts';
import {
  type CategoryData,
  type PlanDetailData,
  removeTask,
  type TaskData,
  updateCategory,
  updatePlan,
} from '../api';
import { PlanStale, useRefreshPlans } from './form-parts';

interface PlanTextValues extends Record<string, unknown> {
  titleKo: string;
  titleEn: string;
  summary: string;
}

/** The draft's titles and preface (추진 배경·기본 방향), at the plan's version. */
export function PlanTextDialog({
  plan,
  opened,
  onClose,
}: {
  plan: PlanDetailData;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('plan.tasks.planText.heading')}>
      {opened ? <PlanTextFields plan={plan} onDone={onClose} /> : null}
    </Modal>
  );
}

function PlanTextFields({ plan, onDone }: { plan: PlanDetailData; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshPlans();
  const form = useForm<PlanTextValues>({
    titleKo: plan.titleKo,
    titleEn: plan.titleEn,
    summary: plan.summary,
  });
  const { saving, save } = useSaving(form.fail);
  const error = (field: keyof PlanTextValues & string) => messageText(t, form.errors[field]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(PlanUpdateInput, { ...form.values, version: plan.version });
    if (!input) return;
    save(
      () => updatePlan(plan.id, input),
      t('common.saved'),
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
      aria-label={t('plan.tasks.planText.heading')}
      data-testid="plan-text-form"
    >
      <Stack gap="md">
        <PlanStale problem={form.problem} onReload={() => void refresh()} testIdPrefix="plan-text" />
        <TextInput
          label={t('plan.tasks.planText.titleKo')}
          required
          maxLength={200}
          error={error('titleKo')}
          {...form.text('titleKo')}
          data-testid="plan-text-title-ko"
        />
        <TextInput
          label={t('plan.tasks.planText.titleEn')}
          required
          maxLength={200}
          error={error('titleEn')}
          {...form.text('titleEn')}
          data-testid="plan-text-title-en"
        />
        <Textarea
          label={t('plan.tasks.planText.summary')}
          rows={5}
          maxLength={4000}
          error={error('summary')}
          {...form.text('summary')}
          data-testid="plan-text-summary"
        />
        <FormActions saving={saving} onCancel={onDone} submitTestId="plan-text-submit" />
      </Stack>
    </form>
  );
}

interface CategoryValues extends Record<string, unknown> {
  nameKo: string;
  nameEn: string;
  goal: string;
}

/** A category's names and goal; its number comes from the master plan and stays. */
export function CategoryDialog({
  plan,
  category,
  onClose,
}: {
  plan: PlanDetailData;
  category: CategoryData | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={category !== null}
      onClose={onClose}
      size="lg"
      title={category ? t('plan.tasks.category.heading', { code: category.code }) : ''}
    >
      {category ? <CategoryFields plan={plan} category={category} onDone={onClose} /> : null}
    </Modal>
  );
}

function CategoryFields({
  plan,
  category,
  onDone,
}: {
  plan: PlanDetailData;
  category: CategoryData;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshPlans();
  const form = useForm<CategoryValues>({
    nameKo: category.nameKo,
    nameEn: category.nameEn,
    goal: category.goal,
  });
  const { saving, save } = useSaving(form.fail);
  const error = (field: keyof CategoryValues & string) => messageText(t, form.errors[field]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(CategoryUpdateInput, { ...form.values, version: plan.version });
    if (!input) return;
    save(
      () => updateCategory(plan.id, category.code, input),
      t('common.saved'),
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
      aria-label={t('plan.tasks.category.heading', { code: category.code })}
      data-testid="plan-category-form"
    >
      <Stack gap="md">
        <PlanStale problem={form.problem} onReload={() => void refresh()} testIdPrefix="plan-category" />
        <TextInput
          label={t('plan.tasks.category.nameKo')}
          required
          maxLength={100}
          error={error('nameKo')}
          {...form.text('nameKo')}
          data-testid="plan-category-name-ko"
        />
        <TextInput
          label={t('plan.tasks.category.nameEn')}
          required
          maxLength={150}
          error={error('nameEn')}
          {...form.text('nameEn')}
          data-testid="plan-category-name-en"
        />
        <Textarea
          label={t('plan.tasks.category.goal')}
          rows={2}
          maxLength={1000}
          error={error('goal')}
          {...form.text('goal')}
          data-testid="plan-category-goal"
        />
        <FormActions saving={saving} onCancel={onDone} submitTestId="plan-category-submit" />
      </Stack>
    </form>
  );
}

/** Removing a task (and its KPIs) from the draft, after a confirmation. */
export function DeleteTaskDialog({
  plan,
  task,
  onClose,
}: {
  plan: PlanDetailData;
  task: TaskData | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshPlans();
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setProblem(null);
    onClose();
  };
  const confirm = async () => {
    if (!task) return;
    setBusy(true);
    setProblem(null);
    try {
      await removeTask(plan.id, task.key, plan.version);
      close();
      await refresh();
    } catch (error) {
      setProblem(problemOf(error, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={task !== null} onClose={close} title={t('plan.tasks.remove.heading')}>
      <Stack gap="md" data-testid="plan-task-remove-dialog">
        <Text size="sm">{t('plan.tasks.remove.confirm')}</Text>
        {task ? (
          <Text size="sm" fw={600} data-testid="plan-task-remove-name">
            {task.code} {task.title}
          </Text>
        ) : null}
        <PlanStale
          problem={problem}
          onReload={() => {
            setProblem(null);
            void refresh();
          }}
          testIdPrefix="plan-task-remove"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => void confirm()}
            loading={busy}
            data-testid="plan-task-remove-confirm"
          >
            {t('plan.tasks.remove.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
