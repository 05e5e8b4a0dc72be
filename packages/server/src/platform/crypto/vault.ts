import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';
import { dataKeys, platformSecrets } from '../db/schema';
import { decryptField, encryptField } from './envelope';
import type { MasterKeyring } from './keyring';

/**
 * Whose data a key protects. `person` records come with the registry; `user` covers staff secrets such as
 * TOTP; `import` holds an uploaded cohort file between preview and commit (shredded afterwards).
 */
export interface DataSubject {
  readonly type: 'person' | 'user' | 'import';
  readonly id: string;
}

const BLIND_INDEX_SECRET = 'blind_index';

/**
 * Encryption of personal data at rest: a data key per subject, wrapped by the master key; blind indexes
 * (keyed HMAC) for exact lookups without decrypting; crypto-shredding by destroying a subject's key.
 * Repositories call `encrypt` / `decrypt` / `blindIndex`; nothing else touches keys.
 */
export class Vault {
  private constructor(
    private readonly keyring: MasterKeyring,
    private readonly blindIndexKey: Buffer,
  ) {}

  /** Loads (or on first start creates) the blind-index key. */
  static async open(db: Db, keyring: MasterKeyring): Promise<Vault> {
    const aad = `ieum:secret:${BLIND_INDEX_SECRET}`;
    const candidate = keyring.wrap(randomBytes(32), aad);
    await db
      .insert(platformSecrets)
      .values({ name: BLIND_INDEX_SECRET, wrappedKey: candidate.wrapped, masterKeyId: candidate.masterKeyId })
      .onConflictDoNothing();
    const [row] = await db.select().from(platformSecrets).where(eq(platformSecrets.name, BLIND_INDEX_SECRET));
    if (!row) throw new Error('blind-index key could not be stored');
    return new Vault(keyring, keyring.unwrap(row.wrappedKey, aad));
  }

  async encrypt(q: Queryable, subject: DataSubject, field: string, plaintext: string): Promise<string> {
    const key = await this.dataKey(q, subject, true);
    if (!key) throw new Error(`the data key of ${subject.type} ${subject.id} was destroyed`);
    return encryptField(key, plaintext, fieldAad(subject, field));
  }

  /** Null when the subject's key was destroyed (erasure): the data is gone for good. */
  async decrypt(q: Queryable, subject: DataSubject, field: string, sealed: string): Promise<string | null> {
    const key = await this.dataKey(q, subject, false);
    return key ? decryptField(key, sealed, fieldAad(subject, field)) : null;
  }

  /**
   * A keyed hash for exact lookups (`purpose` separates e.g. RRN from phone). The caller normalizes the value
   * first (digits only, trimmed), so equal values always meet.
   */
  blindIndex(purpose: string, normalizedValue: string): string {
    return createHmac('sha256', this.blindIndexKey)
      .update(`${purpose}\u0000${normalizedValue}`)
      .digest('hex');
  }

  /**
   * Opens many subjects' keys with one query, for lists: returns a function that unseals a field of one of
   * them (null when that subject's key was destroyed).
   */
  async unsealerFor(
    q: Queryable,
    type: DataSubject['type'],
    ids: readonly string[],
  ): Promise<(id: string, field: string, sealed: string) => string | null> {
    const keys = new Map<string, Buffer>();
    if (ids.length > 0) {
      const rows = await q
        .select()
        .from(dataKeys)
        .where(and(eq(dataKeys.subjectType, type), inArray(dataKeys.subjectId, [...ids])));
      for (const row of rows) {
        if (row.wrappedKey)
          keys.set(row.subjectId, this.keyring.unwrap(row.wrappedKey, keyAad({ type, id: row.subjectId })));
      }
    }
    return (id, field, sealed) => {
      const key = keys.get(id);
      return key ? decryptField(key, sealed, fieldAad({ type, id }, field)) : null;
    };
  }

  /** Crypto-shredding: every field sealed under this subject's key becomes unreadable. */
  async shred(q: Queryable, subject: DataSubject): Promise<void> {
    await q
      .update(dataKeys)
      .set({ wrappedKey: null, masterKeyId: null, destroyedAt: new Date() })
      .where(and(eq(dataKeys.subjectType, subject.type), eq(dataKeys.subjectId, subject.id)));
  }

  private async dataKey(q: Queryable, subject: DataSubject, create: boolean): Promise<Buffer | null> {
    const aad = keyAad(subject);
    const where = and(eq(dataKeys.subjectType, subject.type), eq(dataKeys.subjectId, subject.id));
    let [row] = await q.select().from(dataKeys).where(where);
    if (!row && create) {
      const { wrapped, masterKeyId } = this.keyring.wrap(randomBytes(32), aad);
      // Two requests may race to create the key; the loser reads the winner's.
      await q
        .insert(dataKeys)
        .values({ subjectType: subject.type, subjectId: subject.id, wrappedKey: wrapped, masterKeyId })
        .onConflictDoNothing();
      [row] = await q.select().from(dataKeys).where(where);
    }
    if (!row?.wrappedKey) return null;
    return this.keyring.unwrap(row.wrappedKey, aad);
  }
}

function keyAad(subject: DataSubject): string {
  return `ieum:dek:${subject.type}:${subject.id}`;
}

function fieldAad(subject: DataSubject, field: string): string {
  return `ieum:field:${subject.type}:${subject.id}:${field}`;
}

/**
 * Re-wraps every data key and platform secret under the keyring's current master key, in small batches
 * with one short transaction each, so a running server keeps working throughout (it must hold both keys:
 * the new one as IEUM_MASTER_KEY and the old one in IEUM_PREVIOUS_MASTER_KEYS). Idempotent and resumable.
 */
export async function rewrapAllKeys(
  db: Db,
  keyring: MasterKeyring,
  batchSize = 500,
): Promise<{ rewrapped: number }> {
  let rewrapped = 0;
  for (;;) {
    const moved = await db.transaction(async (tx) => {
      const batch = await tx
        .select()
        .from(dataKeys)
        .where(and(ne(dataKeys.masterKeyId, keyring.currentId), isNull(dataKeys.destroyedAt)))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const row of batch) {
        if (!row.wrappedKey) continue;
        const subject = { type: row.subjectType as DataSubject['type'], id: row.subjectId };
        const aad = keyAad(subject);
        const { wrapped, masterKeyId } = keyring.wrap(keyring.unwrap(row.wrappedKey, aad), aad);
        await tx
          .update(dataKeys)
          .set({ wrappedKey: wrapped, masterKeyId })
          .where(and(eq(dataKeys.subjectType, row.subjectType), eq(dataKeys.subjectId, row.subjectId)));
      }
      return batch.length;
    });
    rewrapped += moved;
    if (moved < batchSize) break;
  }
  const secrets = await db
    .select()
    .from(platformSecrets)
    .where(ne(platformSecrets.masterKeyId, keyring.currentId));
  for (const secret of secrets) {
    const aad = `ieum:secret:${secret.name}`;
    const { wrapped, masterKeyId } = keyring.wrap(keyring.unwrap(secret.wrappedKey, aad), aad);
    await db
      .update(platformSecrets)
      .set({ wrappedKey: wrapped, masterKeyId })
      .where(and(eq(platformSecrets.name, secret.name), eq(platformSecrets.masterKeyId, secret.masterKeyId)));
    rewrapped += 1;
  }
  return { rewrapped };
}
