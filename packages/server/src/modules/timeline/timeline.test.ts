import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';

describe('statutory timeline tasks', () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let officer: TestSession;
  let personId: string;
  // Tests see the world on 2025-01-10 (Seoul): some half-year reports are past due, protection ends soon.
  const today = new Date('2025-01-10T03:00:00Z');

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => today });
    worker = await platform.signIn('demo-case-worker');
    officer = await platform.signIn('demo-residence-officer');
    const municipalities = (
      await worker.request('GET', '/api/reference/organizations?type=local_government')
    ).json();
    const nowon = municipalities.items.find((org: { name: string }) => org.name.includes('노원구'));
    const created = await worker.request('POST', '/api/persons', {
      name: '정미숙',
      birthDate: '1978-02-14',
      sex: 'female',
      protectionDecisionDate: '2020-03-15',
      hanawonCompletionDate: '2020-06-10',
      residenceStartDate: '2020-06-20',
      municipalityId: nowon.id,
    });
    expect(created.statusCode).toBe(201);
    personId = created.json().id;
  });
  afterAll(() => platform.close());

  it("puts the half-year reports on the municipality's list for the residence officer", async () => {
    const response = await officer.request('GET', '/api/tasks?view=open&pageSize=100');
    expect(response.statusCode).toBe(200);
    const reports = response
      .json()
      .items.filter((task: { kind: string }) => task.kind === 'half_year_report');
    expect(reports).toHaveLength(11);
    expect(reports[0]).toMatchObject({
      dueOn: '2020-07-20',
      periodStart: '2020-06-20',
      overdue: true,
      role: 'residence_officer',
    });
    expect(reports[0].person.maskedName).toBe('정*숙');
  });

  it('narrows a work list by kind and by a due window that keeps the overdue ones', async () => {
    const within = (
      await officer.request('GET', '/api/tasks?view=open&kind=half_year_report&dueWithinDays=30&pageSize=100')
    ).json();
    // 2020-07-20 … 2024-07-20 are past due and 2025-01-20 falls within 30 days; 2025-07-20 does not.
    expect(within.total).toBe(10);
    expect(within.items.every((task: { kind: string }) => task.kind === 'half_year_report')).toBe(true);
    expect(within.items.map((task: { dueOn: string }) => task.dueOn)).not.toContain('2025-07-20');
  });

  it('lists what has come due: reminders reached and deadlines passed', async () => {
    const due = (await officer.request('GET', '/api/tasks?view=due&pageSize=100')).json().items;
    const kinds = due.map((task: { kind: string; dueOn: string }) => `${task.kind}@${task.dueOn}`);
    // Residence protection ends 2025-03-14; its reminder came on 2024-12-14.
    expect(kinds).toContain('residence_protection_end@2025-03-14');
    // The report for 2024-H2 is due 2025-01-20, reminded two weeks before.
    expect(kinds).toContain('half_year_report@2025-01-20');
    expect(kinds).not.toContain('half_year_report@2025-07-20');
  });

  it("gives the Hana Center the initial education, not the officer's items", async () => {
    const items = (await worker.request('GET', '/api/tasks?view=open&pageSize=100')).json().items;
    expect(items.map((task: { kind: string }) => task.kind)).toEqual(['initial_education']);
    expect(items[0]).toMatchObject({ dueOn: '2020-07-10', overdue: true });
  });

  it("shows every office's items on the person's own timeline", async () => {
    const items = (
      await worker.request('GET', `/api/tasks?view=open&personId=${personId}&pageSize=100`)
    ).json().items;
    const kinds = new Set(items.map((task: { kind: string }) => task.kind));
    expect(kinds).toEqual(
      new Set([
        'initial_education',
        'half_year_report',
        'residence_protection_end',
        'safety_protection_end',
        'employment_protection_end',
      ]),
    );
  });

  it('lets the responsible office complete a task once, with optimistic concurrency, and audits it', async () => {
    const [task] = (await officer.request('GET', '/api/tasks?view=overdue&pageSize=1')).json().items;
    expect(
      (await worker.request('POST', `/api/tasks/${task.id}/complete`, { version: task.version })).statusCode,
    ).toBe(404);
    expect(
      (await officer.request('POST', `/api/tasks/${task.id}/complete`, { version: task.version + 5 }))
        .statusCode,
    ).toBe(409);
    expect(
      (await officer.request('POST', `/api/tasks/${task.id}/complete`, { version: task.version })).statusCode,
    ).toBe(204);
    const done = (await officer.request('GET', '/api/tasks?view=done')).json().items;
    expect(done.map((t: { id: string }) => t.id)).toEqual([task.id]);
    const log = (
      await (
        await platform.signIn('demo-privacy-auditor')
      ).request('GET', `/api/audit/entries?subjectId=${personId}&action=update`)
    ).json();
    expect(log.items[0]).toMatchObject({
      entityType: 'task',
      entityId: task.id,
      actorUsername: 'demo-residence-officer',
    });
  });

  it('hides the person and their tasks from another center', async () => {
    const other = await platform.signIn('demo-case-worker-2');
    expect((await other.request('GET', `/api/tasks?personId=${personId}`)).statusCode).toBe(404);
    expect((await other.request('GET', '/api/tasks?view=open')).json().total).toBe(0);
  });
});
