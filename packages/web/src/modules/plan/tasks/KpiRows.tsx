import { computableMetrics, findMetric, KPI_DIRECTIONS, METRIC_UNITS, QUARTERS } from '@ieum/domain';
import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { messageText } from '../../../platform/forms';
import { useLocale } from '../../../platform/i18n';
import { type KpiRow, type KpiRowErrors, newKpiRow } from './task-values';

/** The words a count is counted in, as the ministry's plans write them. */
const COUNT_LABELS = ['명', '건', '개소', '회'] as const;

/**
 * A task's KPIs, a fieldset each: names, unit, baseline and target, direction, where the value comes from (typed
 * in by the lead organization, or computed by ieum — the metric fixes the unit) and the quarters' milestones.
 * Every field names its KPI for screen readers; KPIs are added and removed by button.
 */
export function KpiRows({
  rows,
  errors,
  onChange,
}: {
  rows: KpiRow[];
  errors: Record<string, KpiRowErrors>;
  onChange: (rows: KpiRow[]) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const set = (key: string, patch: Partial<KpiRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const metrics = computableMetrics();

  return (
    <Stack gap="sm" data-testid="plan-task-kpis">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.tasks.kpi.none')}
        </Text>
      ) : null}
      {rows.map((row, index) => {
        const n = index + 1;
        const rowErrors = errors[row.key] ?? {};
        const error = (field: string) => messageText(t, rowErrors[field]);
        const named = (field: string) => ({
          label: t(`plan.tasks.kpi.${field}` as 'plan.tasks.kpi.nameKo'),
          'aria-label': t('plan.tasks.kpi.rowField', {
            n,
            field: t(`plan.tasks.kpi.${field}` as 'plan.tasks.kpi.nameKo'),
          }),
          error: error(field),
        });
        const metric = row.source === 'manual' ? null : findMetric(row.source);
        const sourceOptions = [
          { value: 'manual', label: t('plan.tasks.kpi.manual') },
          ...metrics.map((m) => ({ value: m.key, label: m.label[locale] })),
          // A binding made before its metric stopped being computable stays visible, to be changed.
          ...(metric && !metric.computable ? [{ value: metric.key, label: metric.label[locale] }] : []),
        ];
        const unit = metric?.unit ?? row.unit;
        return (
          <Fieldset
            key={row.key}
            legend={t('plan.tasks.kpi.legend', { n })}
            data-testid={`plan-task-kpi-${n}`}
          >
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  {...named('nameKo')}
                  required
                  maxLength={200}
                  value={row.nameKo}
                  onChange={(event) => set(row.key, { nameKo: event.currentTarget.value })}
                  data-testid={`plan-kpi-${n}-name-ko`}
                />
                <TextInput
                  {...named('nameEn')}
                  maxLength={200}
                  value={row.nameEn}
                  onChange={(event) => set(row.key, { nameEn: event.currentTarget.value })}
                  data-testid={`plan-kpi-${n}-name-en`}
                />
                <NativeSelect
                  {...named('source')}
                  value={row.source}
                  onChange={(event) => {
                    const chosen = findMetric(event.currentTarget.value);
                    set(row.key, {
                      source: event.currentTarget.value,
                      ...(chosen ? { unit: chosen.unit } : {}),
                    });
                  }}
                  data={sourceOptions}
                  description={metric ? metric.description[locale] : t('plan.tasks.kpi.manualHint')}
                  data-testid={`plan-kpi-${n}-source`}
                />
                <Group grow gap="sm" align="flex-start">
                  <NativeSelect
                    {...named('unit')}
                    value={unit}
                    onChange={(event) => set(row.key, { unit: event.currentTarget.value as KpiRow['unit'] })}
                    data={METRIC_UNITS.map((u) => ({ value: u, label: t(`plan.tasks.kpi.units.${u}`) }))}
                    disabled={metric !== null}
                    data-testid={`plan-kpi-${n}-unit`}
                  />
                  {unit === 'count' ? (
                    <NativeSelect
                      {...named('unitLabelKo')}
                      value={row.unitLabelKo}
                      onChange={(event) => set(row.key, { unitLabelKo: event.currentTarget.value })}
                      data={[
                        { value: '', label: t('plan.tasks.kpi.noUnitLabel') },
                        ...COUNT_LABELS.map((label) => ({ value: label, label })),
                      ]}
                      data-testid={`plan-kpi-${n}-unit-label`}
                    />
                  ) : null}
                </Group>
                <TextInput
                  {...named('baseline')}
                  required
                  inputMode="decimal"
                  value={row.baseline}
                  onChange={(event) => set(row.key, { baseline: event.currentTarget.value })}
                  data-testid={`plan-kpi-${n}-baseline`}
                />
                <TextInput
                  {...named('target')}
                  required
                  inputMode="decimal"
                  value={row.target}
                  onChange={(event) => set(row.key, { target: event.currentTarget.value })}
                  data-testid={`plan-kpi-${n}-target`}
                />
                <NativeSelect
                  {...named('direction')}
                  value={row.direction}
                  onChange={(event) =>
                    set(row.key, { direction: event.currentTarget.value as KpiRow['direction'] })
                  }
                  data={KPI_DIRECTIONS.map((d) => ({ value: d, label: t(`plan.directions.${d}`) }))}
                  data-testid={`plan-kpi-${n}-direction`}
                />
              </SimpleGrid>
              <Text size="sm" fw={500}>
                {t('plan.tasks.kpi.milestones')}
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                {QUARTERS.map((quarter) => (
                  <TextInput
                    key={quarter}
                    label={t('plan.quarter', { quarter })}
                    aria-label={t('plan.tasks.kpi.milestoneField', { n, quarter })}
                    inputMode="decimal"
                    value={row.milestones[quarter]}
                    onChange={(event) =>
                      set(row.key, {
                        milestones: { ...row.milestones, [quarter]: event.currentTarget.value },
                      })
                    }
                    error={error(`milestone${quarter}`)}
                    data-testid={`plan-kpi-${n}-milestone-${quarter}`}
                  />
                ))}
              </SimpleGrid>
              {error('milestones') ? (
                <Text size="sm" c="red.8" role="alert">
                  {error('milestones')}
                </Text>
              ) : null}
              <Group justify="flex-end">
                <Button
                  variant="default"
                  size="xs"
                  color="red"
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                  data-testid={`plan-kpi-${n}-remove`}
                >
                  {t('plan.tasks.kpi.remove', { n })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <div>
        <Button
          variant="default"
          size="xs"
          onClick={() => onChange([...rows, newKpiRow()])}
          disabled={rows.length >= 10}
          data-testid="plan-kpi-add"
        >
          {t('plan.tasks.kpi.add')}
        </Button>
      </div>
    </Stack>
  );
}
