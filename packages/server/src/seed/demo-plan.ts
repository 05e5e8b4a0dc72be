import { createHash } from 'node:crypto';
import type { KpiInput, ProgressStatus, Quarter, Role, TaskInput } from '@ieum/domain';
import { asc, count, eq } from 'drizzle-orm';
import { commentOnPlan, declareNoComment } from '../modules/plan/comment-on-plan';
import { createMasterPlan } from '../modules/plan/create-master-plan';
import { createPlan } from '../modules/plan/create-plan';
import { fileProgressReport } from '../modules/plan/file-progress-report';
import { resolveComment } from '../modules/plan/resolve-comment';
import { saveTask } from '../modules/plan/save-task';
import { masterPlans, plans } from '../modules/plan/schema';
import { setConsultation } from '../modules/plan/set-consultation';
import { transitionPlan } from '../modules/plan/transition-plan';
import { updatePlan } from '../modules/plan/update-plan';
import { appendAudit } from '../platform/audit/audit-log';
import { type Actor, runWithContext } from '../platform/context';
import { newId } from '../platform/db/ids';
import { users } from '../platform/db/schema';
import type { Deps } from '../platform/deps';
import { actorOf, at } from './demo-casework';
import { DEMO_ORGANIZATIONS, ensureDemoOrganizations } from './demo-organizations';
import {
  DEMO_CATEGORIES,
  DEMO_MASTER_PLAN,
  DEMO_PLAN_SUMMARY,
  DEMO_TASKS,
  type DemoTaskSpec,
  demoTaskDescription,
} from './demo-plan-tasks';
import { COMMENTS, NARRATIVES, NO_COMMENT_BY, REPORTERS } from './demo-plan-voices';
import { type Random, seededRandom } from './prng';

/**
 * The 2020 implementation plan for the demo, walked through the plan module's use cases as it went in life: the
 * demo plan manager drafts it in January 2020 (53 illustrative tasks in the press release's 7 categories, led
 * by departments and local governments), sends it for written consultation on 7-13 February 2020, resolves
 * every comment, finalizes it and puts it into execution on 18 February; the task reporters of the lead
 * organizations then file the first two quarters, a few late and a few not at all. Each step runs as its actor,
 * with the clock of its day. Deterministic: the same content, statuses and keys in every database.
 *
 * Runs once: a database that has any master plan or plan is left alone.
 */
export const DEMO_PLAN = { seed: 2018, year: 2020 } as const;

export interface DemoPlanResult {
  planId: string | null;
  tasks: number;
  kpis: number;
  computedKpis: number;
  comments: number;
  noComments: number;
  invitees: number;
  reports: number;
  missingReports: number;
}

const EMPTY: DemoPlanResult = {
  planId: null,
  tasks: 0,
  kpis: 0,
  computedKpis: 0,
  comments: 0,
  noComments: 0,
  invitees: 0,
  reports: 0,
  missingReports: 0,
};

/** A Korean office hour. */
const kst = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+09:00`);
const HOUR = 3_600_000;

/** A UUID (v5 layout) from a name: a task or KPI keeps the same key in every demo database. */
export function demoPlanKey(name: string): string {
  const hex = createHash('sha256').update(`ieum-demo-plan:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface DraftedTask {
  readonly code: string;
  readonly spec: DemoTaskSpec;
  readonly input: TaskInput;
}

