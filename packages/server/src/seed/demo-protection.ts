import {
  type AlertOutcome,
  addDays,
  type ContactMethod,
  type Need,
  type Role,
  type ServiceKind,
  type ServiceProvider,
  type SignalSubmissionItem,
  type SignalType,
  SUPPORT_BENEFITS,
  type SupportBenefit,
  seoulDate,
  type VulnerabilityCategory,
} from '@ieum/domain';
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import { takeAlert } from '../modules/protection/assign-alert';
import { closeAlert } from '../modules/protection/close-alert';
import { receiveSignals } from '../modules/protection/receive-signals';
import { recordContact } from '../modules/protection/record-contact';
import { recordService } from '../modules/protection/record-service';
import {
  protectionAlerts,
  protectionProfiles,
  protectionSignals,
  surveyChecks,
} from '../modules/protection/schema';
import { assignSurveyCheck, recordSurveyResult } from '../modules/protection/survey-checks';
import { createSurveyRound } from '../modules/protection/survey-rounds';
import { persons } from '../modules/registry/schema';
import { appendAudit } from '../platform/audit/audit-log';
import { type Actor, runWithContext } from '../platform/context';
import { users } from '../platform/db/schema';
import type { Deps } from '../platform/deps';
import { actorOf, at } from './demo-casework';
import { type Random, seededRandom } from './prng';

/**
 * Crisis protection for the demo: vulnerability profiles across the population, three batches of agency
 * signals over the last two and a half months (sent as the demo agency system through the same function the
 * API calls, so each batch is screened and opens alerts as it would in life), the demo case workers' outreach
 * on the older alerts (contacts, services, closures, some late), and a survey round of the vulnerable
 * categories with part of the checks done. Nothing is real; the combinations are made to show each rule.
 *
 * Runs once: a database that has any protection profile or signal is left alone.
 */
export const DEMO_PROTECTION = { seed: 2019, profileShare: 0.45 } as const;

export interface DemoProtectionResult {
  profiles: number;
  signals: number;
  alertsHandled: number;
  surveyChecksDone: number;
}

const DAY = 86_400_000;

/** How common each category is among the demo profiles (per 100 profiles). */
const CATEGORY_SHARES: readonly (readonly [VulnerabilityCategory, number])[] = [
  ['single_person_household', 30],
  ['single_parent', 14],
  ['elderly_living_alone', 5],
  ['elderly', 8],
  ['disability', 6],
  ['chronic_illness', 12],
  ['mental_health', 7],
  ['addiction', 2],
  ['unemployed', 20],
  ['low_income', 18],
  ['housing_insecure', 6],
  ['debt', 9],
  ['infant_care', 6],
  ['third_country_child', 8],
  ['domestic_violence', 2],
  ['social_isolation', 7],
  ['youth_out_of_school', 1],
];

/** Signal combinations, from a passing difficulty to the pattern of July 2019. */
const PATTERNS: readonly { weight: number; signals: readonly [SignalType, number | null][] }[] = [
  { weight: 30, signals: [['telecom_arrears', 2]] },
  { weight: 20, signals: [['health_insurance_arrears', 4]] },
  {
    weight: 15,
    signals: [
      ['power_arrears', 3],
      ['gas_arrears', 2],
    ],
  },
  {
    weight: 10,
    signals: [
      ['employment_insurance_loss', null],
      ['health_insurance_arrears', 3],
    ],
  },
  {
    weight: 8,
    signals: [
      ['returned_mail', null],
      ['moved_out_of_region', null],
    ],
  },
  {
    weight: 6,
    signals: [
      ['rent_arrears', 7],
      ['water_arrears', 4],
    ],
  },
  {
    weight: 5,
    signals: [
      ['call_center_report', null],
      ['health_insurance_arrears', 6],
    ],
  },
  {
    weight: 4,
    signals: [
      ['water_cutoff', null],
      ['rent_arrears', 12],
      ['power_arrears', 5],
    ],
  },
  {
    weight: 2,
    signals: [
      ['power_cutoff', null],
      ['gas_cutoff', null],
      ['welfare_blind_spot', null],
    ],
  },
];

