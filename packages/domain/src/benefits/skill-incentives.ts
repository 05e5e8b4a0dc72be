import type { IsoDate } from '../time/calendar';
import type { DraftLine, IncentiveReason } from './incentive-lines';
import { INCENTIVE_RULES } from './incentive-rules';
import type { IncentiveFacts, TrainingCompletion } from './schemas';

/**
 * Training and certificate incentives (직업훈련장려금, 자격취득장려금), which DOMAIN.md says were abolished for
 * persons protected from 2014-11-29. Lines appear only when the person has training or certificates on record.
 *
 * Choice: DOMAIN.md states the 5-year limit for the employment incentive only; courses completed and
 * certificates acquired count here within the same period (residence protection, extended by childbirths),
 * since all three are settlement incentives of the protection period.
 */
export function skillIncentiveLines(facts: IncentiveFacts, periodEndsOn: IsoDate): DraftLine[] {
  const decision = facts.protectionDecisionDate;
  const inPeriod = (date: IsoDate) => decision <= date && date <= periodEndsOn;
  const outside = (date: IsoDate): IncentiveReason => ({
    code: 'outside_protection_period',
    params: { date, periodEndsOn },
  });
  const lines: DraftLine[] = [];
  const hasOneYearCourse = facts.training.some((course) => course.oneYearCourse);

  if (decision >= INCENTIVE_RULES.skillIncentivesAbolishedFrom) {
    const abolished: IncentiveReason = {
      code: 'abolished_for_decision',
      params: { decisionDate: decision, cutoff: INCENTIVE_RULES.skillIncentivesAbolishedFrom },
    };
    const kinds = [
      facts.training.length > 0 ? ('training_hours' as const) : null,
      hasOneYearCourse ? ('training_one_year_course' as const) : null,
      facts.certificates.length > 0 ? ('certificate' as const) : null,
    ];
    for (const kind of kinds) if (kind) lines.push({ kind, dueOn: null, amount: null, reasons: [abolished] });
    return lines;
  }

  if (facts.training.length > 0) {
    const byDate = (a: TrainingCompletion, b: TrainingCompletion) => (a.completedOn < b.completedOn ? -1 : 1);
    const counted = facts.training.filter((course) => inPeriod(course.completedOn)).sort(byDate);
    const notCounted = facts.training.filter((course) => !inPeriod(course.completedOn)).sort(byDate);
    const context = notCounted[0] ? [outside(notCounted[0].completedOn)] : [];
    lines.push(trainingHoursLine(counted, context));
    const oneYear = counted.find((course) => course.oneYearCourse);
    if (oneYear)
      lines.push({
        kind: 'training_one_year_course',
        dueOn: oneYear.completedOn,
        amount: INCENTIVE_RULES.training.oneYearCourseAmount,
        reasons: [
          {
            code: 'one_year_course',
            params: { courseId: oneYear.courseId, completedOn: oneYear.completedOn },
          },
        ],
      });
    else if (hasOneYearCourse)
      lines.push({
        kind: 'training_one_year_course',
        dueOn: null,
        amount: null,
        reasons: [outside(notCounted.find((course) => course.oneYearCourse)?.completedOn ?? decision)],
      });
  }

  if (facts.certificates.length > 0) {
    const sorted = [...facts.certificates].sort((a, b) => (a.acquiredOn < b.acquiredOn ? -1 : 1));
    const first = sorted.find((each) => inPeriod(each.acquiredOn));
    lines.push(
      first
        ? {
            kind: 'certificate',
            dueOn: first.acquiredOn,
            amount: INCENTIVE_RULES.certificateAmount,
            reasons: [
              {
                code: 'certificate_acquired',
                params: { certificate: first.certificate, acquiredOn: first.acquiredOn },
              },
            ],
          }
        : {
            kind: 'certificate',
            dueOn: null,
            amount: null,
            reasons: [outside(sorted[0]?.acquiredOn ?? decision)],
          },
    );
  }
  return lines;
}

/**
 * 1.2M at 500 hours, 200k more for each full 120 hours beyond, at most 2.4M. Choice: hours add up across
 * courses, and the amount is claimable from the completion that brought the total to it (a later course that
 * raises the amount makes the difference due, through the ledger).
 */
function trainingHoursLine(counted: readonly TrainingCompletion[], context: IncentiveReason[]): DraftLine {
  const t = INCENTIVE_RULES.training;
  const hours = counted.reduce((sum, course) => sum + course.hours, 0);
  if (hours < t.minimumHours)
    return {
      kind: 'training_hours',
      dueOn: null,
      amount: null,
      reasons: [{ code: 'training_below_minimum', params: { hours, minimum: t.minimumHours } }, ...context],
    };
  const amountFor = (total: number) =>
    Math.min(t.maxAmount, t.baseAmount + Math.floor((total - t.minimumHours) / t.stepHours) * t.stepAmount);
  const amount = amountFor(hours);
  let running = 0;
  let dueOn = counted[0]?.completedOn ?? null;
  for (const course of counted) {
    running += course.hours;
    dueOn = course.completedOn;
    if (running >= t.minimumHours && amountFor(running) === amount) break;
  }
  return {
    kind: 'training_hours',
    dueOn,
    amount,
    reasons: [{ code: 'training_hours', params: { hours, amount } }, ...context],
  };
}
