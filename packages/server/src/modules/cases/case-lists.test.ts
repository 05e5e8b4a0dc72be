import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';

describe('case lists for the case screens', () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let manager: TestSession;
  let firstPersonId: string;
  let secondPersonId: string;

  beforeAll(async () => {
    platform = await createTestPlatform();
    worker = await platform.signIn('demo-case-worker');
    manager = await platform.signIn('demo-center-manager');
    const intake = async (name: string) =>
      (await worker.request('POST', '/api/persons', { name, birthDate: '1988-04-04', sex: 'female' })).json()
        .id as string;
    firstPersonId = await intake('송미란');
    secondPersonId = await intake('차은별');
    for (const personId of [firstPersonId, secondPersonId]) {
      expect((await worker.request('POST', '/api/cases', { personId })).statusCode).toBe(201);
    }
  });
  afterAll(() => platform.close());

  it("lists only the named person's case when personId is given", async () => {
    const all = (await worker.request('GET', '/api/cases')).json();
    expect(all.total).toBe(2);
    const one = (await worker.request('GET', `/api/cases?personId=${firstPersonId}`)).json();
    expect(one.total).toBe(1);
    expect(one.items.map((item: { person: { id: string } }) => item.person.id)).toEqual([firstPersonId]);
  });

  it("finds nothing for a person outside another center's caseload", async () => {
    const other = await platform.signIn('demo-case-worker-2');
    const response = await other.request('GET', `/api/cases?personId=${firstPersonId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [], total: 0 });
  });

  it("reads mine=false as every case of the manager's center and mine=true as none of a manager's own", async () => {
    expect((await manager.request('GET', '/api/cases?mine=false')).json().total).toBe(2);
    expect((await manager.request('GET', '/api/cases?mine=true')).json().total).toBe(0);
    expect((await worker.request('GET', '/api/cases?mine=true')).json().total).toBe(2);
  });

  it("gives a center manager the active case workers of the manager's own center only", async () => {
    const response = await manager.request('GET', '/api/cases/workers');
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((w: { displayName: string }) => w.displayName)).toEqual([
      '데모 사례관리자',
    ]);
  });

  it('refuses the worker list to everyone without cases.assign', async () => {
    for (const username of ['demo-case-worker', 'demo-admin', 'demo-privacy-auditor', 'demo-partner']) {
      const session = await platform.signIn(username);
      expect((await session.request('GET', '/api/cases/workers')).statusCode).toBe(403);
    }
  });
});
