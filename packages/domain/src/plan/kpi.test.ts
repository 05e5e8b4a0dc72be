import { describe, expect, it } from 'vitest';
import {
  evaluateKpi,
  formatKpiValue,
  type KpiTarget,
  kpiProgress,
  latestEvaluation,
  manualValue,
  metricValue,
  milestoneFor,
  suppressCount,
} from './kpi';
import { metricDefinition } from './metrics';

const employmentRate: KpiTarget = {
  unit: 'rate',
  baseline: 54.4,
  target: 58,
  direction: 'up',
  milestones: [
    { quarter: 1, value: 55 },
    { quarter: 2, value: 56 },
  ],
};
const unemployment: KpiTarget = { unit: 'rate', baseline: 9.4, target: 7, direction: 'down', milestones: [] };
const placements: KpiTarget = {
  unit: 'count',
  baseline: 0,
  target: 500,
  direction: 'up',
  milestones: [{ quarter: 2, value: 200 }],
};

describe('suppression', () => {
  it('withholds counts from 1 to 4 and shows 0 and 5', () => {
    expect(suppressCount(0)).toEqual({ value: 0, suppressed: false });
    expect(suppressCount(1)).toEqual({ value: null, suppressed: true });
    expect(suppressCount(4)).toEqual({ value: null, suppressed: true });
    expect(suppressCount(5)).toEqual({ value: 5, suppressed: false });
  });

  it('withholds a rate whose numerator or denominator is withheld, and gives a percent otherwise', () => {
    const rate = metricDefinition('jobs.employment_rate');
    expect(metricValue(rate, { kind: 'ratio', numerator: 4, denominator: 100 })).toEqual({
      value: null,
      suppressed: true,
    });
    expect(metricValue(rate, { kind: 'ratio', numerator: 3, denominator: 4 })).toEqual({
      value: null,
      suppressed: true,
    });
    expect(metricValue(rate, { kind: 'ratio', numerator: 5, denominator: 9 })).toEqual({
      value: 55.6,
      suppressed: false,
    });
    expect(metricValue(rate, { kind: 'ratio', numerator: 0, denominator: 20 })).toEqual({
      value: 0,
      suppressed: false,
    });
  });

  it('has no value, rather than a withheld one, when there is nobody to divide by', () => {
    const rate = metricDefinition('jobs.employment_rate');
    expect(metricValue(rate, { kind: 'ratio', numerator: 0, denominator: 0 })).toEqual({
      value: null,
      suppressed: false,
    });
  });

  it('withholds an average only for its denominator: the numerator is an amount, not people', () => {
    const average = { kind: 'ratio', unit: 'krw' } as const;
    expect(metricValue(average, { kind: 'ratio', numerator: 3, denominator: 10 })).toEqual({
      value: 0.3,
      suppressed: false,
    });
    expect(metricValue(average, { kind: 'ratio', numerator: 9_000_000, denominator: 3 })).toEqual({
      value: null,
      suppressed: true,
    });
  });
});

describe('kpiProgress', () => {
  it('goes from 0 at the baseline to 100 at the target, clamped both ways', () => {
    expect(kpiProgress(employmentRate, 54.4)).toBe(0);
    expect(kpiProgress(employmentRate, 56.2)).toBe(50);
    expect(kpiProgress(employmentRate, 58)).toBe(100);
    expect(kpiProgress(employmentRate, 60)).toBe(100);
    expect(kpiProgress(employmentRate, 50)).toBe(0);
  });

  it('measures a KPI that should fall the other way round', () => {
    expect(kpiProgress(unemployment, 9.4)).toBe(0);
    expect(kpiProgress(unemployment, 8.2)).toBe(50);
    expect(kpiProgress(unemployment, 6)).toBe(100);
    expect(kpiProgress(unemployment, 10)).toBe(0);
  });

  it('treats baseline = target as holding the line: 100 on the right side, 0 past it', () => {
    const hold = { baseline: 25, target: 25, direction: 'up' } as const;
    expect(kpiProgress(hold, 25)).toBe(100);
    expect(kpiProgress(hold, 26)).toBe(100);
    expect(kpiProgress(hold, 24.9)).toBe(0);
    expect(kpiProgress({ ...hold, direction: 'down' }, 24)).toBe(100);
    expect(kpiProgress({ ...hold, direction: 'down' }, 26)).toBe(0);
  });
});

