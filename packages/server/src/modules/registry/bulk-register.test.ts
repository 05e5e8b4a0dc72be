import { nameTokens } from '@ieum/domain';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../platform/db/schema';
import { demoOrganizationIds } from '../../seed/demo-organizations';
import { generatePopulation, type SyntheticPerson } from '../../seed/population';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';
import { type BulkPerson, type BulkResult, bulkRegisterPersons, importProgress } from './bulk-register';
import { personSearchTokens, persons } from './schema';

async function bulkInput(platform: TestPlatform, people: readonly SyntheticPerson[]): Promise<BulkPerson[]> {
  const ids = await demoOrganizationIds(platform.deps.db);
  return people.map((person) => ({
    ...person.intake,
    hanaCenterId: ids.get(person.hanaCenterKey) as string,
    ...(person.municipalityKey ? { municipalityId: ids.get(person.municipalityKey) as string } : {}),
  }));
}

async function userId(platform: TestPlatform, username: string): Promise<string> {
  const [row] = await platform.deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  return row?.id as string;
}

describe('bulk registration of a generated population', () => {
  const population = generatePopulation({ persons: 300, seed: 11 });
  let platform: TestPlatform;
  let result: BulkResult;
  const progress: number[] = [];

  beforeAll(async () => {
    platform = await createTestPlatform();
    result = await bulkRegisterPersons(platform.deps, {
      actorUserId: await userId(platform, 'demo-admin'),
      persons: await bulkInput(platform, population.persons),
      batchSize: 100,
      importId: 'test-import',
      onProgress: (p) => progress.push(p.done),
    });
    // 300 full intakes (sealing, tokens, statutory tasks, audit) take a few seconds, more on a busy machine.
  }, 240_000);
  afterAll(() => platform.close());

  it('registers every person, one batch at a time, and records how far it got', async () => {
    expect(result).toMatchObject({ inserted: 300, skipped: [], resumedFrom: 0, stopped: false });
    expect(progress).toEqual([100, 200, 300]);
    const [stored] = await platform.deps.db.select({ n: count() }).from(persons);
    expect(stored?.n).toBe(300);
    const codes = new Set(result.registered.map((record) => record?.code));
    expect(codes.size).toBe(300);
    expect(await importProgress(platform.deps.db, 'test-import')).toMatchObject({ done: 300, total: 300 });
    const [withTokens] = await platform.deps.db
      .select({ n: sql<number>`count(distinct ${personSearchTokens.personId})::int` })
      .from(personSearchTokens);
    expect(withTokens?.n).toBe(300);
  });

  it('writes one audit entry per person, naming the data subject, the operator and the import', async () => {
    const entries = await platform.deps.db
      .select({ subjectId: auditLog.subjectId, actor: auditLog.actorUsername, requestId: auditLog.requestId })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'create'), eq(auditLog.entityType, 'person'), isNotNull(auditLog.subjectId)),
      );
    expect(entries).toHaveLength(300);
    expect(new Set(entries.map((entry) => entry.subjectId))).toEqual(
      new Set(result.registered.map((record) => record?.id)),
    );
    expect(new Set(entries.map((entry) => `${entry.actor} ${entry.requestId}`))).toEqual(
      new Set(['demo-admin test-import']),
    );
  });

  it('makes the persons findable by name and initial consonants within the center, and only there', async () => {
    const ids = await demoOrganizationIds(platform.deps.db);
    const index = population.persons.findIndex(
      (person) => person.hanaCenterKey === 'hana-3' && [...person.intake.name].length === 3,
    );
    const person = population.persons[index] as SyntheticPerson;
    const code = result.registered[index]?.code;
    expect(ids.get('hana-3')).toBeDefined();
    const worker = await platform.signIn('demo-case-worker');
    const other = await platform.signIn('demo-case-worker-2');
    const find = async (session: typeof worker, q: string) => {
      const response = await session.request('GET', `/api/persons?q=${encodeURIComponent(q)}&pageSize=100`);
      expect(response.statusCode).toBe(200);
      return response.json().items.map((item: { code: string }) => item.code) as string[];
    };
    const given = person.intake.name.slice(1);
    const initials = nameTokens(person.intake.name)
      .choseong.filter((gram) => gram.length === 1)
      .join('');
    expect(await find(worker, person.intake.name)).toContain(code);
    expect(await find(worker, given)).toContain(code);
    expect(await find(worker, initials)).toContain(code);
    expect(await find(other, person.intake.name)).not.toContain(code);
  });

  it('keeps names, registration numbers, phones and addresses out of every table in plaintext', async () => {
    const sample = population.persons.slice(0, 6).map((person) => person.intake);
    const needles = sample.flatMap((intake) => [
      intake.name,
      ...intake.otherNames,
      ...(intake.rrn ? [intake.rrn.replace('-', '')] : []),
      ...(intake.phone ? [intake.phone] : []),
      // The road and number: the district alone is also an organization's name.
      ...(intake.address ? [intake.address.split(' ').slice(2, 4).join(' ')] : []),
    ]);
    expect(await findPlaintext(platform.deps.db, needles)).toEqual([]);
  });
});

