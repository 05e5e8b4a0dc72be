import { describe, expect, it } from 'vitest';
import type { EmploymentRecord } from '../jobs/schemas';
import { calculateIncentives } from './employment-incentive';
import { explainIncentiveLine } from './incentive-explanation';
import type { IncentiveLine } from './incentive-lines';
import { IncentiveFacts, type IncentiveLineKind } from './schemas';

/** Protected 2018-01-10: residence protection runs to 2023-01-09. Lives in Seoul throughout. */
function facts(change: Partial<IncentiveFacts> = {}): IncentiveFacts {
  return IncentiveFacts.parse({
    protectionDecisionDate: '2018-01-10',
    residence: [{ region: 'seoul', from: '2018-04-01', until: null }],
    employment: [],
    childbirths: [],
    training: [],
    certificates: [],
    payments: [],
    asOf: '2030-01-01',
    ...change,
  });
}

const job = (start: string, end: string | null, employerId = 'E1', insured = true): EmploymentRecord => ({
  employerId,
  start,
  end,
  insured,
});

function line(statementFacts: IncentiveFacts, kind: IncentiveLineKind): IncentiveLine {
  const found = calculateIncentives(statementFacts).lines.find((each) => each.kind === kind);
  if (!found) throw new Error(`no ${kind} line`);
  return found;
}

const codes = (l: IncentiveLine) => l.reasons.map((reason) => reason.code);

describe('employment incentive: six months at the same employer', () => {
  it('pays the first part of year 1 after exactly six months, claimable the next day', () => {
    const first = line(facts({ employment: [job('2020-03-01', '2020-08-31')] }), 'employment_year1_first');
    expect(first).toMatchObject({ status: 'due', eligible: true, amount: 2_000_000, dueOn: '2020-09-01' });
  });

  it('pays nothing for six months less a day', () => {
    const first = line(facts({ employment: [job('2020-03-01', '2020-08-30')] }), 'employment_year1_first');
    expect(first).toMatchObject({ status: 'ineligible', eligible: false, amount: 0, dueOn: null });
    expect(codes(first)).toEqual(['not_reached', 'short_spells_ignored']);
  });

  it('does not add up short jobs at different employers', () => {
    const employment = [job('2020-01-01', '2020-03-31', 'E1'), job('2020-04-01', '2020-07-31', 'E2')];
    expect(line(facts({ employment }), 'employment_year1_first').status).toBe('ineligible');
  });

  it('joins records of one employer that follow on without a gap, but not across a gap of a day', () => {
    const joined = [job('2020-03-01', '2020-05-31'), job('2020-06-01', '2020-08-31')];
    const gap = [job('2020-03-01', '2020-05-31'), job('2020-06-02', '2020-09-01')];
    expect(line(facts({ employment: joined }), 'employment_year1_first').status).toBe('due');
    expect(line(facts({ employment: gap }), 'employment_year1_first').status).toBe('ineligible');
  });

  it('ignores work without employment insurance and says so', () => {
    const first = line(
      facts({ employment: [job('2020-03-01', '2021-08-31', 'E1', false)] }),
      'employment_year1_first',
    );
    expect(first.status).toBe('ineligible');
    expect(codes(first)).toContain('uninsured_ignored');
  });

  it('adds up months across employers, but claims only after six months at the current one', () => {
    const employment = [job('2019-01-01', '2019-08-31', 'E1'), job('2020-01-01', null, 'E2')];
    const statement = calculateIncentives(facts({ employment, asOf: '2020-06-15' }));
    const byKind = Object.fromEntries(statement.lines.map((l) => [l.kind, l]));
    expect(byKind.employment_year1_first).toMatchObject({ status: 'due', dueOn: '2019-07-01' });
    // 8 months at E1; four more at E2 would make 12, but E2 needs six of its own.
    expect(byKind.employment_year1_rest).toMatchObject({
      status: 'upcoming',
      dueOn: '2020-07-01',
      amount: 3_000_000,
    });
    expect(byKind.employment_year2).toMatchObject({ status: 'upcoming', dueOn: '2021-05-01' });
    expect(codes(byKind.employment_year1_rest as IncentiveLine)).toContain('upcoming_if_work_continues');
  });

  it('counts a job still going on as due on the very day the months are complete, upcoming the day before', () => {
    const employment = [job('2020-03-01', null)];
    expect(line(facts({ employment, asOf: '2020-09-01' }), 'employment_year1_first').status).toBe('due');
    expect(line(facts({ employment, asOf: '2020-08-31' }), 'employment_year1_first').status).toBe('upcoming');
  });
});

