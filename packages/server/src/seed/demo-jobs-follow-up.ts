import { addDays, compareDates, daysBetween, type IsoDate } from '@ieum/domain';
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import { addEmploymentRecord, changeEmploymentRecord } from '../modules/jobs/employment';
import { readIncentiveStatement, recordIncentivePayment } from '../modules/jobs/incentives';
import { completeTask } from '../modules/timeline/list-tasks';
import { tasks } from '../modules/timeline/schema';
import type { Actor } from '../platform/context';
import type { Deps } from '../platform/deps';
import type { DemoJobsPlan } from './demo-jobs-plan';
import { minDate } from './demo-jobs-tables';
import type { Random } from './prng';

/** What follows a job in the jobs demo: checks done, short jobs followed up, incentives paid. */
export type Act = <T>(actor: Actor, when: Date, task: (clocked: Deps) => Promise<T>) => Promise<T>;
export type Clock = (date: IsoDate, minutes?: number) => Date;

/**
 * Short jobs within protection, as they happened: recorded on the first days, the checks that fell due done,
 * the last day recorded a few days after it (which cancels the later checks and raises the early-end
 * follow-up), and the talk with the person held within the week.
 */
export async function recordEarlyEnds(
  deps: Deps,
  plan: DemoJobsPlan,
  context: {
    actorFor: (person: number) => Actor | null;
    personId: (person: number) => string;
    employerIds: readonly string[];
    act: Act;
    clock: Clock;
    stopped: () => boolean;
  },
): Promise<number> {
  let done = 0;
  for (const work of plan.earlyEnds) {
    const actor = context.actorFor(work.person);
    if (!actor || work.endOn === null) continue;
    if (context.stopped()) break;
    const { person, served: _served, employer, endOn, ...rest } = work;
    const input = { ...rest, employerId: context.employerIds[employer] as string };
    const subject = context.personId(person);
    const record = await context.act(actor, context.clock(addDays(work.startOn, 2)), (clocked) =>
      addEmploymentRecord(clocked, { actor, personId: subject, input: { ...input, endOn: null } }),
    );
    const checks = await deps.db
      .select({ id: tasks.id, dueOn: tasks.dueOn, version: tasks.version })
      .from(tasks)
      .where(
        and(
          eq(tasks.personId, subject),
          eq(tasks.kind, 'retention_check'),
          eq(tasks.status, 'open'),
          sql`${tasks.period}->>'start' = ${work.startOn}`,
          lte(tasks.dueOn, endOn),
        ),
      )
      .orderBy(asc(tasks.dueOn));
    for (const check of checks)
      await context.act(actor, context.clock(check.dueOn, 60), (clocked) =>
        completeTask(clocked, { actor, taskId: check.id, version: check.version }),
      );
    const recordedOn = addDays(endOn, 3);
    await context.act(actor, context.clock(recordedOn), (clocked) =>
      changeEmploymentRecord(clocked, {
        actor,
        recordId: record.id,
        input: { ...input, endOn, version: record.version },
      }),
    );
    const [followUp] = await deps.db
      .select({ id: tasks.id, version: tasks.version })
      .from(tasks)
      .where(
        and(eq(tasks.personId, subject), eq(tasks.kind, 'employment_ended_early'), eq(tasks.status, 'open')),
      );
    if (followUp)
      await context.act(actor, context.clock(addDays(recordedOn, 4)), (clocked) =>
        completeTask(clocked, { actor, taskId: followUp.id, version: followUp.version }),
      );
    done += 1;
  }
  return done;
}

