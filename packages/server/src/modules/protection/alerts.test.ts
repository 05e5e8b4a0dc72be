import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';
import { tasks } from '../timeline/schema';
import { protectionSignals } from './schema';
import { auditEntries, openTestAlert, organizationIdOf, registerPerson, userIdOf } from './test-fixtures';

/** Synthetic persons and texts: every name and sentence here is made up for tests. */
const FINDINGS = '단수 3주째, 쌀 떨어짐, 자녀 결석 중';

describe('protection alerts: the triage queue and outreach', () => {
  let platform: TestPlatform;
  // Monday 2026-03-02, 10:00 in Seoul.
  const clock = new Date('2026-03-02T01:00:00Z');
  const hoursAgo = (hours: number) => new Date(clock.getTime() - hours * 3600_000);
  let worker: TestSession;
  let colleague: TestSession;
  let manager: TestSession;
  let otherCenterWorker: TestSession;
  let officer: TestSession;
  let workerId: string;
  let colleagueId: string;
  let kim: string;
  let park: string;
  let lee: string;
  let choi: string;
  let elsewhere: string;

  const detailOf = async (alertId: string, session = worker) => {
    const response = await session.request('GET', `/api/protection/alerts/${alertId}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const versionOf = async (alertId: string) => (await detailOf(alertId)).version as number;
  const contact = (alertId: string, body: Record<string, unknown>, session = worker) =>
    session.request('POST', `/api/protection/alerts/${alertId}/contacts`, {
      method: 'phone',
      reached: false,
      ...body,
    });

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    worker = await platform.signIn('demo-case-worker');
    manager = await platform.signIn('demo-center-manager');
    otherCenterWorker = await platform.signIn('demo-case-worker-2');
    officer = await platform.signIn('demo-residence-officer');
    const admin = await platform.signIn('demo-admin');
    workerId = await userIdOf(platform, 'demo-case-worker');
    const created = await admin.request('POST', '/api/admin/users', {
      username: 'test-colleague',
      displayName: '동료 사례관리자',
      organizationId: await organizationIdOf(platform, '서울남부하나센터'),
      roles: ['case_worker'],
      password: TEST_PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    colleague = await platform.signIn('test-colleague');
    colleagueId = await userIdOf(platform, 'test-colleague');
    const nowon = await organizationIdOf(platform, '서울특별시 노원구청');

    kim = await registerPerson(worker, {
      name: '김위기',
      birthDate: '1981-04-02',
      sex: 'female',
      municipalityId: nowon,
    });
    park = await registerPerson(worker, { name: '박연락', birthDate: '1975-08-19', sex: 'male' });
    lee = await registerPerson(worker, { name: '이관찰', birthDate: '1990-12-30', sex: 'female' });
    choi = await registerPerson(worker, { name: '최이사', birthDate: '1968-06-11', sex: 'male' });
    elsewhere = await registerPerson(otherCenterWorker, {
      name: '정타센',
      birthDate: '1988-01-21',
      sex: 'female',
    });
  });
  afterAll(() => platform.close());

  describe('the queue', () => {
    let crisis: string;
    let high: string;
    let watch: string;
    let other: string;

    beforeAll(async () => {
      // Crisis opened 30 hours ago with a 24-hour deadline: overdue. High due in 13 days; watch in 29.
      crisis = (await openTestAlert(platform, { personId: kim, level: 'crisis', openedAt: hoursAgo(30) })).id;
      high = (
        await openTestAlert(platform, {
          personId: park,
          level: 'high',
          openedAt: hoursAgo(24),
          dueHours: 14 * 24,
        })
      ).id;
      watch = (
        await openTestAlert(platform, {
          personId: lee,
          level: 'watch',
          openedAt: hoursAgo(24),
          dueHours: 30 * 24,
        })
      ).id;
      other = (await openTestAlert(platform, { personId: elsewhere, level: 'crisis', openedAt: hoursAgo(2) }))
        .id;
    });

    it('lists the center’s alerts crisis first, then by deadline, with the counts of the header', async () => {
      const list = (await worker.request('GET', '/api/protection/alerts')).json();
      expect(list.items.map((item: { id: string }) => item.id)).toEqual([crisis, high, watch]);
      expect(list.counts).toEqual({ crisis: 1, high: 1, watch: 1, overdue: 1 });
      expect(list.total).toBe(3);
      expect(list.items[0]).toMatchObject({
        level: 'crisis',
        status: 'open',
        overdue: true,
        assignee: null,
        topReasons: [
          { code: 'signal', points: 25, signalType: 'water_cutoff' },
          { code: 'signal', points: 20, signalType: 'rent_arrears' },
        ],
      });
      const overdue = (await worker.request('GET', '/api/protection/alerts?overdue=true')).json();
      expect(overdue.items.map((item: { id: string }) => item.id)).toEqual([crisis]);
      const highOnly = (await worker.request('GET', '/api/protection/alerts?level=high')).json();
      expect(highOnly.items.map((item: { id: string }) => item.id)).toEqual([high]);
      expect(highOnly.counts).toEqual({ crisis: 1, high: 1, watch: 1, overdue: 1 });
    });

    it('shows a residence officer the municipality’s persons only, and another center nothing of this one', async () => {
      const asOfficer = (await officer.request('GET', '/api/protection/alerts')).json();
      expect(asOfficer.items.map((item: { id: string }) => item.id)).toEqual([crisis]);
      const asOther = (await otherCenterWorker.request('GET', '/api/protection/alerts')).json();
      expect(asOther.items.map((item: { id: string }) => item.id)).toEqual([other]);
      const safety = await platform.signIn('demo-safety-officer');
      expect((await safety.request('GET', '/api/protection/alerts')).json().total).toBe(0);
    });

    it('answers 404 for another center’s alert, like a missing one, and logs the attempt with the person', async () => {
      const refused = await worker.request('GET', `/api/protection/alerts/${other}`);
      expect(refused.statusCode).toBe(404);
      const missing = await worker.request(
        'GET',
        '/api/protection/alerts/0195a000-0000-7000-8000-000000000000',
      );
      expect(missing.statusCode).toBe(404);
      expect(refused.json().title).toBe(missing.json().title);
      const denied = await auditEntries(platform, 'permission_denied', elsewhere);
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({
        actorUsername: 'demo-case-worker',
        entityType: 'protection_alert',
        entityId: other,
      });
      const take = await worker.request('POST', `/api/protection/alerts/${other}/take`, { version: 1 });
      expect(take.statusCode).toBe(404);
      expect(await auditEntries(platform, 'permission_denied', elsewhere)).toHaveLength(2);
    });

    it('refuses the queue to roles without protection.read: the plan manager sees no alert', async () => {
      for (const username of ['demo-plan-manager', 'demo-admin', 'demo-privacy-auditor', 'demo-partner']) {
        const session = await platform.signIn(username);
        expect((await session.request('GET', '/api/protection/alerts')).statusCode, username).toBe(403);
        expect((await session.request('GET', `/api/protection/alerts/${crisis}`)).statusCode, username).toBe(
          403,
        );
      }
    });

    it('lets a worker take an unassigned alert, and not one someone else holds', async () => {
      const version = await versionOf(high);
      expect(
        (await worker.request('POST', `/api/protection/alerts/${high}/take`, { version })).statusCode,
      ).toBe(204);
      const taken = await detailOf(high);
      expect(taken.assignee).toEqual({ id: workerId, displayName: '데모 사례관리자' });
      expect(taken.version).toBe(version + 1);
      expect(taken.events.map((event: { kind: string }) => event.kind)).toEqual(['opened', 'assigned']);
      const byColleague = await colleague.request('POST', `/api/protection/alerts/${high}/take`, {
        version: version + 1,
      });
      expect(byColleague.statusCode).toBe(422);
      const stale = await colleague.request('POST', `/api/protection/alerts/${high}/take`, { version });
      expect(stale.statusCode).toBe(409);
      const mine = (await worker.request('GET', '/api/protection/alerts?assignee=me')).json();
      expect(mine.items.map((item: { id: string }) => item.id)).toEqual([high]);
      const unassigned = (await worker.request('GET', '/api/protection/alerts?assignee=unassigned')).json();
      expect(unassigned.items.map((item: { id: string }) => item.id)).toEqual([crisis, watch]);
    });

    it('lets the center manager assign to a worker of the center who may act on alerts, and no one else', async () => {
      const version = await versionOf(high);
      const toOfficer = await manager.request('POST', `/api/protection/alerts/${high}/assign`, {
        assigneeId: await userIdOf(platform, 'demo-residence-officer'),
        version,
      });
      expect(toOfficer.statusCode).toBe(400);
      expect(toOfficer.json().errors.map((error: { path: string }) => error.path)).toEqual(['assigneeId']);
      const byWorker = await worker.request('POST', `/api/protection/alerts/${high}/assign`, {
        assigneeId: colleagueId,
        version,
      });
      expect(byWorker.statusCode).toBe(403);
      const assigned = await manager.request('POST', `/api/protection/alerts/${high}/assign`, {
        assigneeId: colleagueId,
        version,
      });
      expect(assigned.statusCode).toBe(204);
      expect((await detailOf(high)).assignee.id).toBe(colleagueId);
      const again = await manager.request('POST', `/api/protection/alerts/${high}/assign`, {
        assigneeId: workerId,
        version,
      });
      expect(again.statusCode).toBe(409);
    });
  });

  describe('outreach and closing', () => {
    let alertId: string;

    beforeAll(async () => {
      alertId = (await openTestAlert(platform, { personId: choi, level: 'crisis', openedAt: hoursAgo(5) }))
        .id;
      await platform.deps.db.insert(protectionSignals).values([
        {
          id: '0195a000-0000-7000-8000-000000000001',
          personId: choi,
          type: 'water_cutoff',
          observedOn: '2026-02-20',
          via: 'staff',
        },
        {
          id: '0195a000-0000-7000-8000-000000000002',
          personId: choi,
          type: 'divorce',
          observedOn: '2024-01-10',
          via: 'staff',
        },
      ]);
    });

    it('refuses a contact in the future or at a stale version', async () => {
      const version = await versionOf(alertId);
      const future = await contact(alertId, {
        contactedAt: new Date(clock.getTime() + 3600_000).toISOString(),
        version,
      });
      expect(future.statusCode).toBe(400);
      const stale = await contact(alertId, { contactedAt: hoursAgo(1).toISOString(), version: version + 3 });
      expect(stale.statusCode).toBe(409);
    });

    it('refuses to close before anyone tried to reach the person', async () => {
      const closing = await worker.request('POST', `/api/protection/alerts/${alertId}/close`, {
        outcome: 'no_crisis_found',
        followUpOn: '2026-04-01',
        version: await versionOf(alertId),
      });
      expect(closing.statusCode).toBe(422);
    });

    it('puts the alert in progress on an attempt, and sets the first contact only when the person is reached', async () => {
      let version = await versionOf(alertId);
      const missed = await contact(alertId, { contactedAt: hoursAgo(4).toISOString(), version });
      expect(missed.statusCode, missed.body).toBe(201);
      let detail = await detailOf(alertId);
      expect(detail).toMatchObject({ status: 'in_progress', firstContactAt: null, overdue: false });
      version = detail.version;

      const reached = await contact(alertId, {
        contactedAt: hoursAgo(1).toISOString(),
        method: 'visit',
        reached: true,
        findings: FINDINGS,
        needs: ['utilities', 'food', 'food'],
        version,
      });
      expect(reached.statusCode, reached.body).toBe(201);
      detail = await detailOf(alertId);
      expect(detail.firstContactAt).toBe(hoursAgo(1).toISOString());

      // A visit recorded late that reached the person earlier moves the first contact back.
      const earlier = await contact(alertId, {
        contactedAt: hoursAgo(2).toISOString(),
        reached: true,
        version: detail.version,
      });
      expect(earlier.statusCode).toBe(201);
      detail = await detailOf(alertId);
      expect(detail.firstContactAt).toBe(hoursAgo(2).toISOString());
      expect(detail.contacts).toHaveLength(3);
      expect(detail.contacts[1]).toMatchObject({
        method: 'phone',
        reached: true,
        findings: null,
      });
      expect(detail.contacts.find((c: { method: string }) => c.method === 'visit')).toMatchObject({
        findings: FINDINGS,
        needs: ['utilities', 'food'],
        recordedBy: { id: workerId },
      });
      expect(await findPlaintext(platform.deps.db, [FINDINGS])).toEqual([]);
    });

    it('links services with their provider and outcome', async () => {
      const linked = await worker.request('POST', `/api/protection/alerts/${alertId}/services`, {
        kind: 'emergency_welfare',
        provider: 'local_government',
        providerName: '노원구청 복지정책과',
        outcome: 'provided',
        amount: 1_300_000,
        providedOn: '2026-03-02',
        version: await versionOf(alertId),
      });
      expect(linked.statusCode, linked.body).toBe(201);
      const future = await worker.request('POST', `/api/protection/alerts/${alertId}/services`, {
        kind: 'food_support',
        provider: 'private',
        outcome: 'requested',
        providedOn: '2026-03-03',
        version: await versionOf(alertId),
      });
      expect(future.statusCode).toBe(400);
      expect((await detailOf(alertId)).services).toMatchObject([
        { kind: 'emergency_welfare', provider: 'local_government', outcome: 'provided', amount: 1_300_000 },
      ]);
    });

    it('explains itself with the stored reasons and the signals of its window, and logs the reading', async () => {
      const before = (await auditEntries(platform, 'view', choi)).length;
      const detail = await detailOf(alertId);
      expect(detail.rulesVersion).toBe('2020-12');
      expect(detail.reasons.map((reason: { code: string }) => reason.code)).toEqual([
        'signal',
        'signal',
        'vulnerability',
      ]);
      expect(detail.signals.map((signal: { type: string }) => signal.type)).toEqual(['water_cutoff']);
      expect(detail.events.map((event: { kind: string }) => event.kind)).toEqual([
        'opened',
        'contact',
        'contact',
        'contact',
        'service',
      ]);
      const views = await auditEntries(platform, 'view', choi);
      expect(views).toHaveLength(before + 1);
      expect(views.at(-1)).toMatchObject({ entityType: 'protection_alert', entityId: alertId });
    });

    it('closes only with an outcome and a follow-up date from today, and makes the follow-up a task', async () => {
      const version = await versionOf(alertId);
      const close = (body: Record<string, unknown>) =>
        worker.request('POST', `/api/protection/alerts/${alertId}/close`, { version, ...body });
      expect((await close({ followUpOn: '2026-04-01' })).statusCode).toBe(400);
      expect((await close({ outcome: 'supported' })).statusCode).toBe(400);
      const past = await close({ outcome: 'supported', followUpOn: '2026-03-01' });
      expect(past.statusCode).toBe(400);
      expect(past.body).toContain('followUpOn');
      const closed = await close({
        outcome: 'supported',
        followUpOn: '2026-03-30',
        note: '긴급복지 연계 완료',
      });
      expect(closed.statusCode, closed.body).toBe(204);

      const detail = await detailOf(alertId);
      expect(detail).toMatchObject({
        status: 'closed',
        outcome: 'supported',
        followUpOn: '2026-03-30',
        overdue: false,
      });
      expect(detail.closedAt).toBe(clock.toISOString());
      expect(detail.events.at(-1)).toMatchObject({ kind: 'closed', detail: { outcome: 'supported' } });
      const [task] = await platform.deps.db.select().from(tasks).where(eq(tasks.personId, choi));
      // Nobody held the alert, so the follow-up is the closer's.
      expect(task).toMatchObject({
        source: 'manual',
        assigneeId: workerId,
        dueOn: '2026-03-30',
        remindOn: '2026-03-23',
      });
      expect(await findPlaintext(platform.deps.db, ['긴급복지 연계 완료'])).toEqual([]);

      const afterClose = await contact(alertId, {
        contactedAt: hoursAgo(1).toISOString(),
        version: detail.version,
      });
      expect(afterClose.statusCode).toBe(422);
      expect((await worker.request('GET', '/api/protection/alerts?status=closed')).json().items).toHaveLength(
        1,
      );
    });

    it('closes without a contact or follow-up when the person has died, and without contact when they moved away', async () => {
      const moved = await openTestAlert(platform, { personId: choi, level: 'watch', openedAt: hoursAgo(1) });
      const noDate = await worker.request('POST', `/api/protection/alerts/${moved.id}/close`, {
        outcome: 'moved_away',
        version: moved.version,
      });
      expect(noDate.statusCode).toBe(400);
      const movedAway = await worker.request('POST', `/api/protection/alerts/${moved.id}/close`, {
        outcome: 'moved_away',
        followUpOn: '2026-03-02',
        version: moved.version,
      });
      expect(movedAway.statusCode, movedAway.body).toBe(204);
      const died = await openTestAlert(platform, { personId: choi, level: 'watch', openedAt: hoursAgo(1) });
      const deceased = await worker.request('POST', `/api/protection/alerts/${died.id}/close`, {
        outcome: 'deceased',
        version: died.version,
      });
      expect(deceased.statusCode, deceased.body).toBe(204);
    });
  });

  describe('the person’s protection tab and profile', () => {
    it('shows an empty profile at version 0, then saves it with its version and refuses a stale one', async () => {
      const empty = (await worker.request('GET', `/api/persons/${lee}/protection`)).json();
      expect(empty.profile).toMatchObject({ categories: [], version: 0, updatedBy: null });
      expect(empty.alerts.map((alert: { level: string }) => alert.level)).toEqual(['watch']);

      const profile = {
        categories: ['single_parent', 'debt'],
        childrenInHousehold: 1,
        benefits: [],
        insuredRegularWorker: false,
      };
      const first = await worker.request('PUT', `/api/persons/${lee}/protection-profile`, profile);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ version: 1, updatedBy: { id: workerId } });
      const again = await colleague.request('PUT', `/api/persons/${lee}/protection-profile`, profile);
      expect(again.statusCode).toBe(409);
      const changed = await colleague.request('PUT', `/api/persons/${lee}/protection-profile`, {
        ...profile,
        benefits: ['housing_aid'],
        version: 1,
      });
      expect(changed.statusCode).toBe(200);
      const stale = await worker.request('PUT', `/api/persons/${lee}/protection-profile`, {
        ...profile,
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      const tab = (await worker.request('GET', `/api/persons/${lee}/protection`)).json();
      expect(tab.profile).toMatchObject({
        benefits: ['housing_aid'],
        version: 2,
        updatedBy: { id: colleagueId },
      });
      // Re-scored on saving: single parent 8 + debt 4, less 10 for the housing benefit.
      expect(tab.score).toMatchObject({ score: 2, level: null });
      expect(tab.score.reasons.map((reason: { code: string }) => reason.code)).toEqual([
        'vulnerability',
        'vulnerability',
        'receives_support',
      ]);
      const updates = await auditEntries(platform, 'update', lee);
      expect(updates.at(-1)).toMatchObject({
        entityType: 'protection_profile',
        detail: { fields: ['benefits'] },
      });
    });

    it('lists the person’s signals newest first', async () => {
      const tab = (await worker.request('GET', `/api/persons/${choi}/protection`)).json();
      expect(tab.signals.map((signal: { type: string }) => signal.type)).toEqual(['water_cutoff', 'divorce']);
      expect(tab.alerts).toHaveLength(3);
    });

    it('answers 404 for a person of another center and logs it', async () => {
      const refused = await worker.request('GET', `/api/persons/${elsewhere}/protection`);
      expect(refused.statusCode).toBe(404);
      const save = await worker.request('PUT', `/api/persons/${elsewhere}/protection-profile`, {
        categories: [],
        childrenInHousehold: 0,
        benefits: [],
        insuredRegularWorker: false,
      });
      expect(save.statusCode).toBe(404);
      const denied = await auditEntries(platform, 'permission_denied', elsewhere);
      expect(denied.map((entry) => entry.entityType)).toEqual(
        expect.arrayContaining(['person_protection', 'protection_profile']),
      );
    });
  });
});