const SERVICES: readonly [ServiceKind, ServiceProvider, string, number | null][] = [
  ['emergency_welfare', 'local_government', '관할 구청 복지정책과', 1_830_000],
  ['foundation_emergency_fund', 'foundation', '남북하나재단', 1_000_000],
  ['livelihood_benefit_application', 'local_government', '관할 행정복지센터', null],
  ['utility_relief', 'local_government', '관할 행정복지센터', 180_000],
  ['food_support', 'private', '지역 푸드뱅크', null],
  ['private_support', 'private', '이음나눔협회(예시)', 300_000],
  ['mental_health_service', 'local_government', '정신건강복지센터', null],
  ['case_management', 'hana_center', '하나센터 사례관리', null],
];

export async function insertDemoProtection(
  deps: Deps,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<DemoProtectionResult> {
  const result: DemoProtectionResult = { profiles: 0, signals: 0, alertsHandled: 0, surveyChecksDone: 0 };
  const [profiles] = await deps.db.select({ n: count() }).from(protectionProfiles);
  const [signals] = await deps.db.select({ n: count() }).from(protectionSignals);
  if ((profiles?.n ?? 0) > 0 || (signals?.n ?? 0) > 0) return result;

  const staff = await deps.db
    .select({
      id: users.id,
      username: users.username,
      organizationId: users.organizationId,
      roles: users.roles,
    })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.username));
  const actor = (username: string) => {
    const user = staff.find((candidate) => candidate.username === username);
    return user ? actorOf({ ...user, roles: user.roles as Role[] }) : null;
  };
  const agency = actor('demo-agency');
  if (!agency) return result;
  const workers = staff
    .filter((user) => user.roles.includes('case_worker'))
    .map((user) => actorOf({ ...user, roles: user.roles as Role[] }));

  const random = seededRandom(DEMO_PROTECTION.seed);
  const today = deps.now();
  const population = await deps.db
    .select({ id: persons.id, code: persons.code, centerId: persons.hanaCenterId })
    .from(persons)
    .where(and(isNull(persons.mergedIntoId), ne(persons.status, 'erased')))
    .orderBy(asc(persons.code));
  if (population.length === 0) return result;

  result.profiles = await insertProfiles(deps, population, random);

  // Three batches: 75, 20 and 2 days ago. Persons at the demo workers' centers get the stronger patterns, so
  // that their queues show every level; the rest of the population gets the ordinary spread.
  const workerCenters = new Set(workers.map((worker) => worker.organizationId));
  const batches = [75, 20, 2];
  const picked = new Set<string>();
  for (const daysAgo of batches) {
    if (options.signal?.aborted) return result;
    const when = new Date(today.getTime() - daysAgo * DAY);
    const observedUntil = seoulDate(when);
    const items: SignalSubmissionItem[] = [];
    for (const person of population) {
      if (picked.has(person.id)) continue;
      const local = workerCenters.has(person.centerId);
      if (!random.chance(local ? 0.12 : 0.04)) continue;
      picked.add(person.id);
      const pattern = local
        ? random.weighted(PATTERNS.map((p, i) => [p, p.weight + (i >= 5 ? 6 : 0)] as const))
        : random.weighted(PATTERNS.map((p) => [p, p.weight] as const));
      for (const [type, value] of pattern.signals) {
        items.push({
          personId: person.code,
          type,
          observedOn: addDays(observedUntil, -random.int(1, 40)),
          ...(value === null ? {} : { value: value + random.int(0, 2) }),
          reference: `DEMO-${daysAgo}-${items.length + 1}`,
        });
      }
    }
    for (let start = 0; start < items.length; start += 200) {
      const answer = await runWithContext({ requestId: 'demo-protection', ip: null, actor: agency }, () =>
        receiveSignals(at(deps, when), { actor: agency, items: items.slice(start, start + 200), via: 'api' }),
      );
      result.signals += answer.accepted;
    }
    // The workers answer the alerts of the older batches; the newest wait in the queues (some past due).
    if (daysAgo > 10)
      result.alertsHandled += await handleAlerts(deps, {
        workers,
        random,
        from: when,
        closing: daysAgo > 30,
      });
  }

  const planManager = actor('demo-plan-manager');
  const manager = actor('demo-center-manager');
  if (planManager && manager && !options.signal?.aborted) {
    result.surveyChecksDone = await surveyRound(deps, {
      planManager,
      manager,
      workers,
      random,
      today,
      signal: options.signal,
    });
  }
  return result;
}

