import {
  type CaseStatus,
  type ConsentPurpose,
  type DataCategory,
  NEED_DOMAINS,
  type NeedDomain,
  type NoteSensitivity,
  permissionsOf,
  type Role,
  seoulDate,
} from '@ieum/domain';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { changeAppointment } from '../modules/appointments/change-appointment';
import { scheduleAppointment } from '../modules/appointments/schedule-appointment';
import { addGoal, addNote, recordAssessment, transitionCase } from '../modules/cases/change-case';
import { openCase } from '../modules/cases/open-case';
import { cases } from '../modules/cases/schema';
import { changeReferral } from '../modules/referrals/change-referral';
import { recordConsent } from '../modules/referrals/record-consent';
import { sendReferral } from '../modules/referrals/send-referral';
import { persons } from '../modules/registry/schema';
import { type Actor, runWithContext } from '../platform/context';
import { users } from '../platform/db/schema';
import type { Deps } from '../platform/deps';
import { demoOrganizationIds } from './demo-organizations';
import { type Random, seededRandom } from './prng';

/** How much case work the demo shows: cases per case worker, and how far back they were opened. */
export const DEMO_CASEWORK = { casesPerWorker: 40, seed: 2020 } as const;

export interface DemoCaseworkOptions {
  readonly seed: number;
  readonly casesPerWorker: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface DemoCaseworkResult {
  cases: number;
  assessments: number;
  goals: number;
  notes: number;
  consents: number;
  referrals: number;
  appointments: number;
  /** Hana Centers with persons but no active case worker account: nobody there to carry a case. */
  centersWithoutWorkers: number;
}

const DAY = 86_400_000;

/** Synthetic, generic notes of the kind a case worker writes; no real person or event behind any of them. */
const NOTES: readonly (readonly [string, NoteSensitivity])[] = [
  ['초기상담 실시. 거주지 전입 후 생활 적응 상황과 필요한 지원을 확인함.', 'normal'],
  ['주민센터 동행하여 기초생활수급 신청 서류를 안내함. 다음 주 결과 확인 예정.', 'normal'],
  ['고용센터 취업상담 일정을 함께 정함. 직업훈련(요양보호사) 과정에 관심을 보임.', 'normal'],
  ['자녀의 전학 절차와 방과후 학습 지원을 안내함.', 'normal'],
  ['전화 안부 확인. 건강 상태 양호하며 특별한 어려움은 없다고 함.', 'normal'],
  ['수면 곤란과 불안 증상을 호소함. 심리상담 연계를 제안하였고 본인이 동의함.', 'sensitive'],
  ['채무 관련 상담 요청. 법률구조공단 상담을 안내함.', 'sensitive'],
  ['가족 관계에 관한 상담 내용으로, 열람을 제한함.', 'restricted'],
];

/** Service-plan goals by need domain: what a plan at a Hana Center typically aims at. */
const GOALS: Readonly<Record<NeedDomain, string>> = {
  employment: '직업훈련 과정 수료 후 상용직 취업',
  education: '검정고시 준비반 등록 및 응시',
  housing: '임대주택 관리비 체납 해소 및 주거 안정',
  health: '건강검진 수검 및 만성질환 정기 진료',
  mental_health: '심리상담 8회기 참여',
  finances: '가계부 작성 및 자산형성 통장 가입',
  legal: '채무 관련 법률상담 완료',
  family: '자녀 돌봄 서비스 연계',
  social_ties: '지역 자조모임 월 1회 참여',
};

/** Where a case stands today, weighted as a center's caseload usually is. */
const STATUS_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ['intake', 10],
  ['assessment', 15],
  ['active', 45],
  ['review', 12],
  ['closed', 18],
];
const PATH: readonly CaseStatus[] = ['intake', 'assessment', 'active', 'review'];

