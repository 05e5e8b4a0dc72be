import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { newPersonCode } from '../registry/register-person';
import { persons } from '../registry/schema';
import { bothHaveOpenAlerts, moveProtectionRows, protectionRowsStillWith } from './protection-moves';
import {
  protectionAlerts,
  protectionContacts,
  protectionProfiles,
  protectionServices,
  protectionSignals,
  riskScores,
} from './schema';
import { contactFindingsField, signalNoteField } from './sealed-fields';

describe('protection rows on a merge and its undo', () => {
  let platform: TestPlatform;
  const merged = crypto.randomUUID();
  const survivor = crypto.randomUUID();
  const signalId = crypto.randomUUID();
  const alertId = crypto.randomUUID();
  const contactId = crypto.randomUUID();

  beforeAll(async () => {
    platform = await createTestPlatform();
    const { db, vault } = platform.deps;
    const [worker] = await db
      .select({ id: users.id, organizationId: users.organizationId })
      .from(users)
      .where(eq(users.username, 'demo-case-worker'));
    const centerId = worker?.organizationId as string;
    for (const id of [merged, survivor]) {
      await db
        .insert(persons)
        .values({ id, code: newPersonCode(), hanaCenterId: centerId, nameSealed: 'synthetic' });
    }
    await db.transaction(async (tx) => {
      await tx.insert(protectionProfiles).values({ personId: merged, categories: ['single_parent'] });
      await tx.insert(protectionSignals).values({
        id: signalId,
        personId: merged,
        type: 'returned_mail',
        observedOn: '2026-06-01',
        via: 'staff',
        noteSealed: await vault.encrypt(
          tx,
          { type: 'person', id: merged },
          signalNoteField(signalId),
          '우편 반송 2회',
        ),
      });
      const now = new Date();
      await tx.insert(protectionAlerts).values({
        id: alertId,
        personId: merged,
        organizationId: centerId,
        level: 'high',
        score: 55,
        rulesVersion: '2020-12',
        reasons: [],
        openedAt: now,
        dueAt: now,
      });
      await tx.insert(protectionContacts).values({
        id: contactId,
        alertId,
        personId: merged,
        contactedAt: now,
        method: 'visit',
        reached: true,
        findingsSealed: await vault.encrypt(
          tx,
          { type: 'person', id: merged },
          contactFindingsField(contactId),
          '냉장고가 비어 있음',
        ),
        recordedBy: worker?.id as string,
      });
      await tx.insert(protectionServices).values({
        id: crypto.randomUUID(),
        alertId,
        personId: merged,
        kind: 'food_support',
        provider: 'private',
        outcome: 'provided',
        providedOn: '2026-06-02',
        recordedBy: worker?.id as string,
      });
      await tx.insert(riskScores).values({
        personId: merged,
        score: 55,
        level: 'high',
        rulesVersion: '2020-12',
        asOf: '2026-06-02',
        reasons: [],
        computedAt: now,
      });
    });
  });
  afterAll(() => platform.close());

  it('moves signals, alerts with their contacts and services, and the profile, re-sealing the text; and back', async () => {
    const { db, vault } = platform.deps;
    expect(await db.transaction((tx) => bothHaveOpenAlerts(tx, merged, survivor))).toBe(false);

    const moved = await db.transaction((tx) => moveProtectionRows(vault, tx, { from: merged, to: survivor }));
    expect(moved).toEqual({
      protectionSignals: [signalId],
      protectionAlerts: [alertId],
      surveyChecks: [],
      protectionProfiles: [merged],
    });
    const [signal] = await db.select().from(protectionSignals).where(eq(protectionSignals.id, signalId));
    const [contact] = await db.select().from(protectionContacts).where(eq(protectionContacts.id, contactId));
    expect(signal?.personId).toBe(survivor);
    expect(contact?.personId).toBe(survivor);
    expect((await db.select().from(protectionServices))[0]?.personId).toBe(survivor);
    expect((await db.select().from(protectionProfiles))[0]?.personId).toBe(survivor);
    expect(await db.select().from(riskScores)).toEqual([]);
    await db.transaction(async (tx) => {
      expect(
        await vault.decrypt(
          tx,
          { type: 'person', id: survivor },
          signalNoteField(signalId),
          signal?.noteSealed ?? '',
        ),
      ).toBe('우편 반송 2회');
      expect(
        await vault.decrypt(
          tx,
          { type: 'person', id: survivor },
          contactFindingsField(contactId),
          contact?.findingsSealed ?? '',
        ),
      ).toBe('냉장고가 비어 있음');
      expect(await protectionRowsStillWith(tx, survivor, moved)).toBe(true);
    });

    await db.transaction((tx) => moveProtectionRows(vault, tx, { from: survivor, to: merged, only: moved }));
    const [back] = await db.select().from(protectionSignals).where(eq(protectionSignals.id, signalId));
    expect(back?.personId).toBe(merged);
    expect((await db.select().from(protectionProfiles))[0]?.personId).toBe(merged);
    expect((await db.select().from(protectionContacts))[0]?.personId).toBe(merged);
    await db.transaction(async (tx) => {
      expect(
        await vault.decrypt(
          tx,
          { type: 'person', id: merged },
          signalNoteField(signalId),
          back?.noteSealed ?? '',
        ),
      ).toBe('우편 반송 2회');
    });
  });

  it('sees when both records have an open alert', async () => {
    const { db } = platform.deps;
    const [alert] = await db.select().from(protectionAlerts);
    await db.insert(protectionAlerts).values({
      ...(alert as typeof protectionAlerts.$inferInsert),
      id: crypto.randomUUID(),
      personId: survivor,
    });
    expect(await db.transaction((tx) => bothHaveOpenAlerts(tx, merged, survivor))).toBe(true);
  });
});
