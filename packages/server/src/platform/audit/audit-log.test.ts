import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { auditRows, tamperAsSuperuser } from '../../testing/audit-tamper';
import { sqlState } from '../db/errors';
import { auditLog } from '../db/schema';
import { appendAudit, recordAudit, verifyAuditChain } from './audit-log';
import { chainHash, GENESIS_HASH } from './chain';

/** The SQLSTATE and the innermost message of a refused statement (drizzle wraps the driver's error). */
async function refusal(run: Promise<unknown>): Promise<{ state: string | undefined; message: string }> {
  try {
    await run;
  } catch (error) {
    let innermost: unknown = error;
    while ((innermost as { cause?: unknown }).cause) innermost = (innermost as { cause: unknown }).cause;
    return { state: sqlState(error), message: (innermost as Error).message };
  }
  throw new Error('the statement was not refused');
}

describe('the audit log', () => {
  let platform: TestPlatform;
  let admin: TestSession;

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platform.signIn('demo-admin');
    for (const name of ['감사 테스트 기관 1', '감사 테스트 기관 2', '감사 테스트 기관 3']) {
      const created = await admin.request('POST', '/api/admin/organizations', {
        name,
        type: 'partner_ngo',
        region: 'seoul',
      });
      expect(created.statusCode).toBe(201);
    }
    await platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-partner', password: 'not-the-password' },
    });
  });
  afterAll(() => platform.close());

  it('chains every entry to the one before: seq counts from 1, prev_hash is the previous hash, hash covers the row', async () => {
    const rows = await auditRows(platform.deps.db);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    rows.forEach((row, index) => {
      expect(row.seq).toBe(index + 1);
      expect(row.prevHash).toBe(index === 0 ? GENESIS_HASH : rows[index - 1]?.hash);
      const { prevHash, hash, ...fields } = row;
      expect(hash).toBe(chainHash(prevHash, fields));
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  it('records the actor, the IP and the request id of the request that made the change', async () => {
    const response = await admin.request('POST', '/api/admin/organizations', {
      name: '감사 테스트 기관 4',
      type: 'school',
      region: 'busan',
    });
    const [entry] = await platform.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, response.json().id));
    expect(entry).toMatchObject({
      action: 'create',
      entityType: 'organization',
      actorUsername: 'demo-admin',
      ip: '127.0.0.1',
      requestId: response.headers['x-request-id'],
      detail: { type: 'school', region: 'busan' },
    });
    expect(entry?.actorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry?.organizationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes an entry with the transaction it belongs to: a rolled-back change leaves no entry', async () => {
    const [before] = await platform.deps.db.select({ n: count() }).from(auditLog);
    await expect(
      platform.deps.db.transaction(async (tx) => {
        await appendAudit(tx, { action: 'update', entityType: 'organization', entityId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const [after] = await platform.deps.db.select({ n: count() }).from(auditLog);
    expect(after?.n).toBe(before?.n);
  });

  it('verifies a clean log, in one batch or in many', async () => {
    const rows = await auditRows(platform.deps.db);
    const clean = { ok: true, checked: rows.length, firstBrokenSeq: null, reason: null };
    expect(await verifyAuditChain(platform.deps.db)).toEqual(clean);
    expect(await verifyAuditChain(platform.deps.db, 3)).toEqual(clean);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log with SQLSTATE 42501', async () => {
    const { db } = platform.deps;
    const before = await auditRows(db);
    expect(await refusal(db.execute(sql`update audit_log set reason = 'covered up' where seq = 2`))).toEqual({
      state: '42501',
      message: 'audit_log is append-only (UPDATE refused)',
    });
    expect(await refusal(db.update(auditLog).set({ detail: {} }))).toEqual({
      state: '42501',
      message: 'audit_log is append-only (UPDATE refused)',
    });
    expect(await refusal(db.execute(sql`delete from audit_log where seq = 2`))).toEqual({
      state: '42501',
      message: 'audit_log is append-only (DELETE refused)',
    });
    expect(await refusal(db.execute(sql`truncate audit_log`))).toEqual({
      state: '42501',
      message: 'audit_log is append-only (TRUNCATE refused)',
    });
    expect(await auditRows(db)).toEqual(before);
  });

  describe('after a superuser tampers with it (trigger disabled)', () => {
    // Each case restores the row it changed, and the restored log verifies again.
    async function middleEntryWithDetail() {
      const rows = await auditRows(platform.deps.db);
      const entry = rows.slice(1, -2).find((row) => row.detail !== null);
      if (!entry) throw new Error('no entry with detail in the middle of the log');
      return { rows, entry };
    }

    it('reports the changed entry as hash_mismatch, with the entries before it checked', async () => {
      const { db } = platform.deps;
      const { entry } = await middleEntryWithDetail();
      await tamperAsSuperuser(
        db,
        sql`update audit_log set detail = '{"type":"ministry","region":null}'::jsonb where seq = ${entry.seq}`,
      );
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: entry.seq - 1,
        firstBrokenSeq: entry.seq,
        reason: 'hash_mismatch',
      });
      await tamperAsSuperuser(
        db,
        sql`update audit_log set detail = ${JSON.stringify(entry.detail)}::jsonb where seq = ${entry.seq}`,
      );
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it('reports a changed actor or time as hash_mismatch too', async () => {
      const { db } = platform.deps;
      const { entry } = await middleEntryWithDetail();
      await tamperAsSuperuser(
        db,
        sql`update audit_log set actor_username = 'someone-else' where seq = ${entry.seq}`,
      );
      expect(await verifyAuditChain(db)).toMatchObject({
        firstBrokenSeq: entry.seq,
        reason: 'hash_mismatch',
      });
      await tamperAsSuperuser(
        db,
        sql`update audit_log set actor_username = ${entry.actorUsername},
                                 occurred_at = occurred_at - interval '1 day' where seq = ${entry.seq}`,
      );
      expect(await verifyAuditChain(db)).toMatchObject({
        firstBrokenSeq: entry.seq,
        reason: 'hash_mismatch',
      });
      await tamperAsSuperuser(
        db,
        sql`update audit_log set occurred_at = ${entry.occurredAt.toISOString()}::timestamptz where seq = ${entry.seq}`,
      );
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it('reports the first of several changed entries', async () => {
      const { db } = platform.deps;
      const rows = await auditRows(db);
      const [first, later] = [rows[2], rows[rows.length - 2]];
      if (!first || !later) throw new Error('log too short');
      await tamperAsSuperuser(
        db,
        sql`update audit_log set reason = 'edited' where seq in (${first.seq}, ${later.seq})`,
      );
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: first.seq - 1,
        firstBrokenSeq: first.seq,
        reason: 'hash_mismatch',
      });
      await tamperAsSuperuser(
        db,
        sql`update audit_log set reason = null where seq in (${first.seq}, ${later.seq})`,
      );
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it('reports a deleted entry as missing_entry at its seq', async () => {
      const { db } = platform.deps;
      const { entry } = await middleEntryWithDetail();
      await tamperAsSuperuser(db, sql`delete from audit_log where seq = ${entry.seq}`);
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: entry.seq - 1,
        firstBrokenSeq: entry.seq,
        reason: 'missing_entry',
      });
      await tamperAsSuperuser(db, (tx) => tx.insert(auditLog).values(entry));
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it('reports a re-hashed entry as broken_link at the entry after it', async () => {
      // A careful forger recomputes the changed entry's hash; the next entry still names the old one.
      const { db } = platform.deps;
      const { entry } = await middleEntryWithDetail();
      const forged = { ...entry, detail: { forged: true } };
      const { prevHash, hash: _hash, ...fields } = forged;
      const forgedHash = chainHash(prevHash, fields);
      await tamperAsSuperuser(
        db,
        sql`update audit_log set detail = '{"forged":true}'::jsonb, hash = ${forgedHash} where seq = ${entry.seq}`,
      );
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: entry.seq,
        firstBrokenSeq: entry.seq + 1,
        reason: 'broken_link',
      });
      await tamperAsSuperuser(
        db,
        sql`update audit_log set detail = ${JSON.stringify(entry.detail)}::jsonb, hash = ${entry.hash}
            where seq = ${entry.seq}`,
      );
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it('reports a changed first entry at seq 1', async () => {
      const { db } = platform.deps;
      const [first] = await auditRows(db);
      await tamperAsSuperuser(db, sql`update audit_log set entity_type = 'nothing' where seq = 1`);
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 0,
        firstBrokenSeq: 1,
        reason: 'hash_mismatch',
      });
      await tamperAsSuperuser(
        db,
        sql`update audit_log set entity_type = ${first?.entityType ?? null} where seq = 1`,
      );
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });
  });

  it('keeps the chain contiguous and verifying under 20 concurrent audited writes', async () => {
    const { db } = platform.deps;
    const [before] = await db.select({ n: count() }).from(auditLog);
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        recordAudit(db, { action: 'view', entityType: 'concurrency', entityId: String(i), actor: null }),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        admin
          .request('POST', '/api/admin/organizations', {
            name: `동시 기관 ${i}`,
            type: 'employer',
            region: null,
          })
          .then((response) => expect(response.statusCode).toBe(201)),
      ),
    ]);
    const rows = await auditRows(db);
    expect(rows).toHaveLength((before?.n ?? 0) + 40);
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    expect(new Set(rows.map((row) => row.prevHash)).size).toBe(rows.length);
    expect(await verifyAuditChain(db)).toEqual({
      ok: true,
      checked: rows.length,
      firstBrokenSeq: null,
      reason: null,
    });
  });
});
