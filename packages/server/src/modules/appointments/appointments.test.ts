import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';

describe('appointments', () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let otherCenter: TestSession;
  let personId: string;
  let appointmentId: string;
  // Noon in Seoul on 2025-01-10.
  const now = new Date('2025-01-10T03:00:00Z');

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => now });
    worker = await platform.signIn('demo-case-worker');
    otherCenter = await platform.signIn('demo-case-worker-2');
    personId = (
      await worker.request('POST', '/api/persons', { name: '윤서희', birthDate: '1991-04-02', sex: 'female' })
    ).json().id;
  });
  afterAll(() => platform.close());

  const list = (session: TestSession, query: string) => session.request('GET', `/api/appointments?${query}`);

  it('books a home visit for the worker who books it and shows its sealed location back', async () => {
    const created = await worker.request('POST', '/api/appointments', {
      personId,
      startsAt: '2025-01-10T05:00:00.000Z',
      durationMinutes: 90,
      kind: 'home_visit',
      location: '서울 노원구 상계로 77 101동',
      note: '기초생활수급 신청서 지참',
    });
    expect(created.statusCode).toBe(201);
    appointmentId = created.json().id;
    const { items, total } = (await list(worker, `personId=${personId}`)).json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      id: appointmentId,
      person: { maskedName: '윤*희' },
      assignee: { displayName: '데모 사례관리자' },
      startsAt: '2025-01-10T05:00:00.000Z',
      durationMinutes: 90,
      kind: 'home_visit',
      status: 'scheduled',
      location: '서울 노원구 상계로 77 101동',
      note: '기초생활수급 신청서 지참',
      version: 1,
    });
  });

  it('filters by time window and by the actor’s own appointments', async () => {
    expect(
      (await list(worker, 'from=2025-01-09T15:00:00Z&to=2025-01-10T15:00:00Z&mine=true')).json().total,
    ).toBe(1);
    expect((await list(worker, 'from=2025-01-10T15:00:00Z')).json().total).toBe(0);
    const manager = await platform.signIn('demo-center-manager');
    expect((await list(manager, 'mine=true')).json().total).toBe(0);
    expect((await list(manager, '')).json().total).toBe(1);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const refused = await worker.request('POST', '/api/appointments', {
      personId,
      startsAt: '다음 주 화요일',
      durationMinutes: 2,
      kind: 'party',
    });
    expect(refused.statusCode).toBe(400);
    const paths = refused.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['startsAt', 'durationMinutes', 'kind']));
    expect((await list(worker, `personId=${personId}`)).json().total).toBe(1);
  });

  it("answers 404 for another center's person and appointment, exactly like a missing one", async () => {
    expect((await list(otherCenter, `personId=${personId}`)).statusCode).toBe(404);
    expect((await list(otherCenter, '')).json().total).toBe(0);
    expect(
      (
        await otherCenter.request('POST', '/api/appointments', {
          personId,
          startsAt: '2025-01-11T01:00:00Z',
          kind: 'phone',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await otherCenter.request('PATCH', `/api/appointments/${appointmentId}`, {
          version: 1,
          status: 'done',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses roles without case work', async () => {
    const officer = await platform.signIn('demo-residence-officer');
    expect((await list(officer, '')).statusCode).toBe(403);
  });

  it('reschedules with the current version only, then records the outcome once', async () => {
    const stale = await worker.request('PATCH', `/api/appointments/${appointmentId}`, {
      version: 7,
      startsAt: '2025-01-13T01:00:00Z',
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await worker.request('PATCH', `/api/appointments/${appointmentId}`, {
          version: 1,
          startsAt: '2025-01-13T01:00:00Z',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await worker.request('PATCH', `/api/appointments/${appointmentId}`, { version: 2, status: 'no_show' }))
        .statusCode,
    ).toBe(204);
    const [item] = (await list(worker, `personId=${personId}`)).json().items;
    expect(item).toMatchObject({ startsAt: '2025-01-13T01:00:00.000Z', status: 'no_show', version: 3 });
    expect(
      (await worker.request('PATCH', `/api/appointments/${appointmentId}`, { version: 3, status: 'done' }))
        .statusCode,
    ).toBe(422);
  });

  it('audits the booking, the changes and the reads against the person, never with the text', async () => {
    const auditor = await platform.signIn('demo-privacy-auditor');
    const log = (
      await auditor.request('GET', `/api/audit/entries?subjectId=${personId}&pageSize=100`)
    ).json();
    const actions = log.items
      .filter((entry: { entityType: string }) => entry.entityType === 'appointment')
      .map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'view']));
    expect(JSON.stringify(log)).not.toContain('상계로');
  });

  it('stores location and note only encrypted', async () => {
    expect(await findPlaintext(platform.deps.db, ['상계로 77', '기초생활수급 신청서'])).toEqual([]);
  });
});
