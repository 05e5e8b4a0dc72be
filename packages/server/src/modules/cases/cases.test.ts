import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';

describe('case management', () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let manager: TestSession;
  let personId: string;
  let caseId: string;

  beforeAll(async () => {
    platform = await createTestPlatform();
    worker = await platform.signIn('demo-case-worker');
    manager = await platform.signIn('demo-center-manager');
    personId = (
      await worker.request('POST', '/api/persons', { name: '한은정', birthDate: '1990-09-09', sex: 'female' })
    ).json().id;
    const opened = await worker.request('POST', '/api/cases', { personId });
    expect(opened.statusCode).toBe(201);
    caseId = opened.json().id;
  });
  afterAll(() => platform.close());

  it('opens one case per person, assigned to the worker who opened it', async () => {
    const detail = (await worker.request('GET', `/api/cases/${caseId}`)).json();
    expect(detail).toMatchObject({
      status: 'intake',
      person: { maskedName: '한*정' },
      allowedTransitions: ['assessment', 'closed'],
    });
    expect(detail.assignedWorker.displayName).toBe('데모 사례관리자');
    const again = await worker.request('POST', '/api/cases', { personId });
    expect(again.statusCode).toBe(409);
  });

  it('moves through the lifecycle and refuses a skipped step or a stale version', async () => {
    let version = (await worker.request('GET', `/api/cases/${caseId}`)).json().version;
    expect(
      (await worker.request('POST', `/api/cases/${caseId}/transition`, { to: 'active', version })).statusCode,
    ).toBe(422);
    expect(
      (
        await worker.request('POST', `/api/cases/${caseId}/transition`, {
          to: 'assessment',
          version: version + 1,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await worker.request('POST', `/api/cases/${caseId}/transition`, { to: 'assessment', version }))
        .statusCode,
    ).toBe(204);
    version += 1;
    expect(
      (await worker.request('POST', `/api/cases/${caseId}/transition`, { to: 'active', version })).statusCode,
    ).toBe(204);
    const detail = (await worker.request('GET', `/api/cases/${caseId}`)).json();
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual([
      'intake',
      'assessment',
      'active',
    ]);
  });

  it('records a needs assessment and a service plan, naming the priority needs', async () => {
    const assessed = await worker.request('POST', `/api/cases/${caseId}/assessments`, {
      scores: { employment: 4, housing: 3, mental_health: 2 },
      summary: '구직 의사 높음, 주거 불안정',
    });
    expect(assessed.statusCode).toBe(201);
    expect(
      (
        await worker.request('POST', `/api/cases/${caseId}/goals`, {
          domain: 'employment',
          goal: '직업훈련 등록',
          targetOn: '2026-12-31',
        })
      ).statusCode,
    ).toBe(201);
    const detail = (await worker.request('GET', `/api/cases/${caseId}`)).json();
    expect(detail.assessments[0]).toMatchObject({
      priorities: ['employment', 'housing'],
      summary: '구직 의사 높음, 주거 불안정',
    });
    expect(detail.goals[0]).toMatchObject({ domain: 'employment', goal: '직업훈련 등록', status: 'planned' });
    const goal = detail.goals[0];
    expect(
      (
        await worker.request('PATCH', `/api/cases/${caseId}/goals/${goal.id}`, {
          status: 'in_progress',
          version: goal.version,
        })
      ).statusCode,
    ).toBe(204);
  });

  it('shows a restricted note to its author and the manager only, and counts it as withheld for others', async () => {
    expect(
      (
        await manager.request('POST', `/api/cases/${caseId}/notes`, {
          body: '가족 관련 비공개 상담 내용',
          sensitivity: 'restricted',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await worker.request('POST', `/api/cases/${caseId}/notes`, {
          body: '첫 상담 완료',
          sensitivity: 'normal',
        })
      ).statusCode,
    ).toBe(201);
    const asWorker = (await worker.request('GET', `/api/cases/${caseId}`)).json();
    expect(asWorker.notes.map((n: { body: string }) => n.body)).toEqual(['첫 상담 완료']);
    expect(asWorker.withheldNotes).toBe(1);
    const asManager = (await manager.request('GET', `/api/cases/${caseId}`)).json();
    expect(asManager.notes).toHaveLength(2);
    expect(asManager.withheldNotes).toBe(0);
  });

  it("keeps a case out of another worker's caseload and another center", async () => {
    const other = await platform.signIn('demo-case-worker-2');
    expect((await other.request('GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await other.request('GET', '/api/cases')).json().total).toBe(0);
    for (const username of ['demo-admin', 'demo-privacy-auditor', 'demo-residence-officer']) {
      expect(
        (await (await platform.signIn(username)).request('GET', `/api/cases/${caseId}`)).statusCode,
      ).toBe(403);
    }
  });

  it('closes only with a reason', async () => {
    const version = (await worker.request('GET', `/api/cases/${caseId}`)).json().version;
    expect(
      (await worker.request('POST', `/api/cases/${caseId}/transition`, { to: 'closed', version })).statusCode,
    ).toBe(400);
    expect(
      (
        await worker.request('POST', `/api/cases/${caseId}/transition`, {
          to: 'closed',
          version,
          reason: '타 지역 전출로 종결',
        })
      ).statusCode,
    ).toBe(204);
    expect((await worker.request('GET', `/api/cases/${caseId}`)).json()).toMatchObject({
      status: 'closed',
      allowedTransitions: [],
    });
  });

  it('stores notes, summaries, goals and reasons only encrypted', async () => {
    expect(
      await findPlaintext(platform.deps.db, [
        '비공개 상담',
        '첫 상담 완료',
        '주거 불안정',
        '직업훈련 등록',
        '전출로 종결',
      ]),
    ).toEqual([]);
  });
});