async function insertProfiles(
  deps: Deps,
  population: readonly { id: string }[],
  random: Random,
): Promise<number> {
  const rows = population
    .filter(() => random.chance(DEMO_PROTECTION.profileShare))
    .map((person) => {
      const categories = new Set<VulnerabilityCategory>();
      for (const [category, share] of CATEGORY_SHARES)
        if (random.chance(share / 100)) categories.add(category);
      const benefits: SupportBenefit[] = SUPPORT_BENEFITS.filter((benefit) =>
        random.chance(benefit === 'livelihood_aid' ? 0.226 : benefit === 'medical_aid' ? 0.2 : 0.15),
      );
      return {
        personId: person.id,
        categories: [...categories],
        childrenInHousehold: categories.has('single_parent') || random.chance(0.25) ? random.int(1, 3) : 0,
        benefits,
        insuredRegularWorker: !categories.has('unemployed') && random.chance(0.35),
      };
    });
  // The profiles stand for what the centers recorded over the years: written at once, with one audit entry.
  await deps.db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += 500) {
      await tx.insert(protectionProfiles).values(rows.slice(start, start + 500));
    }
    await appendAudit(tx, {
      action: 'create',
      entityType: 'protection_profile',
      actor: null,
      detail: { demo: true, profiles: rows.length },
    });
  });
  return rows.length;
}

/** The workers take the alerts of their centers opened at `from`, reach most in time, link services, close some. */
async function handleAlerts(
  deps: Deps,
  options: {
    workers: readonly Actor[];
    random: Random;
    from: Date;
    closing: boolean;
    signal?: AbortSignal | undefined;
  },
): Promise<number> {
  const { random, from } = options;
  let handled = 0;
  const centers = [...new Set(options.workers.map((worker) => worker.organizationId))];
  for (const centerId of centers) {
    const staff = options.workers.filter((worker) => worker.organizationId === centerId);
    const alerts = await deps.db
      .select()
      .from(protectionAlerts)
      .where(and(eq(protectionAlerts.organizationId, centerId), eq(protectionAlerts.status, 'open')))
      .orderBy(asc(protectionAlerts.openedAt), asc(protectionAlerts.id));
    for (const [index, alert] of alerts.entries()) {
      if (options.signal?.aborted) return handled;
      const worker = staff[index % staff.length] as Actor;
      // One in six is reached only after its deadline: the report's "within deadline" share is not 100%.
      const late = random.chance(1 / 6);
      const hours =
        alert.level === 'crisis' ? (late ? 30 : random.int(2, 20)) : late ? 15 * 24 : random.int(24, 10 * 24);
      const contactAt = new Date(from.getTime() + hours * 3_600_000);
      // As the worker, with the clock of the step (`at`), as the API would run it.
      const work = (task: () => Promise<unknown>) =>
        runWithContext({ requestId: 'demo-protection', ip: null, actor: worker }, task);
      let version = alert.version;
      await work(() => takeAlert(at(deps, contactAt), { actor: worker, alertId: alert.id, version }));
      version += 1;
      const tried = random.chance(0.3);
      if (tried) {
        const first = new Date(contactAt.getTime() - 2 * 3_600_000);
        await work(() =>
          recordContact(at(deps, first), {
            actor: worker,
            alertId: alert.id,
            contactedAt: first.toISOString(),
            method: 'phone',
            reached: false,
            needs: [],
            version,
          }),
        );
        version += 1;
      }
      const method: ContactMethod = random.chance(0.5) ? 'visit' : 'phone';
      const needs: Need[] = random.chance(0.6) ? ['livelihood', 'utilities'] : ['mental_health'];
      await work(() =>
        recordContact(at(deps, contactAt), {
          actor: worker,
          alertId: alert.id,
          contactedAt: contactAt.toISOString(),
          method,
          reached: true,
          findings:
            method === 'visit'
              ? '가정 방문. 공과금 체납으로 생활이 어려움. 긴급 지원 안내함.'
              : '전화 상담. 실직 후 구직 중이며 생계비 부족을 호소함.',
          needs,
          version,
        }),
      );
      version += 1;
      const [kind, provider, providerName, amount] = random.pick(SERVICES);
      const serviceDay = new Date(contactAt.getTime() + 2 * DAY);
      await work(() =>
        recordService(at(deps, serviceDay), {
          actor: worker,
          alertId: alert.id,
          kind,
          provider,
          providerName,
          outcome: random.chance(0.85) ? 'provided' : 'requested',
          ...(amount === null ? {} : { amount }),
          providedOn: seoulDate(serviceDay),
          version,
        }),
      );
      version += 1;
      if (options.closing && random.chance(0.8)) {
        const closeDay = new Date(contactAt.getTime() + random.int(5, 20) * DAY);
        const outcome: AlertOutcome = random.weighted([
          ['supported', 6],
          ['case_management', 2],
          ['no_crisis_found', 2],
          ['declined_support', 1],
        ]);
        await work(() =>
          closeAlert(at(deps, closeDay), {
            actor: worker,
            alertId: alert.id,
            outcome,
            followUpOn: seoulDate(new Date(closeDay.getTime() + 90 * DAY)),
            version,
          }),
        );
      }
      handled += 1;
    }
  }
  return handled;
}