interface Referral {
  readonly recipientKey: string;
  readonly purpose: ConsentPurpose;
  readonly categories: readonly DataCategory[];
  readonly message: string;
}
const REFERRALS: readonly Referral[] = [
  {
    recipientKey: 'employment',
    purpose: 'employment_support',
    categories: ['identity', 'contact', 'employment'],
    message: '취업 상담과 직업훈련 연계를 요청드립니다.',
  },
  {
    recipientKey: 'legal-aid',
    purpose: 'legal_aid',
    categories: ['identity', 'contact', 'legal'],
    message: '채무 관련 법률상담을 요청드립니다.',
  },
  {
    recipientKey: 'ngo',
    purpose: 'livelihood_support',
    categories: ['identity', 'contact', 'case_summary'],
    message: '생활용품 지원과 정서 지원 봉사자 연결을 요청드립니다.',
  },
];

export function actorOf(user: {
  id: string;
  username: string;
  organizationId: string;
  roles: Role[];
}): Actor {
  return {
    userId: user.id,
    username: user.username,
    organizationId: user.organizationId,
    roles: user.roles,
    permissions: new Set(permissionsOf(user.roles)),
    sessionId: 'job:demo-casework',
  };
}

/** The same services with the clock set to a day in the past, so the record tells a case's history in order. */
export function at(deps: Deps, when: Date): Deps {
  return { ...deps, now: () => when };
}

function scoresFor(random: Random): Partial<Record<NeedDomain, number>> {
  const scores: Partial<Record<NeedDomain, number>> = {};
  for (const domain of NEED_DOMAINS)
    scores[domain] = random.weighted([
      [0, 3],
      [1, 4],
      [2, 3],
      [3, 2],
      [4, 1],
    ]);
  return scores;
}

/**
 * Case work for the demo population: at every Hana Center with case-worker accounts, the most recently
 * arrived persons without a case get one, carried by those workers in turn, taken along the lifecycle
 * (assessment, service plan, notes of each sensitivity, closure) with the clock set back, so dashboards,
 * overdue lists and timelines have a history to show. Some persons give consent and are referred to the
 * employment center, legal aid or the NGO, and the employment center accepts some of them.
 *
 * Everything goes through the same functions the API calls (validation, sealing, audit), as the workers
 * themselves; nothing is written around them. A center's quota counts the cases it already has and persons
 * with a case are left alone, so running it again adds nothing unless workers or persons were added.
 */
export async function insertDemoCasework(
  deps: Deps,
  options: DemoCaseworkOptions,
): Promise<DemoCaseworkResult> {
  const result: DemoCaseworkResult = {
    cases: 0,
    assessments: 0,
    goals: 0,
    notes: 0,
    consents: 0,
    referrals: 0,
    appointments: 0,
    centersWithoutWorkers: 0,
  };
  const organizationIds = await demoOrganizationIds(deps.db);
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
  const workersByCenter = new Map<string, Actor[]>();
  for (const user of staff) {
    if (!user.roles.includes('case_worker')) continue;
    const list = workersByCenter.get(user.organizationId) ?? [];
    list.push(actorOf({ ...user, roles: user.roles as Role[] }));
    workersByCenter.set(user.organizationId, list);
  }
  const employment = staff.find(
    (user) =>
      user.organizationId === organizationIds.get('employment') && user.roles.includes('employment_officer'),
  );

  const centers = await deps.db
    .selectDistinct({ id: persons.hanaCenterId })
    .from(persons)
    .orderBy(asc(persons.hanaCenterId));
  const plan: { worker: Actor; personId: string; code: string; arrivalDate: string | null }[] = [];
  for (const { id: centerId } of centers) {
    const workers = workersByCenter.get(centerId);
    if (!workers) {
      result.centersWithoutWorkers += 1;
      continue;
    }
    // The quota counts the cases already there, so running it again tops a center up instead of doubling it.
    const [existing] = await deps.db
      .select({ n: count() })
      .from(cases)
      .where(eq(cases.hanaCenterId, centerId));
    const wanted = workers.length * options.casesPerWorker - (existing?.n ?? 0);
    if (wanted <= 0) continue;
    const candidates = await deps.db
      .select({ id: persons.id, code: persons.code, arrivalDate: persons.arrivalDate })
      .from(persons)
      .leftJoin(cases, eq(cases.personId, persons.id))
      .where(and(eq(persons.hanaCenterId, centerId), isNull(cases.id)))
      .orderBy(sql`${persons.arrivalDate} desc nulls last`, asc(persons.code))
      .limit(wanted);
    candidates.forEach((person, index) => {
      plan.push({
        worker: workers[index % workers.length] as Actor,
        personId: person.id,
        code: person.code,
        arrivalDate: person.arrivalDate,
      });
    });
  }

  const today = deps.now();
  let done = 0;
  for (const item of plan) {
    if (options.signal?.aborted) break;
    // One generator per person, seeded from the run's seed and the person's code: the same database and seed
    // give the same case work whatever order or batch the persons came in.
    const random = seededRandom(options.seed ^ hashCode(item.code));
    await runWithContext({ requestId: 'demo-casework', ip: null, actor: item.worker }, () =>
      caseworkFor(deps, { ...item, random, today, result, employment, organizationIds }),
    );
    done += 1;
    options.onProgress?.(done, plan.length);
  }
  return result;
}

