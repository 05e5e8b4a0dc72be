import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { newPersonCode } from '../registry/register-person';
import { persons } from '../registry/schema';
import { escalateOverdueAlerts } from './escalate-alerts';
import { nextNightlyRun } from './nightly-screening';
import { protectionAlertEvents, protectionAlerts, protectionSignals } from './schema';
import { screenPopulation } from './screen-population';

describe('nextNightlyRun', () => {
  it('is the next 02:00 in Korea', () => {
    expect(nextNightlyRun(new Date('2026-07-01T03:00:00Z')).toISOString()).toBe('2026-07-01T17:00:00.000Z');
    expect(nextNightlyRun(new Date('2026-07-01T16:59:59Z')).toISOString()).toBe('2026-07-01T17:00:00.000Z');
    expect(nextNightlyRun(new Date('2026-07-01T17:00:00Z')).toISOString()).toBe('2026-07-02T17:00:00.000Z');
  });
});

describe('escalation and the screening routes', () => {
  let platform: TestPlatform;
  let clock = new Date('2026-07-01T03:00:00Z');
  const crisisIds: string[] = [];

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    const { db } = platform.deps;
    const [worker] = await db
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(eq(users.username, 'demo-case-worker'));
    for (let i = 0; i < 2; i++) {
      const id = crypto.randomUUID();
      crisisIds.push(id);
      await db.insert(persons).values({
        id,
        code: newPersonCode(),
        hanaCenterId: worker?.organizationId as string,
        nameSealed: 'synthetic',
        protectionDecisionDate: '2012-03-01',
        residenceStartDate: '2012-06-01',
      });
      for (const type of ['water_cutoff', 'power_cutoff', 'rent_arrears']) {
        await db.insert(protectionSignals).values({
          id: crypto.randomUUID(),
          personId: id,
          type,
          observedOn: '2026-06-20',
          value: type === 'rent_arrears' ? 9 : null,
          via: 'api',
        });
      }
    }
  });
  afterAll(() => platform.close());

  it('lets a center manager run the screening and see the runs; a case worker may not', async () => {
    const worker = await platform.signIn('demo-case-worker');
    expect((await worker.request('POST', '/api/protection/screenings')).statusCode).toBe(403);

    const manager = await platform.signIn('demo-center-manager');
    const response = await manager.request('POST', '/api/protection/screenings');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ trigger: 'manual', alertsOpened: 2, rulesVersion: '2020-12' });
    const runs = (await manager.request('GET', '/api/protection/screenings')).json() as { items: unknown[] };
    expect(runs.items).toHaveLength(1);
  });

  it('escalates an alert once its deadline passes without a reached contact, and only once', async () => {
    const { db } = platform.deps;
    const alerts = await db.select().from(protectionAlerts);
    expect(alerts.map((a) => a.level)).toEqual(['crisis', 'crisis']);
    // One of them is reached in time.
    const [reached, missed] = alerts as [(typeof alerts)[0], (typeof alerts)[0]];
    await db
      .update(protectionAlerts)
      .set({ firstContactAt: new Date('2026-07-01T10:00:00Z') })
      .where(eq(protectionAlerts.id, reached.id));

    clock = new Date('2026-07-02T02:59:00Z');
    expect(await escalateOverdueAlerts(platform.deps)).toEqual({ escalated: 0 });
    clock = new Date('2026-07-02T03:01:00Z');
    expect(await escalateOverdueAlerts(platform.deps)).toEqual({ escalated: 1 });
    expect(await escalateOverdueAlerts(platform.deps)).toEqual({ escalated: 0 });

    const [after] = await db.select().from(protectionAlerts).where(eq(protectionAlerts.id, missed.id));
    expect(after?.escalatedAt?.toISOString()).toBe('2026-07-02T03:01:00.000Z');
    expect(after?.version).toBe(missed.version + 1);
    const kinds = await db
      .select({ kind: protectionAlertEvents.kind })
      .from(protectionAlertEvents)
      .where(eq(protectionAlertEvents.alertId, missed.id));
    expect(kinds.map((k) => k.kind)).toEqual(['opened', 'escalated']);
  });

  it('keeps the open alert when the nightly run finds the person again', async () => {
    const run = await screenPopulation(platform.deps, { trigger: 'nightly', actor: null });
    expect(run.alertsOpened).toBe(0);
    expect((await platform.deps.db.select().from(protectionAlerts)).length).toBe(2);
  });
});
