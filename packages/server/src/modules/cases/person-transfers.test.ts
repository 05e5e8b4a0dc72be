import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';

describe("a person's transfer history and withdrawing a request", () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let manager: TestSession;
  let otherCenter: TestSession;
  let personId: string;
  let caseId: string;
  let busanCenterId: string;

  const history = (session: TestSession) => session.request('GET', `/api/persons/${personId}/transfers`);
  const request = () =>
    worker.request('POST', `/api/cases/${caseId}/transfer`, {
      toCenterId: busanCenterId,
      reason: '부산 전입',
    });

  beforeAll(async () => {
    platform = await createTestPlatform();
    worker = await platform.signIn('demo-case-worker');
    manager = await platform.signIn('demo-center-manager');
    otherCenter = await platform.signIn('demo-case-worker-2');
    const centers = (await worker.request('GET', '/api/reference/organizations?type=hana_center')).json()
      .items as { id: string; name: string }[];
    busanCenterId = centers.find((c) => c.name === '부산하나센터')?.id ?? '';
    personId = (
      await worker.request('POST', '/api/persons', { name: '최유나', birthDate: '1995-02-02', sex: 'female' })
    ).json().id;
    caseId = (await worker.request('POST', '/api/cases', { personId })).json().id;
  });
  afterAll(() => platform.close());

  it('shows the request with requester and reason; only the case holder may withdraw it', async () => {
    expect((await request()).statusCode).toBe(201);
    const [mine] = (await history(worker)).json().items;
    expect(mine).toMatchObject({
      caseId,
      toCenter: '부산하나센터',
      status: 'requested',
      reason: '부산 전입',
      requestedBy: '데모 사례관리자',
      decidedBy: null,
      cancellable: true,
    });
    // The center manager answers for every case of the center, so may withdraw it too.
    expect((await history(manager)).json().items[0].cancellable).toBe(true);
    expect((await history(otherCenter)).statusCode).toBe(404);
  });

  it('withdraws a pending request once; another center cannot, and nobody can twice', async () => {
    const [pending] = (await history(worker)).json().items;
    expect((await otherCenter.request('POST', `/api/transfers/${pending.id}/cancel`)).statusCode).toBe(404);
    expect((await worker.request('POST', `/api/transfers/${pending.id}/cancel`)).statusCode).toBe(204);
    expect((await worker.request('POST', `/api/transfers/${pending.id}/cancel`)).statusCode).toBe(409);
    const [cancelled] = (await history(worker)).json().items;
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      decidedBy: '데모 사례관리자',
      cancellable: false,
    });
    // The case may be asked for again once the earlier request is withdrawn.
    expect((await request()).statusCode).toBe(201);
    expect((await history(worker)).json().items.map((t: { status: string }) => t.status)).toEqual([
      'requested',
      'cancelled',
    ]);
  });

  it('is refused to roles without case access', async () => {
    for (const username of ['demo-residence-officer', 'demo-admin']) {
      const session = await platform.signIn(username);
      expect((await history(session)).statusCode, username).toBe(403);
    }
  });
});