function hashCode(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return hash >>> 0;
}

async function caseworkFor(
  deps: Deps,
  item: {
    worker: Actor;
    personId: string;
    arrivalDate: string | null;
    random: Random;
    today: Date;
    result: DemoCaseworkResult;
    employment: { id: string; username: string; organizationId: string; roles: string[] } | undefined;
    organizationIds: Map<string, string>;
  },
): Promise<void> {
  const { worker, random, today, result } = item;
  const status = random.weighted(STATUS_WEIGHTS);
  // Opened after arrival (or up to two years ago), the steps spread from then to a few days ago.
  const arrival = item.arrivalDate ? Date.parse(`${item.arrivalDate}T09:00:00+09:00`) : Number.NaN;
  const earliest = Math.max(Number.isNaN(arrival) ? 0 : arrival + 30 * DAY, today.getTime() - 730 * DAY);
  const span = Math.max(today.getTime() - 3 * DAY - earliest, 10 * DAY);
  const openedAt = new Date(
    today.getTime() - 3 * DAY - span + random.int(0, Math.floor(span / 4 / DAY)) * DAY,
  );
  const steps = status === 'closed' ? random.int(1, 3) : PATH.indexOf(status);
  const stepAt = (step: number) =>
    new Date(openedAt.getTime() + ((today.getTime() - 2 * DAY - openedAt.getTime()) * step) / (steps + 1));

  const { id: caseId } = await openCase(at(deps, openedAt), { actor: worker, personId: item.personId });
  result.cases += 1;
  let version = 1;
  await addNote(at(deps, new Date(openedAt.getTime() + 3600_000)), {
    actor: worker,
    caseId,
    body: (NOTES[0] as (typeof NOTES)[number])[0],
    sensitivity: 'normal',
  });
  result.notes += 1;

  for (let step = 1; step <= steps; step++) {
    const to = PATH[step] as CaseStatus;
    const when = stepAt(step);
    if (to === 'active') {
      const scores = scoresFor(random);
      await recordAssessment(at(deps, when), { actor: worker, caseId, scores });
      result.assessments += 1;
      const needs = NEED_DOMAINS.filter((domain) => (scores[domain] ?? 0) >= 2).slice(0, 3);
      for (const domain of needs) {
        // Targets three to nine months out: some of an older case's are now overdue, as in life.
        const target = seoulDate(new Date(when.getTime() + random.int(90, 270) * DAY));
        await addGoal(at(deps, when), {
          actor: worker,
          caseId,
          domain,
          goal: GOALS[domain],
          targetOn: target,
        });
        result.goals += 1;
      }
    }
    await transitionCase(at(deps, when), { actor: worker, caseId, to, version });
    version += 1;
    const [body, sensitivity] = random.pick(NOTES.slice(1));
    await addNote(at(deps, new Date(when.getTime() + 7200_000)), {
      actor: worker,
      caseId,
      body,
      sensitivity,
    });
    result.notes += 1;
  }
  if (status !== 'closed')
    await appointmentsFor(deps, { worker, personId: item.personId, random, today, result });
  if (status === 'closed') {
    await transitionCase(at(deps, stepAt(steps + 0.5)), {
      actor: worker,
      caseId,
      to: 'closed',
      reason: random.pick(['정착 목표 달성', '본인 요청에 따른 종결', '연락 두절 6개월 경과']),
      version,
    });
    return;
  }
  if (steps < 2 || !random.chance(0.3)) return;

  const referral = random.pick(REFERRALS);
  const recipientId = item.organizationIds.get(referral.recipientKey);
  if (!recipientId) return;
  const givenAt = stepAt(steps);
  const givenOn = seoulDate(givenAt);
  const expiresOn = seoulDate(new Date(givenAt.getTime() + 365 * DAY));
  await recordConsent(at(deps, givenAt), {
    actor: worker,
    personId: item.personId,
    input: {
      recipientOrganizationId: recipientId,
      categories: [...referral.categories],
      purpose: referral.purpose,
      givenOn,
      expiresOn,
    },
  });
  result.consents += 1;
  const { id: referralId } = await sendReferral(at(deps, givenAt), {
    actor: worker,
    input: {
      personId: item.personId,
      recipientOrganizationId: recipientId,
      categories: [...referral.categories],
      purpose: referral.purpose,
      message: referral.message,
      dueOn: seoulDate(new Date(givenAt.getTime() + 14 * DAY)),
    },
  });
  result.referrals += 1;
  if (referral.recipientKey === 'employment' && item.employment && random.chance(0.6)) {
    const officer = actorOf({ ...item.employment, roles: item.employment.roles as Role[] });
    await runWithContext({ requestId: 'demo-casework', ip: null, actor: officer }, () =>
      changeReferral(at(deps, new Date(givenAt.getTime() + 2 * DAY)), {
        actor: officer,
        referralId,
        action: 'accept',
        version: 1,
      }),
    );
  }
}

