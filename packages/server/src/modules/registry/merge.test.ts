import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';

const REASON = '같은 사람의 기록이 두 번 등록되어 정리함';

describe('merging duplicate person records', () => {
  let platform: TestPlatform;
  let clock = new Date('2026-06-01T09:00:00Z');
  let worker: TestSession;
  let manager: TestSession;
  let otherCenterWorker: TestSession;

  /** Registers a person, acknowledging the likely duplicates the intake points out (that is the point here). */
  async function register(session: TestSession, body: Record<string, unknown>) {
    let created = await session.request('POST', '/api/persons', body);
    if (created.statusCode === 409) {
      const acknowledgedDuplicates = created.json().duplicates.map((c: { code: string }) => c.code);
      created = await session.request('POST', '/api/persons', { ...body, acknowledgedDuplicates });
    }
    expect(created.statusCode).toBe(201);
    return created.json() as { id: string; code: string };
  }

  const versionOf = async (id: string) => (await manager.request('GET', `/api/persons/${id}`)).json().version;

  async function merge(survivorId: string, mergedId: string, session = manager) {
    return session.request('POST', `/api/persons/${survivorId}/merges`, {
      mergedId,
      survivorVersion: await versionOf(survivorId),
      mergedVersion: await versionOf(mergedId),
      reason: REASON,
    });
  }

  const search = async (q: string) =>
    (await manager.request('GET', `/api/persons?q=${encodeURIComponent(q)}`))
      .json()
      .items.map((p: { code: string }) => p.code);

  async function auditOf(action: 'person.merge' | 'person.merge_undo', subjectId: string) {
    return platform.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
  }

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    worker = await platform.signIn('demo-case-worker');
    manager = await platform.signIn('demo-center-manager');
    otherCenterWorker = await platform.signIn('demo-case-worker-2');
  });
  afterAll(() => platform.close());

  describe('a merge and its undo', () => {
    let survivor: { id: string; code: string };
    let duplicate: { id: string; code: string };
    let caseId: string;
    let mergeId: string;

    beforeAll(async () => {
      survivor = await register(worker, {
        name: '최순희',
        birthDate: '1986-04-12',
        sex: 'female',
        phone: '010-3141-5926',
        protectionDecisionDate: '2024-02-20',
      });
      duplicate = await register(worker, {
        name: '최순희',
        otherNames: ['최순이'],
        rrn: '860412-2345671',
        address: '서울특별시 노원구 상계로 1',
      });
      const opened = await worker.request('POST', '/api/cases', { personId: duplicate.id });
      expect(opened.statusCode).toBe(201);
      caseId = opened.json().id;
      expect(
        (
          await worker.request('POST', `/api/cases/${caseId}/notes`, {
            body: '초기 상담에서 주거 문제 확인',
            sensitivity: 'normal',
          })
        ).statusCode,
      ).toBe(201);
    });

    it('lists the duplicate as a candidate of the survivor, with its id since it is in scope', async () => {
      const response = await manager.request('GET', `/api/persons/${survivor.id}/merge-candidates`);
      expect(response.statusCode).toBe(200);
      const candidate = response.json().candidates.find((c: { code: string }) => c.code === duplicate.code);
      expect(candidate).toMatchObject({ personId: duplicate.id, inScope: true, maskedName: '최*희' });
    });

    it('moves the case with its sealed note, fills the survivor’s gaps and hides the duplicate', async () => {
      const response = await merge(survivor.id, duplicate.id);
      expect(response.statusCode).toBe(201);
      const merged = response.json();
      mergeId = merged.id;
      expect(merged).toMatchObject({
        survivor: { id: survivor.id, code: survivor.code },
        merged: { id: duplicate.id, code: duplicate.code },
        reason: REASON,
        moved: { cases: 1, consents: 0, referrals: 0 },
        undoneAt: null,
      });
      expect([...merged.filledFields].sort()).toEqual(['address', 'otherNames', 'rrn']);

      const gone = await manager.request('GET', `/api/persons/${duplicate.id}`);
      expect(gone.statusCode).toBe(410);
      expect(gone.json()).toMatchObject({
        code: 'person.merged',
        mergedInto: { id: survivor.id, code: survivor.code },
      });
      expect(await search('최순희')).toEqual([survivor.code]);
      // The duplicate's other name now finds the survivor.
      expect(await search('최순이')).toEqual([survivor.code]);

      const detail = (await manager.request('GET', `/api/persons/${survivor.id}`)).json();
      expect(detail.identity).toMatchObject({ rrn: '860412-2******', otherNames: ['최*이'] });
      const movedCase = (await manager.request('GET', `/api/cases/${caseId}`)).json();
      expect(movedCase.person.id).toBe(survivor.id);
      expect(movedCase.notes.map((n: { body: string }) => n.body)).toEqual(['초기 상담에서 주거 문제 확인']);

      const history = (await manager.request('GET', `/api/persons/${survivor.id}/merges`)).json();
      expect(history.items.map((m: { id: string }) => m.id)).toEqual([mergeId]);
    });

    it('audits the merge for both data subjects with the reason', async () => {
      for (const subject of [survivor.id, duplicate.id]) {
        const entries = await auditOf('person.merge', subject);
        expect(entries).toHaveLength(1);
        expect(entries[0]?.reason).toBe(REASON);
      }
    });

    it('refuses to merge a record that is already merged', async () => {
      const again = await manager.request('POST', `/api/persons/${survivor.id}/merges`, {
        mergedId: duplicate.id,
        survivorVersion: await versionOf(survivor.id),
        mergedVersion: 2,
        reason: REASON,
      });
      expect(again.statusCode).toBe(422);
      expect(again.json().detail).toBe('이미 다른 기록에 병합된 기록입니다.');
    });

    it('undoes the merge: both records as before, the case and its note back with the duplicate', async () => {
      const undone = await manager.request('POST', `/api/persons/merges/${mergeId}/undo`, {
        reason: '다른 사람으로 확인되어 되돌림',
      });
      expect(undone.statusCode).toBe(200);
      expect(undone.json()).toMatchObject({ undoReason: '다른 사람으로 확인되어 되돌림' });
      expect(undone.json().undoneAt).not.toBeNull();

      const back = await manager.request('GET', `/api/persons/${duplicate.id}`);
      expect(back.statusCode).toBe(200);
      expect(back.json().identity).toMatchObject({ rrn: '860412-2******', otherNames: ['최*이'] });
      const kept = (await manager.request('GET', `/api/persons/${survivor.id}`)).json();
      expect(kept.identity).toMatchObject({ rrn: null, otherNames: [], address: null });
      expect(kept.identity.phone).toContain('5926');
      const movedBack = (await manager.request('GET', `/api/cases/${caseId}`)).json();
      expect(movedBack.person.id).toBe(duplicate.id);
      expect(movedBack.notes.map((n: { body: string }) => n.body)).toEqual(['초기 상담에서 주거 문제 확인']);
      expect(await search('최순이')).toEqual([duplicate.code]);
      expect((await search('최순희')).sort()).toEqual([survivor.code, duplicate.code].sort());
      for (const subject of [survivor.id, duplicate.id])
        expect(await auditOf('person.merge_undo', subject)).toHaveLength(1);

      const twice = await manager.request('POST', `/api/persons/merges/${mergeId}/undo`, {
        reason: '다시 되돌리기 시도',
      });
      expect(twice.statusCode).toBe(422);
    });

    it('keeps moved identity fields sealed at rest, and the reasons outside the access log', async () => {
      const found = await findPlaintext(platform.deps.db, [
        REASON,
        '다른 사람으로 확인되어',
        '상계로',
        '최순이',
      ]);
      // The access log keeps a stated reason in the clear, as it does for unmasking.
      expect(found.filter((hit) => hit.table !== 'audit_log')).toEqual([]);
    });
  });

  describe('refusals', () => {
    let first: { id: string; code: string };
    let second: { id: string; code: string };

    beforeAll(async () => {
      first = await register(worker, { name: '강미란', birthDate: '1975-07-01', sex: 'female' });
      second = await register(worker, { name: '강미란', birthDate: '1975-07-01', sex: 'female' });
    });

    it('refuses a record merged into itself, a stale version, and a role without the permission', async () => {
      const self = await merge(first.id, first.id);
      expect(self.statusCode).toBe(422);
      expect(self.json().detail).toBe('같은 기록끼리는 병합할 수 없습니다.');
      const stale = await manager.request('POST', `/api/persons/${first.id}/merges`, {
        mergedId: second.id,
        survivorVersion: (await versionOf(first.id)) + 1,
        mergedVersion: await versionOf(second.id),
        reason: REASON,
      });
      expect(stale.statusCode).toBe(409);
      expect((await merge(first.id, second.id, worker)).statusCode).toBe(403);
      expect((await worker.request('GET', `/api/persons/${first.id}/merge-candidates`)).statusCode).toBe(403);
      expect((await manager.request('GET', `/api/persons/${second.id}`)).statusCode).toBe(200);
    });

    it('answers not found for a record of another center, and merges nothing', async () => {
      const elsewhere = await register(otherCenterWorker, { name: '강미란', birthDate: '1975-07-01' });
      const response = await manager.request('POST', `/api/persons/${first.id}/merges`, {
        mergedId: elsewhere.id,
        survivorVersion: await versionOf(first.id),
        mergedVersion: 1,
        reason: REASON,
      });
      expect(response.statusCode).toBe(404);
      expect((await otherCenterWorker.request('GET', `/api/persons/${elsewhere.id}`)).statusCode).toBe(200);
      const candidates = (await manager.request('GET', `/api/persons/${first.id}/merge-candidates`)).json();
      const outside = candidates.candidates.find((c: { code: string }) => c.code === elsewhere.code);
      expect(outside).toMatchObject({ inScope: false, maskedName: null, personId: null });
    });

    it('refuses to undo once the survivor has changed since, and after thirty days', async () => {
      const third = await register(worker, { name: '강미란', birthDate: '1975-07-01', sex: 'female' });
      const firstMerge = (await merge(first.id, second.id)).json();
      expect((await merge(first.id, third.id)).statusCode).toBe(201);
      const changed = await manager.request('POST', `/api/persons/merges/${firstMerge.id}/undo`, {
        reason: '되돌리기 시도',
      });
      expect(changed.statusCode).toBe(409);
      expect(changed.json().detail).toContain('병합한 뒤 기록이 바뀌어');

      const history = (await manager.request('GET', `/api/persons/${first.id}/merges`)).json().items;
      clock = new Date(clock.getTime() + 31 * 24 * 60 * 60 * 1000);
      manager = await platform.signIn('demo-center-manager');
      const late = await manager.request('POST', `/api/persons/merges/${history[0].id}/undo`, {
        reason: '되돌리기 시도',
      });
      expect(late.statusCode).toBe(422);
      expect(late.json().detail).toBe('병합한 지 30일이 지나 되돌릴 수 없습니다.');
    });
  });
});
