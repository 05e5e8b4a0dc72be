import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';
import { persons } from '../registry/schema';
import { protectionSignals, surveyChecks } from './schema';
import { auditEntries, organizationIdOf, registerPerson, userIdOf } from './test-fixtures';

/** A small hand-made population; every name here is made up for tests. */
const NOTE = '전기 끊김, 식료품 없음';
const CATEGORIES = ['single_parent', 'disability', 'elderly_living_alone'];

describe('survey rounds', () => {
  let platform: TestPlatform;
  // Monday 2026-03-02, 10:00 in Seoul.
  const clock = new Date('2026-03-02T01:00:00Z');
  let worker: TestSession;
  let manager: TestSession;
  let otherCenterWorker: TestSession;
  let planManager: TestSession;
  const ids: Record<string, string> = {};
  let hana3: string;
  let hana5: string;

  async function withProfile(
    session: TestSession,
    key: string,
    person: Record<string, unknown>,
    profile: { categories: string[]; benefits?: string[]; insuredRegularWorker?: boolean } | null,
  ) {
    const id = await registerPerson(session, person);
    ids[key] = id;
    if (!profile) return;
    const saved = await session.request('PUT', `/api/persons/${id}/protection-profile`, {
      childrenInHousehold: 0,
      benefits: [],
      insuredRegularWorker: false,
      ...profile,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }

  const createRound = (body: Record<string, unknown>, session = planManager) =>
    session.request('POST', '/api/protection/surveys', {
      name: '2026년 상반기 취약계층 전수조사',
      startsOn: '2026-03-02',
      endsOn: '2026-04-30',
      ...body,
    });

  async function checksOf(roundId: string, session: TestSession, query = '') {
    const response = await session.request('GET', `/api/protection/surveys/${roundId}/checks${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      items: { id: string; person: { id: string }; version: number; finding: string | null }[];
      total: number;
    };
  }

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    worker = await platform.signIn('demo-case-worker');
    manager = await platform.signIn('demo-center-manager');
    otherCenterWorker = await platform.signIn('demo-case-worker-2');
    planManager = await platform.signIn('demo-plan-manager');
    hana3 = await organizationIdOf(platform, '서울남부하나센터');
    hana5 = await organizationIdOf(platform, '부산하나센터');
    const person = (name: string, birthDate: string) => ({ name, birthDate, sex: 'female' });

    await withProfile(worker, 'parent', person('가선정', '1980-01-01'), {
      categories: ['single_parent', 'debt'],
    });
    await withProfile(worker, 'onLivelihoodAid', person('나생계', '1981-02-02'), {
      categories: ['single_parent'],
      benefits: ['livelihood_aid'],
    });
    await withProfile(worker, 'onMedicalAid', person('다의료', '1982-03-03'), {
      categories: ['disability'],
      benefits: ['medical_aid'],
    });
    await withProfile(worker, 'insuredWorker', person('라근로', '1983-04-04'), {
      categories: ['elderly_living_alone'],
      insuredRegularWorker: true,
    });
    await withProfile(worker, 'otherCategory', person('마부채', '1984-05-05'), { categories: ['debt'] });
    await withProfile(worker, 'noProfile', person('바없음', '1985-06-06'), null);
    await withProfile(worker, 'onHousingAid', person('사주거', '1986-07-07'), {
      categories: ['single_parent'],
      benefits: ['housing_aid'],
    });
    await withProfile(worker, 'merged', person('아병합', '1987-08-08'), { categories: ['single_parent'] });
    await withProfile(worker, 'erased', person('자삭제', '1988-09-09'), { categories: ['disability'] });
    await withProfile(otherCenterWorker, 'busan', person('차부산', '1989-10-10'), {
      categories: ['disability'],
    });
    // Folded into another record, and erased: neither is anybody to visit.
    await platform.deps.db
      .update(persons)
      .set({ mergedIntoId: ids.parent as string, mergedAt: clock })
      .where(eq(persons.id, ids.merged as string));
    await platform.deps.db
      .update(persons)
      .set({ status: 'erased' })
      .where(eq(persons.id, ids.erased as string));
  });
  afterAll(() => platform.close());

  describe('selecting the population', () => {
    it('selects the chosen categories less aid recipients, insured workers, merged and erased records', async () => {
      const created = await createRound({ criteria: { categories: CATEGORIES } });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().selected).toBe(3);
      const checks = await platform.deps.db
        .select({ personId: surveyChecks.personId, organizationId: surveyChecks.organizationId })
        .from(surveyChecks)
        .where(eq(surveyChecks.roundId, created.json().id));
      expect(new Map(checks.map((check) => [check.personId, check.organizationId]))).toEqual(
        new Map([
          [ids.parent, hana3],
          [ids.onHousingAid, hana3],
          [ids.busan, hana5],
        ]),
      );
    });

    it('keeps aid recipients and insured workers when the round does not exclude them', async () => {
      const created = await createRound({
        criteria: {
          categories: CATEGORIES,
          excludeOnLivelihoodOrMedicalAid: false,
          excludeInsuredRegularWorkers: false,
        },
      });
      expect(created.json().selected).toBe(6);
      const debtOnly = await createRound({ criteria: { categories: ['debt'] } });
      expect(debtOnly.json().selected).toBe(2);
    });

    it('refuses an end before the start, and a round started by anyone but a plan manager', async () => {
      const backwards = await createRound({ endsOn: '2026-03-01', criteria: { categories: CATEGORIES } });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().errors.map((error: { path: string }) => error.path)).toEqual(['endsOn']);
      expect((await createRound({ criteria: { categories: CATEGORIES } }, manager)).statusCode).toBe(403);
      expect((await createRound({ criteria: { categories: [] } })).statusCode).toBe(400);
    });
  });

  describe('checks, assignment and results', () => {
    let roundId: string;

    beforeAll(async () => {
      roundId = (
        await createRound({ name: '2026년 긴급 실태조사', criteria: { categories: CATEGORIES } })
      ).json().id;
    });

    it('shows a plan manager national figures and a center its own', async () => {
      const national = (await planManager.request('GET', `/api/protection/surveys/${roundId}`)).json();
      expect(national).toMatchObject({
        selected: 3,
        checked: 0,
        createdBy: { displayName: '데모 계획 총괄' },
      });
      expect(
        national.byOrganization.map((row: { organization: { id: string } }) => row.organization.id).sort(),
      ).toEqual([hana3, hana5].sort());
      const own = (await worker.request('GET', `/api/protection/surveys/${roundId}`)).json();
      expect(own).toMatchObject({ selected: 2, checked: 0 });
      expect(own.byOrganization).toEqual([
        { organization: { id: hana3, name: '서울남부하나센터' }, selected: 2, checked: 0, crisisSuspects: 0 },
      ]);
      const list = (await worker.request('GET', '/api/protection/surveys')).json();
      expect(list.items.find((round: { id: string }) => round.id === roundId)).toMatchObject({ selected: 2 });
      // Aggregates only: the plan manager sees no person to check.
      expect((await checksOf(roundId, planManager)).total).toBe(0);
      expect((await checksOf(roundId, otherCenterWorker)).items.map((check) => check.person.id)).toEqual([
        ids.busan,
      ]);
    });

    it('lets the center manager assign a check to a worker of the center only', async () => {
      const { items } = await checksOf(roundId, worker);
      expect(items.map((check) => check.person.id).sort()).toEqual([ids.parent, ids.onHousingAid].sort());
      const check = items.find((item) => item.person.id === ids.parent);
      if (!check) throw new Error('no check');
      const workerId = await userIdOf(platform, 'demo-case-worker');
      const assign = (assigneeId: string, version: number, session = manager) =>
        session.request('POST', `/api/protection/survey-checks/${check.id}/assign`, { assigneeId, version });
      expect((await assign(await userIdOf(platform, 'demo-case-worker-2'), check.version)).statusCode).toBe(
        400,
      );
      expect((await assign(workerId, check.version, worker)).statusCode).toBe(403);
      expect((await assign(workerId, check.version)).statusCode).toBe(204);
      expect((await assign(workerId, check.version)).statusCode).toBe(409);
      expect((await checksOf(roundId, worker, '?assignee=me')).items.map((item) => item.id)).toEqual([
        check.id,
      ]);
      expect((await checksOf(roundId, worker, '?assignee=unassigned')).total).toBe(1);
    });

    it('turns a crisis suspected into a signal that opens an alert with its reasons', async () => {
      const { items } = await checksOf(roundId, worker, '?assignee=me');
      const check = items[0];
      if (!check) throw new Error('no check');
      const result = (body: Record<string, unknown>, session = worker) =>
        session.request('POST', `/api/protection/survey-checks/${check.id}/result`, {
          finding: 'crisis_suspect',
          checkedOn: '2026-03-02',
          method: 'visit',
          ...body,
        });
      expect((await result({ checkedOn: '2026-03-03', version: check.version })).statusCode).toBe(400);
      expect((await result({ version: check.version }, otherCenterWorker)).statusCode).toBe(404);
      expect(await auditEntries(platform, 'permission_denied', ids.parent as string)).toMatchObject([
        { actorUsername: 'demo-case-worker-2', entityType: 'survey_check', entityId: check.id },
      ]);
      const recorded = await result({ note: NOTE, version: check.version });
      expect(recorded.statusCode, recorded.body).toBe(204);

      const signals = await platform.deps.db
        .select()
        .from(protectionSignals)
        .where(eq(protectionSignals.personId, ids.parent as string));
      expect(signals).toMatchObject([
        { type: 'survey_crisis_finding', observedOn: '2026-03-02', via: 'staff' },
      ]);
      const tab = (await worker.request('GET', `/api/persons/${ids.parent}/protection`)).json();
      // 50 for the finding, 8 for a single parent, 4 for debt: high.
      expect(tab.score).toMatchObject({ score: 62, level: 'high' });
      expect(tab.alerts).toHaveLength(1);
      expect(tab.alerts[0]).toMatchObject({
        level: 'high',
        status: 'open',
        topReasons: [
          { code: 'signal', signalType: 'survey_crisis_finding', points: 50, latestOn: '2026-03-02' },
          { code: 'vulnerability', category: 'single_parent', points: 8 },
        ],
      });
      expect(await findPlaintext(platform.deps.db, [NOTE])).toEqual([]);

      // Correcting the record adds no second signal.
      expect((await result({ method: 'phone', version: check.version + 1 })).statusCode).toBe(204);
      const again = await platform.deps.db
        .select()
        .from(protectionSignals)
        .where(eq(protectionSignals.personId, ids.parent as string));
      expect(again).toHaveLength(1);
      expect((await checksOf(roundId, worker, '?status=done')).items).toMatchObject([
        { id: check.id, finding: 'crisis_suspect' },
      ]);
      expect((await checksOf(roundId, worker, '?status=pending')).total).toBe(1);
    });

    it('hides a count of crisis suspects below five, at the round and at the center', async () => {
      const view = (await planManager.request('GET', `/api/protection/surveys/${roundId}`)).json();
      expect(view.checked).toBe(1);
      expect(view.findings).toEqual({
        no_concern: 0,
        needs_support: 0,
        crisis_suspect: null,
        unreachable: 0,
      });
      const center = view.byOrganization.find(
        (row: { organization: { id: string } }) => row.organization.id === hana3,
      );
      expect(center).toMatchObject({ selected: 2, checked: 1, crisisSuspects: null });
    });
  });
});