describe('bulk registration stopped and run again', () => {
  const population = generatePopulation({ persons: 40, seed: 12 });
  let platform: TestPlatform;
  let input: BulkPerson[];
  let actorUserId: string;

  beforeAll(async () => {
    platform = await createTestPlatform();
    input = await bulkInput(platform, population.persons);
    actorUserId = await userId(platform, 'demo-admin');
  });
  afterAll(() => platform.close());

  it('stops between batches, resumes after the last committed one, and then has nothing left to do', async () => {
    const stop = new AbortController();
    const first = await bulkRegisterPersons(platform.deps, {
      actorUserId,
      persons: input,
      batchSize: 15,
      importId: 'resumable',
      signal: stop.signal,
      onProgress: () => stop.abort(),
    });
    expect(first).toMatchObject({ inserted: 15, stopped: true, resumedFrom: 0 });
    const second = await bulkRegisterPersons(platform.deps, {
      actorUserId,
      persons: input,
      batchSize: 15,
      importId: 'resumable',
    });
    expect(second).toMatchObject({ inserted: 25, stopped: false, resumedFrom: 15 });
    expect(second.registered.slice(0, 15).every((record) => record === null)).toBe(true);
    const third = await bulkRegisterPersons(platform.deps, {
      actorUserId,
      persons: input,
      importId: 'resumable',
    });
    expect(third).toMatchObject({ inserted: 0, resumedFrom: 40 });
    const [stored] = await platform.deps.db.select({ n: count() }).from(persons);
    expect(stored?.n).toBe(40);
  });

  it('refuses to resume an import with different input', async () => {
    await expect(
      bulkRegisterPersons(platform.deps, { actorUserId, persons: input.slice(0, 10), importId: 'resumable' }),
    ).rejects.toThrow('was started with 40 persons, not 10');
  });

  it('skips a registration number already on record or repeated in the input, and says so', async () => {
    const [existing, fresh] = generatePopulation({ persons: 2, seed: 13 }).persons as [
      SyntheticPerson,
      SyntheticPerson,
    ];
    const [again] = await bulkInput(platform, [population.persons[0] as SyntheticPerson]);
    const [first, second] = await bulkInput(platform, [existing, fresh]);
    const result = await bulkRegisterPersons(platform.deps, {
      actorUserId,
      persons: [again as BulkPerson, first as BulkPerson, second as BulkPerson, { ...(first as BulkPerson) }],
    });
    expect(result.inserted).toBe(2);
    expect(result.skipped).toEqual([
      { index: 0, reason: 'rrn_registered' },
      { index: 3, reason: 'rrn_repeated_in_input' },
    ]);
  });

  it('refuses invalid input by position and field, without echoing the value', async () => {
    const [person] = input;
    await expect(
      bulkRegisterPersons(platform.deps, {
        actorUserId,
        persons: [{ ...(person as BulkPerson), rrn: '851305-1000000' }],
      }),
    ).rejects.toThrow(/^person #0: invalid rrn$/);
  });
});