const APPOINTMENT_PLACES = ['하나센터 상담실', '주민센터', '고용센터', '가정 방문'];

/**
 * An open case's meetings: the last one (held, marked done when the clock was then) and, for most, the next
 * one in the coming two weeks — some today — so the worker's today and the center's calendar are not empty.
 */
async function appointmentsFor(
  deps: Deps,
  item: {
    worker: Actor;
    personId: string;
    random: Random;
    today: Date;
    result: DemoCaseworkResult;
  },
): Promise<void> {
  const { worker, random, today, result } = item;
  const seoulMidnight = Date.parse(`${seoulDate(today)}T00:00:00+09:00`);
  const at10 = (days: number, hour: number) => new Date(seoulMidnight + days * DAY + hour * 3600_000);
  const pastStart = at10(-random.int(3, 40), random.int(9, 16));
  const { id: past } = await scheduleAppointment(at(deps, new Date(pastStart.getTime() - 7 * DAY)), {
    actor: worker,
    personId: item.personId,
    startsAt: pastStart.toISOString(),
    durationMinutes: 60,
    kind: random.pick(['counselling', 'home_visit', 'phone'] as const),
    location: random.pick(APPOINTMENT_PLACES),
  });
  await changeAppointment(at(deps, new Date(pastStart.getTime() + 2 * 3600_000)), {
    actor: worker,
    appointmentId: past,
    version: 1,
    status: random.chance(0.9) ? 'done' : 'no_show',
  });
  result.appointments += 1;
  if (!random.chance(0.6)) return;
  const nextStart = at10(
    random.weighted([
      [0, 2],
      [1, 2],
      [random.int(2, 14), 6],
    ]),
    random.int(9, 16),
  );
  await scheduleAppointment(at(deps, new Date(today.getTime() - random.int(1, 10) * DAY)), {
    actor: worker,
    personId: item.personId,
    startsAt: nextStart.toISOString(),
    durationMinutes: random.pick([30, 60, 90]),
    kind: random.pick(['counselling', 'home_visit', 'accompaniment', 'phone'] as const),
    location: random.pick(APPOINTMENT_PLACES),
  });
  result.appointments += 1;
}