describe('employment incentive: amounts by region and year', () => {
  const threeYears = [job('2018-05-01', null)];

  it('pays 2M + 3M, 6M, 7M in the capital region (18M over three years)', () => {
    const lines = calculateIncentives(facts({ employment: threeYears })).lines.filter((l) =>
      l.kind.startsWith('employment'),
    );
    expect(lines.map((l) => [l.kind, l.amount, l.dueOn])).toEqual([
      ['employment_year1_first', 2_000_000, '2018-11-01'],
      ['employment_year1_rest', 3_000_000, '2019-05-01'],
      ['employment_year2', 6_000_000, '2020-05-01'],
      ['employment_year3', 7_000_000, '2021-05-01'],
    ]);
    expect(lines.every((l) => l.status === 'due')).toBe(true);
  });

  it('pays 2.5M + 3.5M, 7M, 8M in the provinces (21M over three years)', () => {
    const residence = [{ region: 'gangwon' as const, from: '2018-04-01', until: null }];
    const lines = calculateIncentives(facts({ employment: threeYears, residence })).lines;
    expect(lines.map((l) => l.amount)).toEqual([2_500_000, 3_500_000, 7_000_000, 8_000_000]);
    expect(codes(lines[0] as IncentiveLine)).toContain('province_rate');
  });

  it('treats Incheon and Gyeonggi as the capital region', () => {
    for (const region of ['incheon', 'gyeonggi'] as const) {
      const residence = [{ region, from: '2018-04-01', until: null }];
      expect(line(facts({ employment: threeYears, residence }), 'employment_year2').amount).toBe(6_000_000);
    }
  });

  it('prices each line by where the person lives on its due date, so year 1 totals the year-1 amount there', () => {
    // Gangwon at 6 months (2.5M), Seoul at 12 months: year 1 in Seoul is 5M, so 2.5M remains.
    const residence = [
      { region: 'gangwon' as const, from: '2018-04-01', until: '2019-01-31' },
      { region: 'seoul' as const, from: '2019-02-01', until: null },
    ];
    const statement = facts({ employment: threeYears, residence });
    expect(line(statement, 'employment_year1_first').amount).toBe(2_500_000);
    expect(line(statement, 'employment_year1_rest').amount).toBe(2_500_000);
  });

  it('refuses to guess a region that is not on record', () => {
    const residence = [{ region: 'seoul' as const, from: '2019-01-01', until: null }];
    const first = line(facts({ employment: threeYears, residence }), 'employment_year1_first');
    expect(first.status).toBe('ineligible');
    expect(codes(first)).toContain('residence_unknown');
  });

  it('prices nothing falling due before the first row of the rate table', () => {
    const first = line(
      facts({
        protectionDecisionDate: '2010-01-04',
        residence: [{ region: 'seoul', from: '2010-01-04', until: null }],
        employment: [job('2010-03-01', '2011-03-31')],
      }),
      'employment_year1_first',
    );
    expect(first).toMatchObject({ status: 'ineligible', dueOn: '2010-09-01' });
    expect(codes(first)).toContain('no_rate_on_record');
  });
});