/** The retention checks of the placements that have fallen due: most done within days, a few left late. */
export async function completeRetentionChecks(
  deps: Deps,
  context: {
    random: Random;
    placedPersons: readonly number[];
    personId: (person: number) => string;
    actorFor: (person: number) => Actor | null;
    act: Act;
    clock: Clock;
    today: IsoDate;
  },
): Promise<void> {
  if (context.placedPersons.length === 0) return;
  const indexOf = new Map(context.placedPersons.map((person) => [context.personId(person), person]));
  const open = await deps.db
    .select({ id: tasks.id, personId: tasks.personId, dueOn: tasks.dueOn, version: tasks.version })
    .from(tasks)
    .where(
      and(
        eq(tasks.kind, 'retention_check'),
        eq(tasks.status, 'open'),
        lt(tasks.dueOn, context.today),
        inArray(tasks.personId, [...indexOf.keys()]),
      ),
    );
  const person = (task: (typeof open)[number]) => indexOf.get(task.personId) as number;
  open.sort((a, b) => person(a) - person(b) || compareDates(a.dueOn, b.dueOn));
  for (const task of open) {
    if (!context.random.chance(0.85)) continue;
    const actor = context.actorFor(person(task));
    if (!actor) continue;
    const doneOn = minDate(addDays(task.dueOn, context.random.int(0, 4)), context.today);
    await context.act(actor, context.clock(doneOn, 90), (clocked) =>
      completeTask(clocked, { actor, taskId: task.id, version: task.version }),
    );
  }
}

/**
 * Employment incentives claimed and paid, in the order they fell due: the older lines mostly, the recent ones
 * less often. Recorded by the demo officer for the officer's persons and by the center manager at that center
 * (no other demo account may pay); a few persons at the demo case worker's center keep their latest line due.
 */
export async function payIncentives(
  plan: DemoJobsPlan,
  context: {
    random: Random;
    centers: readonly string[];
    personId: (person: number) => string;
    officerPersons: ReadonlySet<number>;
    officer: Actor;
    manager: Actor | null;
    officerCenterId: string | null;
    act: Act;
    clock: Clock;
    today: IsoDate;
    stopped: () => boolean;
  },
): Promise<number> {
  const { random, today } = context;
  const working = new Set([
    ...plan.history.filter((work) => work.served).map((work) => work.person),
    ...plan.earlyEnds.map((work) => work.person),
  ]);
  let paid = 0;
  let kept = 0;
  for (const person of [...working].sort((a, b) => a - b)) {
    if (context.stopped()) break;
    const center = context.centers[person];
    const payer = context.officerPersons.has(person)
      ? context.officer
      : context.manager?.organizationId === center
        ? context.manager
        : null;
    if (!payer) continue;
    const subject = context.personId(person);
    const statement = await context.act(payer, context.clock(today), (clocked) =>
      readIncentiveStatement(clocked, { actor: payer, personId: subject }),
    );
    const due = statement.lines
      .flatMap((line) =>
        line.status === 'due' && line.kind.startsWith('employment_') && line.dueOn !== null
          ? [{ kind: line.kind, amount: line.amount, dueOn: line.dueOn }]
          : [],
      )
      .sort((a, b) => compareDates(a.dueOn, b.dueOn));
    if (due.length === 0) continue;
    const extended = person === plan.extended;
    const keepLast = extended || (center === context.officerCenterId && kept < 3);
    if (keepLast && !extended) kept += 1;
    for (const line of keepLast ? due.slice(0, -1) : due) {
      // Claims come in order: one not made yet holds back the later ones.
      if (!extended && !random.chance(daysBetween(line.dueOn, today) > 180 ? 0.8 : 0.4)) break;
      const paidOn = minDate(addDays(line.dueOn, random.int(14, 60)), today);
      const claimedOn = minDate(addDays(line.dueOn, random.int(1, 10)), paidOn);
      const recordedOn = minDate(addDays(paidOn, random.int(0, 3)), today);
      await context.act(payer, context.clock(recordedOn, 120), (clocked) =>
        recordIncentivePayment(clocked, {
          actor: payer,
          personId: subject,
          input: { line: line.kind, amount: line.amount, paidOn, claimedOn },
        }),
      );
      paid += 1;
    }
  }
  return paid;
}
