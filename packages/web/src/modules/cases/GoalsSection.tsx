import { GOAL_STATUSES, GoalInput, NEED_DOMAINS, seoulDate } from '@ieum/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { formatDate } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { addGoal, type CaseDetailData, type GoalData, updateGoal } from './api';
import { ChangeProblem } from './ChangeProblem';

type GoalStatus = GoalData['status'];
const EMPTY_GOAL = { domain: '', goal: '', targetOn: '' };

/** A goal still being worked on whose target date has passed (in Korea's calendar). */
export function isOverdue(goal: Pick<GoalData, 'status' | 'targetOn'>, today: string): boolean {
  return (goal.status === 'planned' || goal.status === 'in_progress') && goal.targetOn < today;
}

function GoalForm({ caseId, onSaved }: { caseId: string; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const form = useForm(EMPTY_GOAL);
  const [saving, setSaving] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(GoalInput, form.values, { messages: { domain: 'validation.choose' } });
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    addGoal(caseId, input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('cases.goals.saved') });
        form.reset(EMPTY_GOAL);
        await onSaved();
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="case-goal-form">
      <Title order={3} size="h5" id="case-goal-form" mb="xs">
        {t('cases.goals.formHeading')}
      </Title>
      <Stack gap="sm">
        <ProblemAlert problem={form.problem} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('cases.goals.domain')}
            required
            value={form.values.domain}
            onChange={(event) => form.setValue('domain', event.currentTarget.value)}
            data={[
              { value: '', label: t('cases.goals.chooseDomain'), disabled: true },
              ...NEED_DOMAINS.map((domain) => ({ value: domain, label: t(`cases.domain.${domain}`) })),
            ]}
            error={messageText(t, form.errors.domain)}
            w={200}
            data-testid="goal-domain"
          />
          <TextInput
            label={t('cases.goals.goal')}
            required
            maxLength={1000}
            error={messageText(t, form.errors.goal)}
            style={{ flex: 1, minWidth: 240 }}
            data-testid="goal-text"
            {...form.text('goal')}
          />
          <TextInput
            type="date"
            label={t('cases.goals.targetOn')}
            required
            error={messageText(t, form.errors.targetOn)}
            w={180}
            data-testid="goal-target"
            {...form.text('targetOn')}
          />
        </Group>
        <div>
          <Button type="submit" loading={saving} data-testid="goal-submit">
            {t('cases.goals.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function GoalStatusSelect({
  caseId,
  goal,
  onChanged,
  onFailed,
}: {
  caseId: string;
  goal: GoalData;
  onChanged: () => Promise<unknown>;
  onFailed: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const change = (status: GoalStatus) => {
    setSaving(true);
    updateGoal(caseId, goal.id, { status, version: goal.version })
      .then(async () => {
        notifications.show({ color: 'teal', message: t('cases.goals.statusSaved') });
        await onChanged();
      }, onFailed)
      .finally(() => setSaving(false));
  };
  return (
    <NativeSelect
      aria-label={t('cases.goals.statusOf', { domain: t(`cases.domain.${goal.domain}`) })}
      value={goal.status}
      disabled={saving}
      onChange={(event) => change(event.currentTarget.value as GoalStatus)}
      data={GOAL_STATUSES.map((status) => ({ value: status, label: t(`cases.goals.status.${status}`) }))}
      size="xs"
      w={140}
      data-testid={`goal-status-${goal.id}`}
    />
  );
}

/** The service plan: goals per need domain with a target date and where they stand. */
export function GoalsSection({
  caseData,
  canWrite,
  onChanged,
}: {
  caseData: CaseDetailData;
  canWrite: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = seoulDate(new Date());
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  const onFailed = (error: unknown) => setProblem(problemOf(error, t('errors.unexpected')));
  const reload = () => {
    setProblem(null);
    void onChanged();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-goals">
      <Title order={2} size="h4" id="case-goals" mb="md">
        {t('cases.goals.heading')}
      </Title>
      <Stack gap="lg">
        <ChangeProblem problem={problem} onReload={reload} />
        {caseData.goals.length === 0 ? (
          <Text size="sm" data-testid="goals-empty">
            {t('cases.goals.empty')}
          </Text>
        ) : (
          <TableFrame label={t('cases.goals.tableLabel')}>
            <Table
              striped
              fz="sm"
              miw={640}
              aria-label={t('cases.goals.tableLabel')}
              data-testid="goal-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.goals.domain')}</Table.Th>
                  <Table.Th scope="col">{t('cases.goals.goal')}</Table.Th>
                  <Table.Th scope="col">{t('cases.goals.targetOn')}</Table.Th>
                  <Table.Th scope="col">{t('cases.goals.statusHeading')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {caseData.goals.map((goal) => (
                  <Table.Tr key={goal.id} data-testid={`goal-row-${goal.id}`}>
                    <Table.Td>{t(`cases.domain.${goal.domain}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{goal.goal}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={6} wrap="nowrap">
                        {formatDate(goal.targetOn, locale)}
                        {isOverdue(goal, today) ? (
                          <Badge color="red" size="sm" data-testid="goal-overdue">
                            {t('cases.goals.overdue')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {canWrite ? (
                        <GoalStatusSelect
                          caseId={caseData.id}
                          goal={goal}
                          onChanged={onChanged}
                          onFailed={onFailed}
                        />
                      ) : (
                        t(`cases.goals.status.${goal.status}`)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
        )}
        {canWrite ? <GoalForm caseId={caseData.id} onSaved={onChanged} /> : null}
      </Stack>
    </Card>
  );
}
