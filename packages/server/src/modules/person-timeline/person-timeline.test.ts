import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';

const NOTE_TEXT = '자녀 양육 문제로 상담, 비밀 유지 요청';
const REASON_TEXT = '경기도 안산시로 전입 예정';

describe("a person's timeline", () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let otherCenter: TestSession;
  let personId: string;
  let caseId: string;
  let residenceOfficer: TestSession;
  let manager: TestSession;

  const timeline = (session: TestSession, query = '') =>
    session.request('GET', `/api/persons/${personId}/timeline${query}`);

  beforeAll(async () => {
    platform = await createTestPlatform();
    worker = await platform.signIn('demo-case-worker');
    otherCenter = await platform.signIn('demo-case-worker-2');
    residenceOfficer = await platform.signIn('demo-residence-officer');
    manager = await platform.signIn('demo-center-manager');
    const nowon = (await worker.request('GET', '/api/reference/organizations?type=local_government'))
      .json()
      .items.find((o: { name: string }) => o.name === '서울특별시 노원구청');
    const ok = (response: { statusCode: number }) => expect(response.statusCode).toBeLessThan(300);
    personId = (
      await worker.request('POST', '/api/persons', {
        name: '문지선',
        birthDate: '1991-03-03',
        sex: 'female',
        protectionDecisionDate: '2026-06-10',
        hanawonCompletionDate: '2026-09-01',
        municipalityId: nowon.id,
      })
    ).json().id;
    caseId = (await worker.request('POST', '/api/cases', { personId })).json().id;
    ok(await worker.request('POST', `/api/cases/${caseId}/transition`, { to: 'assessment', version: 1 }));
    ok(
      await worker.request('POST', `/api/cases/${caseId}/assessments`, {
        scores: { employment: 4 },
        summary: '구직 의사 높음',
      }),
    );
    const goal = await worker.request('POST', `/api/cases/${caseId}/goals`, {
      domain: 'employment',
      goal: '직업훈련 등록',
      targetOn: '2027-06-30',
    });
    ok(goal);
    ok(
      await worker.request('PATCH', `/api/cases/${caseId}/goals/${goal.json().id}`, {
        status: 'in_progress',
        version: 1,
      }),
    );
    ok(
      await worker.request('POST', `/api/cases/${caseId}/notes`, {
        body: NOTE_TEXT,
        sensitivity: 'sensitive',
      }),
    );
    const legalAid = (await worker.request('GET', '/api/reference/organizations?type=legal_aid')).json()
      .items[0];
    const consent = await worker.request('POST', `/api/persons/${personId}/consents`, {
      recipientOrganizationId: legalAid.id,
      categories: ['identity', 'legal'],
      purpose: 'legal_aid',
      givenOn: '2026-01-01',
      expiresOn: '2099-12-31',
    });
    ok(consent);
    ok(
      await worker.request('POST', '/api/referrals', {
        personId,
        recipientOrganizationId: legalAid.id,
        purpose: 'legal_aid',
        categories: ['identity', 'legal'],
        dueOn: '2099-01-31',
        message: '법률 상담 의뢰',
      }),
    );
    const centers = (await worker.request('GET', '/api/reference/organizations?type=hana_center')).json()
      .items as { id: string; name: string }[];
    ok(
      await worker.request('POST', `/api/cases/${caseId}/transfer`, {
        toCenterId: centers.find((c) => c.name === '부산하나센터')?.id,
        reason: REASON_TEXT,
      }),
    );
  });
  afterAll(() => platform.close());

  it('merges every module newest first, with who did it', async () => {
    const response = await timeline(worker);
    expect(response.statusCode).toBe(200);
    const { items, total } = response.json();
    expect(total).toBe(items.length);
    const kinds = items.map((e: { kind: string }) => e.kind).filter((k: string) => k !== 'task_created');
    expect(kinds).toEqual([
      'transfer_requested',
      'referral_status',
      'consent_given',
      'note_added',
      'goal_changed',
      'goal_added',
      'case_status_changed',
      'case_opened',
      'registered',
      // Dated, not timed: at the start of today in Seoul, before everything else done today.
      'assessment_recorded',
    ]);
    const times = items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'task_created', taskKind: 'initial_education', actor: null }),
    );
    expect(items.find((e: { kind: string }) => e.kind === 'note_added')).toMatchObject({
      actor: '데모 사례관리자',
      sensitivity: 'sensitive',
      caseId,
    });
    expect(items.find((e: { kind: string }) => e.kind === 'goal_changed')).toMatchObject({
      domain: 'employment',
      status: 'in_progress',
    });
    expect(items.find((e: { kind: string }) => e.kind === 'transfer_requested')).toMatchObject({
      fromCenter: expect.any(String),
      toCenter: '부산하나센터',
    });
  });

  it('places a date-only assessment at the start of its Seoul day', async () => {
    const { items } = (await timeline(worker)).json();
    const assessment = items.find((e: { kind: string }) => e.kind === 'assessment_recorded');
    expect(assessment.at).toMatch(/T15:00:00\.000Z$/);
  });

  it('never carries note text, reasons or goal wording', async () => {
    const body = (await timeline(worker)).body;
    for (const secret of [NOTE_TEXT, REASON_TEXT, '직업훈련 등록', '구직 의사 높음', '법률 상담 의뢰']) {
      expect(body).not.toContain(secret);
    }
  });

  it('pages exactly: consecutive pages are the full list cut in order', async () => {
    const full = (await timeline(worker)).json();
    const first = (await timeline(worker, '?page=1&pageSize=4')).json();
    const second = (await timeline(worker, '?page=2&pageSize=4')).json();
    expect(first.total).toBe(full.total);
    expect([...first.items, ...second.items]).toEqual(full.items.slice(0, 8));
  });

  it('answers another center exactly like a missing person, and audits the refusal with the subject', async () => {
    const refused = await timeline(otherCenter);
    const missing = await otherCenter.request(
      'GET',
      '/api/persons/00000000-0000-7000-8000-000000000000/timeline',
    );
    expect(refused.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const { instance: _a, requestId: _b, ...refusedBody } = refused.json();
    const { instance: _c, requestId: _d, ...missingBody } = missing.json();
    expect(refusedBody).toEqual(missingBody);
    const denied = await platform.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'permission_denied'), eq(auditLog.entityType, 'person_timeline')));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ subjectId: personId, actorUsername: 'demo-case-worker-2' });
  });

  it('audits each look as a view of the subject', async () => {
    const before = await platform.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'view'), eq(auditLog.entityType, 'person_timeline')));
    await timeline(worker, '?page=2&pageSize=5');
    const after = await platform.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'view'), eq(auditLog.entityType, 'person_timeline')));
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      subjectId: personId,
      actorUsername: 'demo-case-worker',
      detail: { page: 2 },
    });
  });

  it('never shows more than the reader may see elsewhere: officers get no case history, the manager all of it', async () => {
    const seen = await timeline(residenceOfficer);
    expect(seen.statusCode).toBe(200);
    const officerKinds = new Set(seen.json().items.map((e: { kind: string }) => e.kind));
    expect(officerKinds.has('registered')).toBe(true);
    expect(officerKinds.has('task_created')).toBe(true);
    for (const hidden of ['case_opened', 'note_added', 'goal_added', 'consent_given', 'transfer_requested']) {
      expect(officerKinds.has(hidden), hidden).toBe(false);
    }
    const all = (await timeline(worker)).json().total;
    expect((await timeline(manager)).json().total).toBe(all);
  });

  it('is refused to roles that may not read persons', async () => {
    for (const username of ['demo-admin', 'demo-privacy-auditor', 'demo-partner']) {
      const session = await platform.signIn(username);
      expect((await timeline(session)).statusCode, username).toBe(403);
    }
  });
});
