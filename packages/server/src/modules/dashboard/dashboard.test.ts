import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';

describe('role dashboards', () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let manager: TestSession;
  let personCode: string;
  // Noon in Seoul on 2025-01-10: the initial education is long overdue, residence protection ends 2025-03-14.
  const now = new Date('2025-01-10T03:00:00Z');

  const dashboardOf = async (session: TestSession) => {
    const response = await session.request('GET', '/api/dashboard');
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => now });
    worker = await platform.signIn('demo-case-worker');
    manager = await platform.signIn('demo-center-manager');
    const municipalities = (
      await worker.request('GET', '/api/reference/organizations?type=local_government')
    ).json();
    const nowon = municipalities.items.find((org: { name: string }) => org.name.includes('노원구'));
    const created = (
      await worker.request('POST', '/api/persons', {
        name: '정미숙',
        birthDate: '1978-02-14',
        sex: 'female',
        protectionDecisionDate: '2020-03-15',
        hanawonCompletionDate: '2020-06-10',
        residenceStartDate: '2020-06-20',
        municipalityId: nowon.id,
      })
    ).json();
    personCode = created.code;
    expect((await worker.request('POST', '/api/cases', { personId: created.id })).statusCode).toBe(201);
    for (const startsAt of ['2025-01-10T06:00:00Z', '2025-01-11T01:00:00Z', '2025-01-08T01:00:00Z']) {
      const booked = await worker.request('POST', '/api/appointments', {
        personId: created.id,
        startsAt,
        kind: 'counselling',
      });
      expect(booked.statusCode).toBe(201);
    }
  });
  afterAll(() => platform.close());

  it("counts a case worker's today: overdue work, today's appointments, protection ending soon", async () => {
    const dashboard = await dashboardOf(worker);
    expect(dashboard).toEqual({
      today: '2025-01-10',
      myWork: {
        tasksDueToday: 0,
        tasksDueThisWeek: 0,
        tasksOverdue: 1,
        appointmentsToday: 1,
        protectionEndingSoon: 1,
      },
      center: null,
      municipality: null,
    });
  });

  it("gives the center manager the caseload by status and worker, and overdue work by the case's worker", async () => {
    const { center } = await dashboardOf(manager);
    expect(center.casesByStatus).toEqual([{ status: 'intake', count: 1 }]);
    expect(center.caseloadByWorker).toEqual([
      {
        id: expect.any(String),
        displayName: '데모 사례관리자',
        openCases: 1,
        byStatus: { intake: 1 },
      },
    ]);
    // The initial education is past due, and the appointment of 2025-01-08 was never marked.
    expect(center.overdueByWorker).toEqual([
      { id: expect.any(String), displayName: '데모 사례관리자', overdueTasks: 1, overdueAppointments: 1 },
    ]);
  });

  it("gives the residence officer the municipality's residents and the half-year reports", async () => {
    const dashboard = await dashboardOf(await platform.signIn('demo-residence-officer'));
    // Reports due 2020-07-20 … 2024-07-20 are past due; 2025-01-20 has been reminded; 2025-07-20 not yet.
    expect(dashboard.municipality).toEqual({ residents: 1, reportsDue: 1, reportsOverdue: 9 });
    expect(dashboard.myWork.appointmentsToday).toBeNull();
    expect(dashboard.center).toBeNull();
  });

  it("shows another center nothing of this center's work", async () => {
    const dashboard = await dashboardOf(await platform.signIn('demo-case-worker-2'));
    expect(dashboard.myWork).toEqual({
      tasksDueToday: 0,
      tasksDueThisWeek: 0,
      tasksOverdue: 0,
      appointmentsToday: 0,
      protectionEndingSoon: 0,
    });
  });

  it('carries counts only, never a person', async () => {
    const body = JSON.stringify(await dashboardOf(manager));
    expect(body).not.toContain(personCode);
    expect(body).not.toContain('정');
  });

  it('refuses roles without a work list', async () => {
    const admin = await platform.signIn('demo-admin');
    expect((await admin.request('GET', '/api/dashboard')).statusCode).toBe(403);
  });
});