describe('employment incentive: within the residence protection period', () => {
  // Work from 2020-03-01: year 1's first part falls due on 2020-09-01.
  const employment = [job('2020-03-01', null)];

  it('pays a line falling due on the last day of protection', () => {
    // Decided 2015-09-02: protection runs to 2020-09-01.
    const statement = facts({ protectionDecisionDate: '2015-09-02', employment });
    expect(calculateIncentives(statement).protectionEndsOn).toBe('2020-09-01');
    expect(line(statement, 'employment_year1_first').status).toBe('due');
  });

  it('does not pay a line falling due the day after protection ends', () => {
    const statement = facts({ protectionDecisionDate: '2015-09-01', employment });
    expect(calculateIncentives(statement).protectionEndsOn).toBe('2020-08-31');
    const first = line(statement, 'employment_year1_first');
    expect(first).toMatchObject({ status: 'ineligible', dueOn: '2020-09-01', amount: 0 });
    expect(codes(first)).toContain('after_protection_period');
  });

  describe('a year more for each childbirth, at most two', () => {
    // Protected 2015-01-05 (to 2020-01-04); work from 2018-01-01: year 2 due 2020-01-01, year 3 2021-01-01.
    const base = {
      protectionDecisionDate: '2015-01-05',
      residence: [{ region: 'seoul' as const, from: '2015-01-05', until: null }],
      employment: [job('2018-01-01', '2022-12-31')],
    };
    const cases: [string[], number, string, IncentiveLine['status'], IncentiveLine['status']][] = [
      [[], 0, '2020-01-04', 'due', 'ineligible'],
      [['2016-05-01'], 1, '2021-01-04', 'due', 'due'],
      [['2016-05-01', '2018-02-01'], 2, '2022-01-04', 'due', 'due'],
      [['2016-05-01', '2017-03-01', '2019-09-09'], 2, '2022-01-04', 'due', 'due'],
      // A child born before protection (in the North or on the way) does not count.
      [['2014-06-01'], 0, '2020-01-04', 'due', 'ineligible'],
    ];
    for (const [childbirths, counted, endsOn, year2, year3] of cases) {
      it(`${childbirths.length} birth(s) → ${counted} counted, period to ${endsOn}`, () => {
        const statementFacts = facts({ ...base, childbirths });
        const statement = calculateIncentives(statementFacts);
        expect(statement.childbirthsCounted).toBe(counted);
        expect(statement.incentivePeriodEndsOn).toBe(endsOn);
        expect(line(statementFacts, 'employment_year2').status).toBe(year2);
        expect(line(statementFacts, 'employment_year3').status).toBe(year3);
      });
    }

    it('does not count year 2 without a birth when it falls due after the five years', () => {
      const late = facts({ ...base, employment: [job('2018-02-01', '2022-12-31')] });
      expect(line(late, 'employment_year2')).toMatchObject({ status: 'ineligible', dueOn: '2020-02-01' });
      expect(line({ ...late, childbirths: ['2016-05-01'] }, 'employment_year2').status).toBe('due');
    });
  });
});

