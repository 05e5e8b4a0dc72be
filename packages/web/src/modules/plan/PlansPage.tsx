import { PlanYear, seoulDate } from '@ieum/domain';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { createPlan, planKeys, useMasterPlans, usePlans } from './api';
import { PlanStatusBadge } from './badges';
import { localized, revisionLabel } from './text';

/** A new yearly plan from a master plan: the year defaults to next year in Korea. */
function CreatePlanDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const masters = useMasterPlans(opened);
  const [masterId, setMasterId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | string>(Number(seoulDate(new Date()).slice(0, 4)) + 1);
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  const [busy, setBusy] = useState(false);
  const items = masters.data?.items ?? [];
  const chosen = masterId ?? items[0]?.id ?? null;

  const submit = async () => {
    const parsedYear = PlanYear.safeParse(Number(year));
    if (!chosen || !parsedYear.success) {
      setProblem({ type: 'about:blank', title: t('plan.list.yearInvalid'), status: 400, code: 'client' });
      return;
    }
    setBusy(true);
    try {
      const plan = await createPlan({ masterPlanId: chosen, year: parsedYear.data });
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      void navigate(`/plans/${plan.id}/tasks`);
    } catch (error) {
      setProblem(problemOf(error, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={() => {
        setProblem(null);
        onClose();
      }}
      title={t('plan.list.createTitle')}
    >
      <Stack gap="md">
        <Text size="sm">{t('plan.list.createHelp')}</Text>
        {masters.isError ? <ProblemAlert problem={problemOf(masters.error, t('errors.loadFailed'))} /> : null}
        {masters.data && items.length === 0 ? <Text size="sm">{t('plan.list.noMasterPlan')}</Text> : null}
        <Select
          label={t('plan.list.masterPlan')}
          data={items.map((m) => ({
            value: m.id,
            label: `${localized(m, locale)} (${m.startYear}–${m.endYear})`,
          }))}
          value={chosen}
          onChange={setMasterId}
          allowDeselect={false}
          data-testid="plan-create-master"
        />
        <NumberInput
          label={t('plan.list.year')}
          value={year}
          onChange={setYear}
          min={2000}
          max={2100}
          allowDecimal={false}
          required
          data-testid="plan-create-year"
        />
        {problem ? <ProblemAlert problem={problem} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={busy} disabled={!chosen} data-testid="plan-create-submit">
            {t('plan.list.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The yearly implementation plans, newest first: the latest revision of each, or every revision. */
export default function PlansPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const [all, setAll] = useState(false);
  const [creating, setCreating] = useState(false);
  const plans = usePlans(all ? 'all' : 'latest');

  return (
    <Stack gap="md">
      <PageHeader
        title={t('plan.list.title')}
        actions={
          hasPermission(me, 'plans.manage') ? (
            <Button onClick={() => setCreating(true)} data-testid="plan-create">
              {t('plan.list.create')}
            </Button>
          ) : null
        }
      />
      <Checkbox
        label={t('plan.list.showAll')}
        checked={all}
        onChange={(event) => setAll(event.currentTarget.checked)}
      />
      {plans.isError ? <ProblemAlert problem={problemOf(plans.error, t('errors.loadFailed'))} /> : null}
      {!plans.data && !plans.isError ? <PageLoader /> : null}
      {plans.data && plans.data.items.length === 0 ? <Text>{t('plan.list.empty')}</Text> : null}
      {plans.data && plans.data.items.length > 0 ? (
        <TableFrame label={t('plan.list.tableLabel')}>
          <Table aria-label={t('plan.list.tableLabel')} data-testid="plan-list" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.list.columns.year')}</Table.Th>
                <Table.Th scope="col">{t('plan.list.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('plan.list.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('plan.list.columns.revision')}</Table.Th>
                <Table.Th scope="col">{t('plan.list.columns.tasks')}</Table.Th>
                <Table.Th scope="col">{t('plan.list.columns.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.data.items.map((plan) => (
                <Table.Tr key={plan.id}>
                  <Table.Td>{plan.year}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/plans/${plan.id}`}>
                      {localized(plan, locale)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <PlanStatusBadge status={plan.status} />
                  </Table.Td>
                  <Table.Td>{revisionLabel(t, plan.revision)}</Table.Td>
                  <Table.Td>{plan.taskCount}</Table.Td>
                  <Table.Td>{formatDateTime(plan.updatedAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      ) : null}
      <CreatePlanDialog opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