describe('evaluateKpi', () => {
  it('takes the target as the fourth quarter’s milestone unless one is set', () => {
    expect(milestoneFor(employmentRate, 4)).toBe(58);
    expect(milestoneFor(employmentRate, 3)).toBeNull();
    expect(milestoneFor({ ...employmentRate, milestones: [{ quarter: 4, value: 57 }] }, 4)).toBe(57);
  });

  it('meets a milestone exactly at its value and is behind just under it', () => {
    const at = (value: number) =>
      evaluateKpi(employmentRate, { quarter: 1, region: null, value, suppressed: false });
    expect(at(55)).toMatchObject({ milestone: 55, milestoneStatus: 'met', targetReached: false });
    expect(at(54.9)).toMatchObject({ milestoneStatus: 'behind', progress: 13.9 });
    expect(at(58)).toMatchObject({ milestoneStatus: 'met', targetReached: true, progress: 100 });
  });

  it('says no_milestone for a quarter without one, but still measures progress', () => {
    const result = evaluateKpi(employmentRate, { quarter: 3, region: null, value: 56.2, suppressed: false });
    expect(result).toMatchObject({ milestone: null, milestoneStatus: 'no_milestone', progress: 50 });
  });

  it('compares nothing for a withheld or missing value', () => {
    const withheld = evaluateKpi(placements, { quarter: 2, region: null, ...suppressCount(3) });
    expect(withheld).toEqual({
      quarter: 2,
      region: null,
      value: null,
      suppressed: true,
      progress: null,
      milestone: 200,
      milestoneStatus: 'suppressed',
      targetReached: null,
    });
    const missing = evaluateKpi(placements, { quarter: 2, region: null, ...manualValue(null) });
    expect(missing.milestoneStatus).toBe('no_value');
  });

  it('does not hold a region’s count against the national target, but does a region’s rate', () => {
    const jeju = evaluateKpi(placements, { quarter: 2, region: 'jeju', value: 12, suppressed: false });
    expect(jeju).toMatchObject({ milestoneStatus: 'not_comparable', progress: null, targetReached: null });
    const seoul = evaluateKpi(employmentRate, { quarter: 2, region: 'seoul', value: 57, suppressed: false });
    expect(seoul).toMatchObject({ milestoneStatus: 'met', progress: 72.2 });
  });

  it('picks the latest national quarter with something to say', () => {
    const evaluations = [
      evaluateKpi(placements, { quarter: 1, region: null, value: 80, suppressed: false }),
      evaluateKpi(placements, { quarter: 2, region: null, ...suppressCount(2) }),
      evaluateKpi(placements, { quarter: 3, region: null, value: null, suppressed: false }),
      evaluateKpi(placements, { quarter: 4, region: 'seoul', value: 90, suppressed: false }),
    ];
    expect(latestEvaluation(evaluations)?.quarter).toBe(2);
    expect(latestEvaluation([])).toBeNull();
  });
});

describe('formatKpiValue', () => {
  it('shows withheld values as <5 and the rest in their unit', () => {
    expect(formatKpiValue(suppressCount(3), 'count', 'ko', '명')).toBe('<5');
    expect(formatKpiValue(suppressCount(1234), 'count', 'ko', '명')).toBe('1,234명');
    expect(formatKpiValue(suppressCount(1234), 'count', 'en', '명')).toBe('1,234');
    expect(formatKpiValue({ value: 54.4, suppressed: false }, 'rate', 'en')).toBe('54.4%');
    expect(formatKpiValue({ value: 8_000_000, suppressed: false }, 'krw', 'ko')).toBe('8,000,000원');
    expect(formatKpiValue({ value: 12.5, suppressed: false }, 'days', 'en')).toBe('12.5 days');
    expect(formatKpiValue(manualValue(null), 'days', 'ko')).toBe('–');
  });
});