describe('training and certificate incentives', () => {
  const course = (hours: number, completedOn = '2014-09-30', oneYearCourse = false) => ({
    courseId: `c-${hours}-${completedOn}`,
    hours,
    completedOn,
    oneYearCourse,
  });
  const preReform = (change: Partial<IncentiveFacts>) =>
    facts({
      protectionDecisionDate: '2014-03-03',
      residence: [{ region: 'seoul', from: '2014-03-03', until: null }],
      ...change,
    });

  it('pays 1.2M at 500 hours, 200k for each full 120 hours more, at most 2.4M', () => {
    const amounts = [499, 500, 619, 620, 1219, 1220, 3000].map(
      (hours) => line(preReform({ training: [course(hours)] }), 'training_hours').amount,
    );
    expect(amounts).toEqual([0, 1_200_000, 1_200_000, 1_400_000, 2_200_000, 2_400_000, 2_400_000]);
  });

  it('adds up hours across courses, due from the course that completes the total', () => {
    const training = [course(300, '2014-06-30'), course(320, '2014-12-31'), course(10, '2015-03-31')];
    expect(line(preReform({ training }), 'training_hours')).toMatchObject({
      amount: 1_400_000,
      dueOn: '2014-12-31',
      status: 'due',
    });
  });

  it('adds 2M once for a one-year course', () => {
    const training = [course(1500, '2015-02-27', true), course(1500, '2016-02-26', true)];
    const statement = calculateIncentives(preReform({ training }));
    expect(statement.lines.filter((l) => l.kind === 'training_one_year_course')).toEqual([
      expect.objectContaining({ amount: 2_000_000, dueOn: '2015-02-27', status: 'due' }),
    ]);
  });

  it('pays 2M once for the first certificate', () => {
    const certificates = [
      { certificate: 'forklift', acquiredOn: '2015-05-01' },
      { certificate: 'cook', acquiredOn: '2014-12-01' },
    ];
    const statement = calculateIncentives(preReform({ certificates }));
    expect(statement.lines.filter((l) => l.kind === 'certificate')).toEqual([
      expect.objectContaining({ amount: 2_000_000, dueOn: '2014-12-01', status: 'due' }),
    ]);
  });

  it('keeps them for a decision on 2014-11-28 and not for one on 2014-11-29', () => {
    const change = {
      residence: [{ region: 'seoul' as const, from: '2014-11-01', until: null }],
      training: [course(600, '2015-06-30')],
      certificates: [{ certificate: 'cook', acquiredOn: '2015-07-01' }],
    };
    const before = calculateIncentives(facts({ protectionDecisionDate: '2014-11-28', ...change }));
    const from = calculateIncentives(facts({ protectionDecisionDate: '2014-11-29', ...change }));
    const skill = (statement: typeof before) =>
      statement.lines
        .filter((l) => !l.kind.startsWith('employment'))
        .map((l) => [l.kind, l.status, l.amount]);
    expect(skill(before)).toEqual([
      ['training_hours', 'due', 1_200_000],
      ['certificate', 'due', 2_000_000],
    ]);
    expect(skill(from)).toEqual([
      ['training_hours', 'ineligible', 0],
      ['certificate', 'ineligible', 0],
    ]);
    expect(codes(from.lines.find((l) => l.kind === 'certificate') as IncentiveLine)).toEqual([
      'abolished_for_decision',
    ]);
  });

  it('shows no training or certificate line for a person who has neither', () => {
    expect(calculateIncentives(preReform({})).lines.map((l) => l.kind)).toEqual([
      'employment_year1_first',
      'employment_year1_rest',
      'employment_year2',
      'employment_year3',
    ]);
  });

  it('does not count a course completed after the incentive period', () => {
    const l = line(preReform({ training: [course(800, '2019-03-04')] }), 'training_hours');
    expect(l.status).toBe('ineligible');
    expect(codes(l)).toEqual(['training_below_minimum', 'outside_protection_period']);
  });
});

