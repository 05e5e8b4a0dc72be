import { Writable } from 'node:stream';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../platform/auth/api-keys';
import { auditLog, users } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';
import { protectionSignals, screeningRuns } from './schema';

class LogCapture extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString('utf8'));
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

const RRN = '850305-2123454';
const MERGED_RRN = '860412-2345671';
/** A well-formed number of nobody in the registry. */
const UNKNOWN_RRN = '770707-1234561';
const ALL_RRNS = [RRN, MERGED_RRN, UNKNOWN_RRN];
/** Each number as it may be written: with and without the hyphen. */
const RRN_SPELLINGS = ALL_RRNS.flatMap((rrn) => [rrn, rrn.replace('-', '')]);

describe('signals from agency systems and staff', () => {
  const log = new LogCapture();
  // Tests see the world on 2026-03-02 in Seoul (01:00 UTC is 10:00 KST).
  const today = new Date('2026-03-02T01:00:00Z');
  let platform: TestPlatform;
  let worker: TestSession;
  let manager: TestSession;
  let otherCenter: TestSession;
  let key: string;
  let byRrn: { id: string; code: string };
  let byCode: { id: string; code: string };
  let survivor: { id: string; code: string };
  let mergedAway: { id: string; code: string };

  const submit = (signals: unknown[]) =>
    platform.app.inject({
      method: 'POST',
      url: '/api/protection/signals',
      headers: { authorization: `Bearer ${key}`, 'accept-language': 'ko' },
      payload: { signals },
    });

  async function register(session: TestSession, body: Record<string, unknown>) {
    let created = await session.request('POST', '/api/persons', body);
    if (created.statusCode === 409) {
      const acknowledgedDuplicates = created.json().duplicates.map((c: { code: string }) => c.code);
      created = await session.request('POST', '/api/persons', { ...body, acknowledgedDuplicates });
    }
    expect(created.statusCode).toBe(201);
    return created.json() as { id: string; code: string };
  }

  const signalsOf = (personId: string) =>
    platform.deps.db.select().from(protectionSignals).where(eq(protectionSignals.personId, personId));
  const auditCount = async () => (await platform.deps.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => today, logStream: log });
    worker = await platform.signIn('demo-case-worker');
    manager = await platform.signIn('demo-center-manager');
    otherCenter = await platform.signIn('demo-case-worker-2');
    key = (await issueApiKey(platform.deps, { username: 'demo-agency', label: 'test feed' })).key;
    byRrn = await register(worker, { name: '김은혜', rrn: RRN });
    byCode = await register(worker, { name: '박성진', birthDate: '1990-10-10', sex: 'male' });
    survivor = await register(worker, { name: '최순희', birthDate: '1986-04-12', sex: 'female' });
    mergedAway = await register(worker, { name: '최순희', rrn: MERGED_RRN });
    const version = async (id: string) => (await manager.request('GET', `/api/persons/${id}`)).json().version;
    const merged = await manager.request('POST', `/api/persons/${survivor.id}/merges`, {
      mergedId: mergedAway.id,
      survivorVersion: await version(survivor.id),
      mergedVersion: await version(mergedAway.id),
      reason: '같은 사람의 기록이 두 번 등록됨',
    });
    expect(merged.statusCode).toBe(201);
  });
  afterAll(() => platform.close());

  describe('a mixed batch', () => {
    let answer: Record<string, unknown> & { results: Record<string, unknown>[] };
    const batch = () => [
      { rrn: RRN, type: 'rent_arrears', observedOn: '2026-02-28', value: 14, reference: 'LH-2026-0001' },
      { personId: byCode.code, type: 'water_cutoff', observedOn: '2026-03-01', reference: 'LH-2026-0002' },
      { rrn: UNKNOWN_RRN, type: 'power_cutoff', observedOn: '2026-02-01' },
      { personId: byCode.id, type: 'gas_cutoff', observedOn: '2026-03-03' },
      { personId: byCode.code, type: 'electricity_gone', observedOn: '2026-02-01' },
      { rrn: RRN, type: 'power_arrears', observedOn: '2026-02-01' },
      { rrn: RRN, type: 'telecom_arrears', observedOn: '2020-11-30', value: 2 },
      { rrn: '123', type: 'power_cutoff', observedOn: '2026-02-01' },
      { rrn: RRN, personId: byCode.code, type: 'power_cutoff', observedOn: '2026-02-01' },
      { personId: byCode.code, type: 'returned_mail', observedOn: '2026-02-01', value: 3 },
      'not an object',
    ];

    beforeAll(async () => {
      const response = await submit(batch());
      expect(response.statusCode).toBe(200);
      answer = response.json();
    });

    it('answers each item on its own: accepted, or rejected with Korean and English reasons', () => {
      expect(answer).toMatchObject({ accepted: 2, duplicates: 0, rejected: 9 });
      expect(answer.results.map((r) => r.status)).toEqual([
        'accepted',
        'accepted',
        ...Array(9).fill('rejected'),
      ]);
      expect(answer.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const errors = (index: number) =>
        (
          (answer.results[index]?.errors ?? []) as { path: string; message: { ko: string; en: string } }[]
        ).map((e) => [e.path, e.message.ko]);
      expect(errors(2)).toEqual([['rrn', '이음에 등록된 대상자 중 일치하는 사람이 없습니다.']]);
      expect(errors(3)).toEqual([['observedOn', '확인일은 오늘(한국 시각) 이후일 수 없습니다.']]);
      expect(errors(4).map(([path]) => path)).toEqual(['type']);
      expect(errors(5)).toEqual([['value', "'전기요금 체납' 신호에는 값(개월)이 필요합니다."]]);
      expect(errors(6)).toEqual([
        ['observedOn', "'통신요금 체납' 신호는 2020-12-01 이후의 확인분부터 받습니다."],
      ]);
      expect(errors(7).map(([path]) => path)).toEqual(['rrn']);
      expect(errors(8).map(([path]) => path)).toEqual(['personId']);
      expect(errors(9)).toEqual([['value', "'우편물 반송' 신호는 값을 받지 않습니다. 값을 비워 주십시오."]]);
      expect(errors(10).map(([path]) => path)).toEqual(['(body)']);
      const english = answer.results[3]?.errors as { message: { en: string } }[];
      expect(english[0]?.message.en).toBe('The date observed cannot be later than today (Korea time).');
    });

    it('stores the accepted signals for the right persons, with the agency as source', async () => {
      const [rent] = await signalsOf(byRrn.id);
      expect(rent).toMatchObject({
        id: answer.results[0]?.signalId,
        type: 'rent_arrears',
        observedOn: '2026-02-28',
        value: 14,
        via: 'api',
        reference: 'LH-2026-0001',
      });
      expect((await signalsOf(byCode.id)).map((s) => s.type)).toEqual(['water_cutoff']);
    });

    it('writes one access-log entry per person who received signals, with the person as subject', async () => {
      for (const person of [byRrn, byCode]) {
        const entries = await platform.deps.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityType, 'protection_signal'), eq(auditLog.subjectId, person.id)));
        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({ action: 'create', actorUsername: 'demo-agency' });
      }
    });

    it('re-scores the persons who received signals', async () => {
      const runs = await platform.deps.db
        .select()
        .from(screeningRuns)
        .where(eq(screeningRuns.trigger, 'signals'));
      expect(runs.some((run) => run.persons === 2 && run.error === null)).toBe(true);
    });

    it('answers a re-sent batch with duplicates for the referenced signals and stores nothing twice', async () => {
      const again = (await submit(batch())).json();
      expect(again.results[0]).toEqual({
        index: 0,
        status: 'duplicate',
        signalId: answer.results[0]?.signalId,
      });
      expect(again.results[1]).toMatchObject({ status: 'duplicate' });
      expect(again).toMatchObject({ accepted: 0, duplicates: 2, rejected: 9 });
      // The same reference twice in one batch: the second is a duplicate of the first.
      const twice = (
        await submit([
          {
            personId: byCode.code,
            type: 'no_contact',
            observedOn: '2026-02-20',
            value: 90,
            reference: 'HC-77',
          },
          {
            personId: byCode.code,
            type: 'no_contact',
            observedOn: '2026-02-20',
            value: 90,
            reference: 'HC-77',
          },
        ])
      ).json();
      expect(twice.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'duplicate']);
      expect(await signalsOf(byRrn.id)).toHaveLength(1);
    });
  });

  it('finds a merged record’s survivor by the merged record’s registration number or code', async () => {
    const response = (
      await submit([
        { rrn: MERGED_RRN, type: 'hospitalization', observedOn: '2026-02-10' },
        { personId: mergedAway.code, type: 'divorce', observedOn: '2026-01-10' },
      ])
    ).json();
    expect(response.accepted).toBe(2);
    expect((await signalsOf(survivor.id)).map((s) => s.type).sort()).toEqual(['divorce', 'hospitalization']);
    expect(await signalsOf(mergedAway.id)).toEqual([]);
  });

  it('writes nothing of a batch whose transaction fails', async () => {
    // A fault inside the transaction, after the first signal of the batch was inserted.
    await platform.deps.db.execute(sql`
      create function fail_on_3333() returns trigger language plpgsql as $$
      begin if new.value = 3333 then raise exception 'injected failure'; end if; return new; end $$`);
    await platform.deps.db.execute(sql`
      create trigger fail_on_3333 before insert on protection_signals for each row execute function fail_on_3333()`);
    try {
      const signalsBefore = (await platform.deps.db.select({ n: count() }).from(protectionSignals))[0]?.n;
      const auditBefore = await auditCount();
      const response = await submit([
        { personId: byCode.code, type: 'call_center_report', observedOn: '2026-02-25', reference: 'CC-1' },
        { personId: byRrn.code, type: 'no_contact', observedOn: '2026-02-25', value: 3333 },
      ]);
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('injected failure');
      expect((await platform.deps.db.select({ n: count() }).from(protectionSignals))[0]?.n).toBe(
        signalsBefore,
      );
      expect(await auditCount()).toBe(auditBefore);
    } finally {
      await platform.deps.db.execute(sql`drop trigger fail_on_3333 on protection_signals`);
      await platform.deps.db.execute(sql`drop function fail_on_3333()`);
    }
    // The same batch goes through once the fault is gone: the reference was never stored.
    expect(
      (
        await submit([
          { personId: byCode.code, type: 'call_center_report', observedOn: '2026-02-25', reference: 'CC-1' },
        ])
      ).json().accepted,
    ).toBe(1);
  });

  describe('a signal recorded by staff', () => {
    it('is stored with its note sealed with the person’s key and the person re-scored', async () => {
      const note = '이웃 주민이 며칠째 인기척이 없다고 알려 옴';
      const runsBefore = (await platform.deps.db.select().from(screeningRuns)).length;
      const response = await worker.request('POST', '/api/protection/staff-signals', {
        personId: byCode.id,
        type: 'no_contact',
        observedOn: '2026-03-02',
        value: 12,
        note,
      });
      expect(response.statusCode).toBe(201);
      const [row] = await platform.deps.db
        .select()
        .from(protectionSignals)
        .where(eq(protectionSignals.id, response.json().id));
      expect(row).toMatchObject({ via: 'staff', value: 12, reference: null, personId: byCode.id });
      expect(row?.noteSealed).toBeTruthy();
      expect(await findPlaintext(platform.deps.db, [note])).toEqual([]);
      const [entry] = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'protection_signal'), eq(auditLog.entityId, response.json().id)));
      expect(entry).toMatchObject({
        action: 'create',
        subjectId: byCode.id,
        actorUsername: 'demo-case-worker',
      });
      const runs = await platform.deps.db.select().from(screeningRuns);
      expect(runs).toHaveLength(runsBefore + 1);
      const [byWorker] = await platform.deps.db
        .select({ run: screeningRuns })
        .from(screeningRuns)
        .innerJoin(users, eq(users.id, screeningRuns.startedBy))
        .where(eq(users.username, 'demo-case-worker'));
      expect(byWorker?.run).toMatchObject({ trigger: 'signals', persons: 1, error: null });
    });

    it('refuses a date in the future and a value the type does not take, field by field', async () => {
      const response = await worker.request('POST', '/api/protection/staff-signals', {
        personId: byCode.id,
        type: 'returned_mail',
        observedOn: '2026-03-03',
        value: 1,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['observedOn', 'value']);
    });

    it('answers 404 for a person outside the worker’s center and logs the attempt with the person', async () => {
      const response = await otherCenter.request('POST', '/api/protection/staff-signals', {
        personId: byCode.id,
        type: 'returned_mail',
        observedOn: '2026-03-01',
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('resource.not_found');
      const refusals = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'permission_denied'), eq(auditLog.subjectId, byCode.id)));
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatchObject({
        actorUsername: 'demo-case-worker-2',
        entityType: 'protection_signal',
      });
      expect(await signalsOf(byCode.id)).not.toContainEqual(
        expect.objectContaining({ type: 'returned_mail' }),
      );
    });
  });

  it('lists the signal types, with sources and value units, to any signed-in user', async () => {
    const response = await otherCenter.request('GET', '/api/protection/signal-types');
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items).toHaveLength(20);
    expect(items.find((t: { type: string }) => t.type === 'rent_arrears')).toMatchObject({
      ko: '임대료 체납',
      valueUnit: { ko: '개월', en: 'months' },
      validUntil: null,
    });
  });

  it('keeps registration numbers out of the access log, the server log, the answers and every table', async () => {
    const answers = await submit([
      { rrn: UNKNOWN_RRN, type: 'power_cutoff', observedOn: '2026-02-01' },
      { rrn: RRN, type: 'power_cutoff', observedOn: '2026-02-02' },
    ]);
    expect(RRN_SPELLINGS.filter((rrn) => answers.body.includes(rrn))).toEqual([]);
    const audit = JSON.stringify(await platform.deps.db.select().from(auditLog));
    expect(RRN_SPELLINGS.filter((rrn) => audit.includes(rrn))).toEqual([]);
    expect(RRN_SPELLINGS.filter((rrn) => log.text.includes(rrn))).toEqual([]);
    expect(log.text).toContain('/api/protection/signals');
    expect(await findPlaintext(platform.deps.db, RRN_SPELLINGS)).toEqual([]);
  });
});