export async function insertDemoPlan(
  deps: Deps,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<DemoPlanResult> {
  if (options.signal?.aborted) return { ...EMPTY };
  const [masters] = await deps.db.select({ n: count() }).from(masterPlans);
  const [existing] = await deps.db.select({ n: count() }).from(plans);
  if ((masters?.n ?? 0) > 0 || (existing?.n ?? 0) > 0) return { ...EMPTY };

  const organizationIds = await ensureDemoOrganizations(deps.db);
  const org = (key: string) => {
    const id = organizationIds.get(key);
    if (!id) throw new Error(`demo organization ${key} is missing`);
    return id;
  };
  const staff = await demoStaff(deps, organizationIds);
  const manager = staff.get('demo-plan-manager');
  if (!manager) return { ...EMPTY };
  const actor = (username: string) => {
    const found = staff.get(username);
    if (!found) throw new Error(`demo account ${username} is missing`);
    return found;
  };
  // As the actor, with the clock of the step, as the API would run it.
  const as = <T>(who: Actor, when: Date, step: (d: Deps) => Promise<T>) =>
    runWithContext({ requestId: 'demo-plan', ip: null, actor: who }, () => step(at(deps, when)));
  const versionOf = async (planId: string) => {
    const [row] = await deps.db.select({ version: plans.version }).from(plans).where(eq(plans.id, planId));
    return row?.version ?? 0;
  };
  const result: DemoPlanResult = { ...EMPTY };

  // ——— the draft, January 2020 ———
  const master = await as(manager, kst('2020-01-20', 9), (d) =>
    createMasterPlan(d, { actor: manager, input: { ...DEMO_MASTER_PLAN, categories: [...DEMO_CATEGORIES] } }),
  );
  const created = await as(manager, kst('2020-01-20', 10), (d) =>
    createPlan(d, { actor: manager, input: { masterPlanId: master.id, year: DEMO_PLAN.year } }),
  );
  const planId = created.id;
  result.planId = planId;
  await as(manager, kst('2020-01-20', 11), (d) =>
    updatePlan(d, {
      actor: manager,
      planId,
      input: {
        titleKo: created.titleKo,
        titleEn: created.titleEn,
        summary: DEMO_PLAN_SUMMARY,
        version: created.version,
      },
    }),
  );

  const drafted = draftTasks(org);
  let clock = kst('2020-01-21', 9);
  for (const task of drafted) {
    if (options.signal?.aborted) return result;
    const version = await versionOf(planId);
    await as(manager, clock, (d) =>
      saveTask(d, { actor: manager, planId, taskKey: task.input.key, task: task.input, version }),
    );
    clock = new Date(clock.getTime() + 6 * HOUR);
    result.tasks += 1;
    result.kpis += task.input.kpis.length;
    result.computedKpis += task.input.kpis.filter((kpi) => kpi.source.kind === 'metric').length;
  }

  // ——— the written consultation, 7-13 February 2020 ———
  const invited = DEMO_ORGANIZATIONS.filter(
    (o) =>
      (o.type === 'ministry' && o.key !== 'ministry') ||
      o.type === 'local_government' ||
      o.key === 'foundation',
  ).map((o) => org(o.key));
  result.invitees = invited.length;
  await as(manager, kst('2020-02-05', 15), async (d) =>
    setConsultation(d, {
      actor: manager,
      planId,
      version: await versionOf(planId),
      consultation: {
        startsOn: '2020-02-07',
        endsOn: '2020-02-13',
        organizationIds: invited,
        councilMemberIds: [],
        message:
          '2020년 북한이탈주민 정착지원 시행계획(안)에 대한 북한이탈주민 대책협의회 서면 협의를 요청드립니다. ' +
          '2월 13일까지 의견을 제출해 주십시오. (데모: 과제는 예시입니다)',
      },
    }),
  );
  await as(manager, kst('2020-02-06', 10), async (d) =>
    transitionPlan(d, { actor: manager, planId, to: 'in_consultation', version: await versionOf(planId) }),
  );
  const keyOf = new Map(drafted.map((task) => [task.code, task.input.key]));
  const written: { id: string; version: number; spec: (typeof COMMENTS)[number] }[] = [];
  for (const [index, spec] of COMMENTS.entries()) {
    if (options.signal?.aborted) return result;
    const author = actor(spec.by);
    // Spread over the period: the seventh to the thirteenth.
    const when = new Date(kst('2020-02-07', 9).getTime() + index * 14 * HOUR);
    const comment = await as(author, when, (d) =>
      commentOnPlan(d, {
        actor: author,
        planId,
        input: { taskKey: spec.task === null ? null : (keyOf.get(spec.task) ?? null), body: spec.body },
      }),
    );
    written.push({ id: comment.id, version: comment.version, spec });
  }
  for (const [index, username] of NO_COMMENT_BY.entries()) {
    const invitee = actor(username);
    await as(invitee, kst(`2020-02-1${index}`, 16), (d) => declareNoComment(d, { actor: invitee, planId }));
  }
  result.comments = written.length;
  result.noComments = NO_COMMENT_BY.length;
  for (const [index, comment] of written.entries()) {
    await as(manager, new Date(kst('2020-02-14', 9).getTime() + index * 0.5 * HOUR), (d) =>
      resolveComment(d, {
        actor: manager,
        commentId: comment.id,
        input: { resolution: comment.spec.resolution, reason: comment.spec.reason, version: comment.version },
      }),
    );
  }

  // ——— finalized on the 17th, executed from the 18th (the day of the press release) ———
  await as(manager, kst('2020-02-17', 14), async (d) =>
    transitionPlan(d, { actor: manager, planId, to: 'finalized', version: await versionOf(planId) }),
  );
  await as(manager, kst('2020-02-18', 9), async (d) =>
    transitionPlan(d, { actor: manager, planId, to: 'in_execution', version: await versionOf(planId) }),
  );

  // ——— the first two quarters' reports (due 10 April and 10 July), by the lead organizations ———
  const random = seededRandom(DEMO_PLAN.seed);
  for (const quarter of [1, 2] as const) {
    for (const [index, task] of drafted.entries()) {
      if (options.signal?.aborted) return result;
      const filed = fileOrSkip(random, quarter);
      if (!filed) {
        result.missingReports += 1;
        continue;
      }
      const reporter = actor(REPORTERS[task.spec.lead] as string);
      const [status, percent] = progressOf(random, quarter);
      const when = new Date(kst(filed.day, 9).getTime() + (index % 8) * HOUR);
      await as(reporter, when, (d) =>
        fileProgressReport(d, {
          actor: reporter,
          planId,
          taskKey: task.input.key,
          input: {
            year: DEMO_PLAN.year,
            quarter,
            status,
            percentComplete: percent,
            narrative: NARRATIVES[status],
            evidence: [],
            kpiValues: task.input.kpis
              .filter((kpi) => kpi.source.kind === 'manual')
              .map((kpi) => ({ kpiKey: kpi.key, value: valueAt(kpi, percent) })),
          },
        }),
      );
      result.reports += 1;
    }
  }
  return result;
}

/** The tasks as the plan manager drafts them, with deterministic keys. */
function draftTasks(org: (key: string) => string): DraftedTask[] {
  const drafted: DraftedTask[] = [];
  for (const category of DEMO_CATEGORIES) {
    for (const [index, spec] of (DEMO_TASKS[category.code] ?? []).entries()) {
      const code = `${category.code}-${index + 1}`;
      const [nameKo, unitLabelKo, baseline, target] = spec.kpi;
      const kpis: KpiInput[] = [
        {
          key: demoPlanKey(`${code}:kpi`),
          nameKo,
          nameEn: null,
          unit: unitLabelKo === null ? 'rate' : 'count',
          unitLabelKo,
          baseline,
          target,
          direction: 'up',
          source: { kind: 'manual' },
          milestones: [
            { quarter: 2, value: Math.round(baseline + (target - baseline) / 2) },
            { quarter: 4, value: target },
          ],
        },
      ];
      if (spec.metric) {
        const metric = spec.metric;
        const rate = metric.key === 'jobs.employment_rate';
        kpis.push({
          key: demoPlanKey(`${code}:metric`),
          nameKo: metric.nameKo,
          nameEn: null,
          unit: rate ? 'rate' : 'count',
          unitLabelKo: rate ? null : '건',
          baseline: metric.baseline,
          target: metric.target,
          direction: 'up',
          source: { kind: 'metric', metricKey: metric.key },
          milestones: rate ? [] : [{ quarter: 2, value: Math.round(metric.target / 2) }],
        });
      }
      drafted.push({
        code,
        spec,
        input: {
          key: demoPlanKey(code),
          code,
          title: spec.title,
          description: demoTaskDescription(spec, category.goal),
          leadOrganizationId: org(spec.lead),
          cooperatingOrganizationIds: spec.with.map(org),
          kpis,
          milestones: [
            { quarter: 1, description: '추진계획 수립 및 관계기관 협의' },
            { quarter: 2, description: '상반기 추진 실적 점검' },
            { quarter: 4, description: '연간 성과 평가 및 차년도 계획 반영' },
          ],
        },
      });
    }
  }
  return drafted;
}

/** Most reports come in by the due date, some a week or so late, a few not at all (the overdue list). */
function fileOrSkip(random: Random, quarter: Quarter): { day: string } | null {
  if (random.chance(quarter === 1 ? 0.06 : 0.12)) return null;
  const month = quarter === 1 ? '04' : '07';
  const late = random.chance(0.12);
  return { day: `2020-${month}-${String(late ? random.int(13, 24) : random.int(1, 10)).padStart(2, '0')}` };
}

function progressOf(random: Random, quarter: Quarter): [ProgressStatus, number] {
  const status: ProgressStatus =
    quarter === 1
      ? random.weighted([
          ['on_track', 14],
          ['delayed', 4],
          ['at_risk', 1],
        ])
      : random.weighted([
          ['on_track', 10],
          ['delayed', 4],
          ['at_risk', 2],
          ['done', 3],
        ]);
  const base = quarter === 1 ? 0 : 25;
  switch (status) {
    case 'on_track':
      return [status, base + random.int(20, 30)];
    case 'delayed':
      return [status, base + random.int(8, 18)];
    case 'at_risk':
      return [status, base + random.int(3, 10)];
    case 'done':
      return [status, 100];
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

/** A manual KPI's value at a share of the work done, rounded as its unit is counted. */
function valueAt(kpi: KpiInput, percent: number): number {
  const value = kpi.baseline + ((kpi.target - kpi.baseline) * percent) / 100;
  return kpi.unit === 'rate' ? Math.round(value * 10) / 10 : Math.round(value);
}

/**
 * The demo accounts the walk needs, by username: the seeded ones, and a task reporter at each lead organization
 * other than the ministry (whose reporter is the seeded demo-task-reporter), created here once with the demo
 * password (the demo administrator's hash, so every demo account opens with the same password).
 */
async function demoStaff(
  deps: Deps,
  organizationIds: ReadonlyMap<string, string>,
): Promise<Map<string, Actor>> {
  const load = () =>
    deps.db
      .select({
        id: users.id,
        username: users.username,
        organizationId: users.organizationId,
        roles: users.roles,
        passwordHash: users.passwordHash,
      })
      .from(users)
      .where(eq(users.active, true))
      .orderBy(asc(users.username));
  let rows = await load();
  const admin = rows.find((row) => row.username === 'demo-admin');
  const missing = Object.entries(REPORTERS).filter(
    ([key, username]) => key !== 'ministry' && !rows.some((row) => row.username === username),
  );
  if (admin && missing.length > 0) {
    const names = new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o.name]));
    const created = missing.map(([key, username]) => ({
      id: newId(),
      username,
      displayName: `데모 과제 보고자(${names.get(key) ?? key})`,
      organizationId: organizationIds.get(key) as string,
      roles: ['task_reporter'],
      passwordHash: admin.passwordHash,
    }));
    await deps.db.transaction(async (tx) => {
      await tx.insert(users).values(created);
      await appendAudit(tx, {
        action: 'create',
        actor: null,
        entityType: 'demo_seed',
        detail: { users: created.length, for: 'demo-plan' },
      });
    });
    rows = await load();
  }
  return new Map(rows.map((row) => [row.username, actorOf({ ...row, roles: row.roles as Role[] })]));
}
