import {
  compareDates,
  SURVEY_FINDINGS,
  SurveyCriteria,
  type SurveyFinding,
  type SurveyRoundInput,
  type SurveyRoundView,
} from '@ieum/domain';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { suppressGroup } from '../../platform/small-counts';
import { surveyRounds } from './schema';
import {
  type CheckScope,
  findingCounts,
  organizationCounts,
  roundRows,
  selectRoundPopulation,
} from './surveys.repository';

/**
 * Starts a survey round (like the 2019 rounds): the population is chosen by the rules in one statement over
 * the registry, one check per person at the person's Hana Center. Audited once for the round, with the count.
 */
export async function createSurveyRound(
  deps: Deps,
  options: { actor: Actor; input: SurveyRoundInput },
): Promise<{ id: string; selected: number }> {
  const { actor, input } = options;
  if (compareDates(input.endsOn, input.startsOn) < 0) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'endsOn',
          message: {
            ko: '종료일은 시작일 이후여야 합니다.',
            en: 'The end date must be on or after the start date.',
          },
        },
      ],
    });
  }
  const criteria = SurveyCriteria.parse(input.criteria);
  const id = newId();
  const selected = await deps.db.transaction(async (tx) => {
    const now = deps.now();
    await tx.insert(surveyRounds).values({
      id,
      name: input.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      criteria,
      createdBy: actor.userId,
      createdAt: now,
    });
    const n = await selectRoundPopulation(tx, { roundId: id, criteria, now });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'survey_round',
      entityId: id,
      detail: { criteria, selected: n },
    });
    return n;
  });
  return { id, selected };
}

/** A plan manager sees every round nationally; everyone else the checks of the persons in their scope. */
function scopeOf(actor: Actor): CheckScope {
  return actor.roles.includes('plan_manager') ? { kind: 'national' } : { kind: 'persons', actor };
}

export async function listSurveyRounds(deps: Deps, options: { actor: Actor }): Promise<SurveyRoundView[]> {
  return roundViews(deps, scopeOf(options.actor), await roundRows(deps.db));
}

export async function getSurveyRound(
  deps: Deps,
  options: { actor: Actor; roundId: string },
): Promise<SurveyRoundView> {
  const [view] = await roundViews(deps, scopeOf(options.actor), await roundRows(deps.db, options.roundId));
  if (!view) throw notFound();
  return view;
}

type RoundRow = Awaited<ReturnType<typeof roundRows>>[number];

/**
 * Rounds with their progress and findings as aggregates: counts from 1 to 4 travel as null. The findings add
 * up to the persons checked, and the centers' crisis suspects to the round's, so each group is suppressed
 * with a complementary cell (small-counts.ts); when the round's crisis count itself is hidden, so is every
 * center's, or their sum would give it back.
 */
async function roundViews(deps: Deps, scope: CheckScope, rounds: RoundRow[]): Promise<SurveyRoundView[]> {
  const ids = rounds.map(({ round }) => round.id);
  const [byOrganization, byFinding] = await Promise.all([
    organizationCounts(deps.db, scope, ids),
    findingCounts(deps.db, scope, ids),
  ]);
  return rounds.map(({ round, creatorName }) => {
    const organizations = byOrganization.filter((row) => row.roundId === round.id);
    const counts = SURVEY_FINDINGS.map(
      (finding) => byFinding.find((row) => row.roundId === round.id && row.finding === finding)?.n ?? 0,
    );
    const shownFindings = suppressGroup(counts);
    const findings = Object.fromEntries(
      SURVEY_FINDINGS.map((finding, index) => [finding, shownFindings[index] ?? null]),
    ) as Record<SurveyFinding, number | null>;
    const crisisHidden = findings.crisis_suspect === null;
    const shownCrisis = crisisHidden
      ? organizations.map((row) => (row.crisisSuspects === 0 ? 0 : null))
      : suppressGroup(organizations.map((row) => row.crisisSuspects));
    return {
      id: round.id,
      name: round.name,
      startsOn: round.startsOn,
      endsOn: round.endsOn,
      criteria: SurveyCriteria.parse(round.criteria),
      createdBy: { id: round.createdBy, displayName: creatorName },
      createdAt: round.createdAt.toISOString(),
      selected: organizations.reduce((sum, row) => sum + row.selected, 0),
      checked: organizations.reduce((sum, row) => sum + row.checked, 0),
      findings,
      byOrganization: organizations.map((row, index) => ({
        organization: { id: row.organizationId, name: row.organizationName },
        selected: row.selected,
        checked: row.checked,
        crisisSuspects: shownCrisis[index] ?? null,
      })),
    };
  });
}