/** A round like the 2019 ones: the vulnerable categories, minus benefit recipients and insured workers. */
async function surveyRound(
  deps: Deps,
  options: {
    planManager: Actor;
    manager: Actor;
    workers: readonly Actor[];
    random: Random;
    today: Date;
    signal?: AbortSignal | undefined;
  },
): Promise<number> {
  const { random } = options;
  const created = new Date(options.today.getTime() - 40 * DAY);
  const { id: roundId } = await runWithContext(
    { requestId: 'demo-protection', ip: null, actor: options.planManager },
    () =>
      createSurveyRound(at(deps, created), {
        actor: options.planManager,
        input: {
          name: '하반기 취약계층 실태조사(예시)',
          startsOn: seoulDate(created),
          endsOn: seoulDate(new Date(options.today.getTime() + 30 * DAY)),
          criteria: {
            categories: [
              'single_person_household',
              'single_parent',
              'elderly_living_alone',
              'disability',
              'chronic_illness',
              'mental_health',
              'social_isolation',
            ],
            excludeOnLivelihoodOrMedicalAid: true,
            excludeInsuredRegularWorkers: true,
          },
        },
      }),
  );
  const worker = options.workers.find(
    (candidate) => candidate.organizationId === options.manager.organizationId,
  );
  if (!worker) return 0;
  // In the order of the persons' IDs, so that the same population gives the same checks done.
  const checks = await deps.db
    .select({ id: surveyChecks.id, version: surveyChecks.version })
    .from(surveyChecks)
    .innerJoin(persons, eq(persons.id, surveyChecks.personId))
    .where(and(eq(surveyChecks.roundId, roundId), eq(surveyChecks.organizationId, worker.organizationId)))
    .orderBy(asc(persons.code));
  let done = 0;
  for (const [index, check] of checks.entries()) {
    if (options.signal?.aborted) break;
    if (index % 2 === 1) continue;
    const assignedAt = new Date(created.getTime() + DAY);
    await runWithContext({ requestId: 'demo-protection', ip: null, actor: options.manager }, () =>
      assignSurveyCheck(at(deps, assignedAt), {
        actor: options.manager,
        checkId: check.id,
        assigneeId: worker.userId,
        version: check.version,
      }),
    );
    // Person codes are random per database, so which checks come first varies: the first assigned check is
    // always done, so a center with few checks still shows one (the demo test failed on a run with none).
    if (done > 0 && !random.chance(0.6)) continue;
    const checkedAt = new Date(created.getTime() + random.int(3, 35) * DAY);
    const finding = random.weighted([
      ['no_concern', 12],
      ['needs_support', 5],
      ['unreachable', 2],
      ['crisis_suspect', 1],
    ] as const);
    await runWithContext({ requestId: 'demo-protection', ip: null, actor: worker }, () =>
      recordSurveyResult(at(deps, checkedAt), {
        actor: worker,
        checkId: check.id,
        finding,
        checkedOn: seoulDate(checkedAt),
        method: random.chance(0.6) ? 'visit' : 'phone',
        version: check.version + 1,
      }),
    );
    done += 1;
  }
  return done;
}
