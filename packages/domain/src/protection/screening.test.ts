import { describe, expect, it } from 'vitest';
import { describeReason, inWindow, type ScreeningFacts, scorePerson } from './screening';
import { SCREENING_RULES, screeningRulesOn, screeningRulesVersion } from './screening-rules';

const NOTHING: ScreeningFacts = {
  signals: [],
  categories: [],
  childrenInHousehold: 0,
  benefits: [],
  lastContactOn: null,
  protectionDecisionDate: null,
  residenceStartDate: null,
};
const rules2020 = screeningRulesVersion('2020-12');
const rules2019 = screeningRulesVersion('2019-09');

describe('scorePerson', () => {
  it('puts a household like the one found in Gwanak in July 2019 into crisis, with every reason', () => {
    // Rent unpaid for over a year, water cut off, a young son, no contact, protection long over.
    const facts: ScreeningFacts = {
      ...NOTHING,
      signals: [
        { type: 'rent_arrears', observedOn: '2019-05-10', value: 14 },
        { type: 'water_cutoff', observedOn: '2019-05-20', value: null },
      ],
      categories: ['single_parent'],
      childrenInHousehold: 1,
      lastContactOn: '2018-03-01',
      protectionDecisionDate: '2009-10-01',
      residenceStartDate: '2009-12-15',
    };
    const result = scorePerson(facts, rules2019, '2019-09-01');
    expect(result.level).toBe('crisis');
    expect(result.rulesVersion).toBe('2019-09');
    expect(result.reasons.map((r) => [r.code, r.points])).toEqual([
      ['signal', 30], // rent 20 + 10 for 6 months or more
      ['signal', 25], // water cut off
      ['no_contact', 15],
      ['children_with_hardship', 10],
      ['vulnerability', 8],
      ['protection_ended', 5],
    ]);
    expect(result.score).toBe(93);
    const sentences = result.reasons.map((r) => describeReason(r, 'ko'));
    expect(sentences[0]).toBe(
      '임대료 체납: 한국토지주택공사(LH)·지방공사에서 2019-05-10에 확인, 최대 14개월 (+30점)',
    );
    expect(sentences[2]).toBe('마지막 접촉(2018-03-01) 후 549일간 연락 없음 (+15점)');
    expect(describeReason(result.reasons[0] as never, 'en')).toContain('Rent arrears');
  });

  it('counts a repeated signal once, with its largest value and latest day', () => {
    const facts: ScreeningFacts = {
      ...NOTHING,
      signals: [
        { type: 'power_arrears', observedOn: '2026-01-10', value: 1 },
        { type: 'power_arrears', observedOn: '2026-03-10', value: 3 },
        { type: 'power_arrears', observedOn: '2026-02-10', value: 2 },
      ],
    };
    const [reason] = scorePerson(facts, rules2020, '2026-04-01').reasons;
    expect(reason).toEqual({
      code: 'signal',
      points: 15,
      signalType: 'power_arrears',
      count: 3,
      latestOn: '2026-03-10',
      maxValue: 3,
      boosted: true,
    });
  });

  it('counts a signal inside its window only, and never one observed after the screening day', () => {
    // power_cutoff: 180 days. On 2026-07-01 the window holds 2026-01-03 .. 2026-07-01.
    expect(inWindow('2026-01-03', '2026-07-01', 180)).toBe(true);
    expect(inWindow('2026-01-02', '2026-07-01', 180)).toBe(false);
    expect(inWindow('2026-07-02', '2026-07-01', 180)).toBe(false);
    const at = (observedOn: string) =>
      scorePerson(
        { ...NOTHING, signals: [{ type: 'power_cutoff', observedOn, value: null }] },
        rules2020,
        '2026-07-01',
      ).score;
    expect(at('2026-01-03')).toBe(25);
    expect(at('2026-01-02')).toBe(0);
  });

  it('ignores a signal type the rules of the day do not know', () => {
    const facts: ScreeningFacts = {
      ...NOTHING,
      signals: [{ type: 'telecom_arrears', observedOn: '2020-10-01', value: 4 }],
    };
    expect(scorePerson(facts, rules2019, '2020-11-01').score).toBe(0);
    expect(scorePerson(facts, rules2020, '2020-12-01').score).toBe(10);
  });

  it('caps the vulnerable categories, so that who a person is never reaches "high" alone', () => {
    const facts: ScreeningFacts = {
      ...NOTHING,
      categories: ['single_parent', 'mental_health', 'domestic_violence', 'disability', 'debt'],
      lastContactOn: '2026-06-01',
    };
    const result = scorePerson(facts, rules2020, '2026-07-01');
    expect(result.score).toBe(20);
    expect(result.reasons.at(-1)).toEqual({ code: 'vulnerability_cap', points: -14, cap: 20 });
    expect(result.level).toBeNull();
  });

  it('adds the children rule only with material hardship', () => {
    const base: ScreeningFacts = { ...NOTHING, childrenInHousehold: 2, lastContactOn: '2026-06-01' };
    const withCall = {
      ...base,
      signals: [{ type: 'call_center_report' as const, observedOn: '2026-06-20', value: null }],
    };
    const withArrears = {
      ...base,
      signals: [{ type: 'gas_arrears' as const, observedOn: '2026-06-20', value: 1 }],
    };
    expect(scorePerson(withCall, rules2020, '2026-07-01').score).toBe(20);
    expect(scorePerson(withArrears, rules2020, '2026-07-01').score).toBe(18);
  });

  it('counts days without contact from the last contact, or from moving in when there is none', () => {
    const never = { ...NOTHING, residenceStartDate: '2025-07-01' };
    const reasons = scorePerson(never, rules2020, '2026-07-01').reasons;
    expect(reasons).toContainEqual({ code: 'no_contact', points: 20, days: 365, lastContactOn: null });
    const recent = { ...never, lastContactOn: '2026-01-03' };
    expect(
      scorePerson(recent, rules2020, '2026-07-01').reasons.find((r) => r.code === 'no_contact'),
    ).toBeUndefined();
    const halfYear = { ...never, lastContactOn: '2026-01-02' };
    expect(scorePerson(halfYear, rules2020, '2026-07-01').reasons).toContainEqual({
      code: 'no_contact',
      points: 12,
      days: 180,
      lastContactOn: '2026-01-02',
    });
  });

  it('marks the end of the 5-year protection the day after it ends, and the first year after moving in', () => {
    const facts = { ...NOTHING, protectionDecisionDate: '2020-03-10', lastContactOn: '2025-03-01' };
    const codes = (asOf: string) => scorePerson(facts, rules2020, asOf).reasons.map((r) => r.code);
    expect(codes('2025-03-09')).not.toContain('protection_ended');
    expect(codes('2025-03-10')).toContain('protection_ended');
    const settling = { ...NOTHING, residenceStartDate: '2026-01-15', lastContactOn: '2026-05-01' };
    expect(scorePerson(settling, rules2020, '2027-01-14').reasons.map((r) => r.code)).toContain(
      'early_settlement',
    );
    expect(scorePerson(settling, rules2020, '2027-01-15').reasons.map((r) => r.code)).not.toContain(
      'early_settlement',
    );
  });

  it('lowers the score for support received but never below zero, and holds it within 100', () => {
    const supported = { ...NOTHING, benefits: ['medical_aid' as const, 'livelihood_aid' as const] };
    const result = scorePerson(supported, rules2020, '2026-07-01');
    expect(result.score).toBe(0);
    expect(result.reasons).toEqual([
      { code: 'receives_support', points: -10, benefits: ['livelihood_aid', 'medical_aid'] },
    ]);
    const everything: ScreeningFacts = {
      ...NOTHING,
      signals: (
        ['power_cutoff', 'water_cutoff', 'gas_cutoff', 'rent_arrears', 'call_center_report'] as const
      ).map((type) => ({ type, observedOn: '2026-06-01', value: null })),
    };
    expect(scorePerson(everything, rules2020, '2026-07-01').score).toBe(100);
  });

  it('opens no level without a signal, however high the score', () => {
    const quiet: ScreeningFacts = {
      ...NOTHING,
      categories: ['single_parent', 'mental_health', 'domestic_violence'],
      protectionDecisionDate: '2010-01-01',
      residenceStartDate: '2010-03-01',
    };
    const result = scorePerson(quiet, rules2020, '2026-07-01');
    expect(result.score).toBe(45);
    expect(result.level).toBeNull();
    const signalled = {
      ...quiet,
      signals: [{ type: 'returned_mail' as const, observedOn: '2026-06-01', value: null }],
    };
    expect(scorePerson(signalled, rules2020, '2026-07-01').level).toBe('high');
  });

  it('sets the levels at their thresholds', () => {
    const score = (points: number) =>
      scorePerson(
        { ...NOTHING, categories: [], signals: [], lastContactOn: null },
        { ...rules2020, protectionEnded: points, protectionMonths: 1 },
        '2026-07-01',
      );
    const withDecision = (points: number) =>
      scorePerson(
        {
          ...NOTHING,
          protectionDecisionDate: '2020-01-01',
          lastContactOn: '2026-06-01',
          signals: [{ type: 'moved_out_of_region', observedOn: '2026-06-01', value: null }],
        },
        { ...rules2020, protectionEnded: points - 5 },
        '2026-07-01',
      ).level;
    expect(score(0).level).toBeNull();
    expect(withDecision(29)).toBeNull();
    expect(withDecision(30)).toBe('watch');
    expect(withDecision(49)).toBe('watch');
    expect(withDecision(50)).toBe('high');
    expect(withDecision(69)).toBe('high');
    expect(withDecision(70)).toBe('crisis');
  });
});

describe('dated rules', () => {
  it('applies the rules in force on the screening day', () => {
    expect(screeningRulesOn('2019-09-01').version).toBe('2019-09');
    expect(screeningRulesOn('2020-11-30').version).toBe('2019-09');
    expect(screeningRulesOn('2020-12-01').version).toBe('2020-12');
    expect(() => screeningRulesOn('2019-08-31')).toThrow(RangeError);
    expect(() => screeningRulesVersion('1999-01')).toThrow(RangeError);
  });

  it('keeps every rule set complete and its levels ordered', () => {
    for (const rules of SCREENING_RULES) {
      expect(rules.levels.watch).toBeLessThan(rules.levels.high);
      expect(rules.levels.high).toBeLessThan(rules.levels.crisis);
      expect(rules.vulnerabilityCap).toBeLessThan(rules.levels.high);
      expect(rules.deadlines.crisis.contactWithinHours).toBe(24);
      expect(rules.deadlines.high.contactWithinHours).toBe(14 * 24);
    }
  });
});
