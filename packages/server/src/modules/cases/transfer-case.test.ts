import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';

describe('case transfer between Hana Centers', () => {
  let platform: TestPlatform;
  let sender: TestSession;
  let receivingManager: TestSession;
  let personId: string;
  let caseId: string;
  let busanCenterId: string;
  let busanWorkerId: string;

  beforeAll(async () => {
    platform = await createTestPlatform();
    sender = await platform.signIn('demo-case-worker');
    const admin = await platform.signIn('demo-admin');
    const centers = (
      await admin.request('GET', '/api/admin/organizations?type=hana_center&pageSize=100')
    ).json().items;
    busanCenterId = centers.find((c: { name: string }) => c.name === '부산하나센터').id;
    const created = await admin.request('POST', '/api/admin/users', {
      username: 'busan-manager',
      displayName: '부산 센터장',
      organizationId: busanCenterId,
      roles: ['center_manager'],
      password: 'busan-manager-pass',
    });
    expect(created.statusCode).toBe(201);
    receivingManager = await platform.signIn('busan-manager', 'busan-manager-pass');
    const users = (await admin.request('GET', `/api/admin/users?organizationId=${busanCenterId}`)).json()
      .items;
    busanWorkerId = users.find((u: { username: string }) => u.username === 'demo-case-worker-2').id;
    personId = (
      await sender.request('POST', '/api/persons', {
        name: '윤서진',
        birthDate: '1993-05-05',
        sex: 'female',
        protectionDecisionDate: '2024-01-10',
        hanawonCompletionDate: '2024-04-05',
      })
    ).json().id;
    caseId = (await sender.request('POST', '/api/cases', { personId })).json().id;
  });
  afterAll(() => platform.close());

  it('lets the receiving center see only a masked request before it accepts', async () => {
    const requested = await sender.request('POST', `/api/cases/${caseId}/transfer`, {
      toCenterId: busanCenterId,
      reason: '부산으로 전입 예정',
    });
    expect(requested.statusCode).toBe(201);
    expect(
      (
        await sender.request('POST', `/api/cases/${caseId}/transfer`, {
          toCenterId: busanCenterId,
          reason: '중복 요청',
        })
      ).statusCode,
    ).toBe(409);
    const incoming = (await receivingManager.request('GET', '/api/transfers?box=incoming')).json().items;
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({
      status: 'requested',
      person: { maskedName: '윤*진', birthYear: 1993 },
      reason: '부산으로 전입 예정',
    });
    expect((await receivingManager.request('GET', `/api/persons/${personId}`)).statusCode).toBe(404);
  });

  it('moves the person and opens a new case on acceptance; the old center keeps the history, not the access', async () => {
    const [transfer] = (await receivingManager.request('GET', '/api/transfers?box=incoming')).json().items;
    const worker2 = await platform.signIn('demo-case-worker-2');
    expect(
      (
        await worker2.request('POST', `/api/transfers/${transfer.id}/accept`, {
          assignedWorkerId: busanWorkerId,
        })
      ).statusCode,
    ).toBe(403);
    const accepted = await receivingManager.request('POST', `/api/transfers/${transfer.id}/accept`, {
      assignedWorkerId: busanWorkerId,
    });
    expect(accepted.statusCode).toBe(200);
    const newCaseId = accepted.json().caseId;
    expect((await worker2.request('GET', `/api/cases/${newCaseId}`)).json()).toMatchObject({
      status: 'intake',
      person: { maskedName: '윤*진' },
    });
    expect((await worker2.request('GET', `/api/persons/${personId}`)).json().hanaCenter.name).toBe(
      '부산하나센터',
    );
    expect((await sender.request('GET', `/api/persons/${personId}`)).statusCode).toBe(404);
    const outgoing = (await sender.request('GET', '/api/transfers?box=outgoing')).json().items;
    expect(outgoing[0]).toMatchObject({ status: 'accepted', toCenter: '부산하나센터', newCaseId });
    expect(
      (
        await receivingManager.request('POST', `/api/transfers/${transfer.id}/accept`, {
          assignedWorkerId: busanWorkerId,
        })
      ).statusCode,
    ).toBe(409);
    // The initial-education task moves with the person to the new center's list.
    const tasks = (await worker2.request('GET', '/api/tasks?view=open')).json().items;
    expect(
      tasks.map((t: { kind: string; organizationName: string }) => [t.kind, t.organizationName]),
    ).toEqual([['initial_education', '부산하나센터']]);
    expect((await sender.request('GET', '/api/tasks?view=open')).json().total).toBe(0);
  });
});