describe('the ledger and the ceiling of 25.1M', () => {
  // Protected before the reform, living in the provinces: 21M of employment incentive, 2.4M + 2M training,
  // 2M certificate = 27.4M, over the ceiling.
  const everything = facts({
    protectionDecisionDate: '2014-03-03',
    residence: [{ region: 'jeonbuk', from: '2014-03-03', until: null }],
    employment: [job('2015-01-01', null)],
    training: [{ courseId: 'welding', hours: 1300, completedOn: '2014-12-30', oneYearCourse: true }],
    certificates: [{ certificate: 'welder', acquiredOn: '2014-12-31' }],
  });

  it('cuts the line that falls due last to what is left of the ceiling, mid-way through it', () => {
    const statement = calculateIncentives(everything);
    const year3 = statement.lines.find((l) => l.kind === 'employment_year3') as IncentiveLine;
    expect(year3).toMatchObject({ status: 'due', amount: 5_700_000, dueOn: '2018-01-01' });
    expect(year3.reasons.at(-1)).toEqual({
      code: 'ceiling_reduced',
      params: { ceiling: 25_100_000, amount: 5_700_000 },
    });
    expect(statement.dueTotal).toBe(25_100_000);
  });

  it('counts payments first, and says when the ceiling is reached', () => {
    const payments = [
      { line: 'training_hours' as const, amount: 2_400_000, paidOn: '2015-01-20' },
      { line: 'training_one_year_course' as const, amount: 2_000_000, paidOn: '2015-01-20' },
      { line: 'certificate' as const, amount: 2_000_000, paidOn: '2015-01-20' },
      { line: 'employment_year1_first' as const, amount: 2_500_000, paidOn: '2015-07-15' },
      { line: 'employment_year1_rest' as const, amount: 3_500_000, paidOn: '2016-01-15' },
      { line: 'employment_year2' as const, amount: 7_000_000, paidOn: '2017-01-15' },
      { line: 'employment_year3' as const, amount: 5_700_000, paidOn: '2018-01-15' },
    ];
    const statement = calculateIncentives({ ...everything, payments });
    expect(statement.paidTotal).toBe(25_100_000);
    const year3 = statement.lines.find((l) => l.kind === 'employment_year3') as IncentiveLine;
    // 2.3M of year 3 is never paid: the ceiling is reached.
    expect(year3).toMatchObject({ status: 'ineligible', amount: 0 });
    expect(codes(year3).slice(-2)).toEqual(['partly_paid', 'ceiling_reached']);
    expect(statement.lines.filter((l) => l.status === 'paid')).toHaveLength(6);
    expect(statement.dueTotal).toBe(0);
  });

  it('leaves what remains of a line partly paid as due', () => {
    const payments = [{ line: 'training_hours' as const, amount: 1_200_000, paidOn: '2015-01-20' }];
    const training = line({ ...everything, payments }, 'training_hours');
    expect(training).toMatchObject({ status: 'due', amount: 1_200_000 });
    expect(codes(training)).toContain('partly_paid');
  });
});

describe('explainIncentiveLine', () => {
  it('tells the person in Korean what is due, how much, from when, and why', () => {
    const first = line(facts({ employment: [job('2020-03-01', '2020-08-31')] }), 'employment_year1_first');
    expect(explainIncentiveLine(first, 'ko')).toEqual([
      '취업장려금 1년차 1차분 200만 원은 2020년 9월 1일부터 신청할 수 있습니다.',
      '고용보험에 가입한 근무가 통산 6개월에 이릅니다(사업장 E1, 2020년 3월 1일부터 근무).',
      '신청할 수 있는 날에 수도권에 거주하므로 수도권 기준 금액(200만 원)을 적용합니다.',
    ]);
    expect(explainIncentiveLine(first, 'en')[0]).toBe(
      'Employment incentive, year 1 (first part): KRW 2,000,000 can be claimed from 1 September 2020.',
    );
  });

  it('says why a line is not payable, with the right particle', () => {
    const year2 = line(facts({ employment: [job('2020-03-01', '2020-08-31')] }), 'employment_year2');
    expect(explainIncentiveLine(year2, 'ko')[0]).toBe('취업장려금 2년차는 지급 대상이 아닙니다.');
    const first = line(facts({ employment: [job('2020-03-01', '2020-08-30')] }), 'employment_year1_first');
    expect(explainIncentiveLine(first, 'ko')[0]).toBe('취업장려금 1년차 1차분은 지급 대상이 아닙니다.');
  });

  it('has a sentence for every reason in both languages', () => {
    const statement = calculateIncentives({
      ...facts({
        protectionDecisionDate: '2014-03-03',
        residence: [{ region: 'jeonbuk', from: '2014-03-03', until: null }],
        employment: [
          job('2014-04-01', '2014-05-01', 'E0'),
          job('2015-01-01', null),
          job('2016-01-01', null, 'E9', false),
        ],
        childbirths: ['2016-01-01'],
        training: [{ courseId: 'c', hours: 400, completedOn: '2020-12-30', oneYearCourse: true }],
        certificates: [{ certificate: 'x', acquiredOn: '2014-12-31' }],
        payments: [{ line: 'certificate', amount: 1_000_000, paidOn: '2015-01-02' }],
      }),
    });
    for (const l of statement.lines)
      for (const locale of ['ko', 'en'] as const)
        for (const sentence of explainIncentiveLine(l, locale))
          expect(sentence).not.toMatch(/undefined|NaN|\(\)/);
  });
});
