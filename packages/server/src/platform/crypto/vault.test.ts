import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { newId } from '../db/ids';
import { dataKeys, platformSecrets } from '../db/schema';
import { DecryptionError, keyFingerprint } from './envelope';
import { MasterKeyring } from './keyring';
import { type DataSubject, rewrapAllKeys, Vault } from './vault';

const person = (): DataSubject => ({ type: 'person', id: newId() });
/** A blind index made by the first platform of this file, to compare with the second one's. */
let firstInstallationIndex = '';

async function dataKeyRow(platform: TestPlatform, subject: DataSubject) {
  const [row] = await platform.deps.db
    .select()
    .from(dataKeys)
    .where(and(eq(dataKeys.subjectType, subject.type), eq(dataKeys.subjectId, subject.id)));
  return row;
}

describe('Vault', () => {
  let platform: TestPlatform;
  let vault: Vault;
  beforeAll(async () => {
    platform = await createTestPlatform();
    vault = platform.deps.vault;
    firstInstallationIndex = vault.blindIndex('rrn', '9001012345678');
  });
  afterAll(() => platform.close());

  it('decrypts what it encrypted for the same subject and field', async () => {
    const { db } = platform.deps;
    const subject = person();
    const sealed = await vault.encrypt(db, subject, 'name', '김철수');
    expect(sealed).toMatch(/^e1\./);
    expect(sealed).not.toContain('김철수');
    expect(await vault.decrypt(db, subject, 'name', sealed)).toBe('김철수');
  });

  it('creates one data key per subject, wrapped by the current master key, and reuses it', async () => {
    const { db } = platform.deps;
    const subject = person();
    await vault.encrypt(db, subject, 'name', '김철수');
    const first = await dataKeyRow(platform, subject);
    await vault.encrypt(db, subject, 'phone', '010-1234-5678');
    const second = await dataKeyRow(platform, subject);
    expect(first?.masterKeyId).toBe(keyFingerprint(platform.config.masterKeys.current));
    expect(second?.wrappedKey).toBe(first?.wrappedKey);
    expect(first?.destroyedAt).toBeNull();
  });

  it('gives different subjects different data keys', async () => {
    const { db } = platform.deps;
    const [a, b] = [person(), person()];
    await vault.encrypt(db, a, 'name', '김철수');
    await vault.encrypt(db, b, 'name', '김철수');
    const ring = new MasterKeyring(platform.config.masterKeys);
    const keyOf = async (subject: DataSubject) =>
      ring.unwrap(
        (await dataKeyRow(platform, subject))?.wrappedKey as string,
        `ieum:dek:person:${subject.id}`,
      );
    const [keyA, keyB] = [await keyOf(a), await keyOf(b)];
    expect(keyA).toHaveLength(32);
    expect(keyA.equals(keyB)).toBe(false);
  });

  it('refuses a ciphertext presented as another subject’s or as another field', async () => {
    const { db } = platform.deps;
    const [a, b] = [person(), person()];
    const sealed = await vault.encrypt(db, a, 'name', '김철수');
    await vault.encrypt(db, b, 'name', '이영희');
    await expect(vault.decrypt(db, b, 'name', sealed)).rejects.toThrow(DecryptionError);
    await expect(vault.decrypt(db, a, 'phone', sealed)).rejects.toThrow('ciphertext failed authentication');
  });

  it('makes blind indexes that are deterministic, 64 hex characters, and different per purpose and value', () => {
    const index = vault.blindIndex('rrn', '9001012345678');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(vault.blindIndex('rrn', '9001012345678')).toBe(index);
    expect(vault.blindIndex('phone', '9001012345678')).not.toBe(index);
    expect(vault.blindIndex('rrn', '9001012345679')).not.toBe(index);
    // The purpose and the value are kept apart: ('a', 'bc') is not ('ab', 'c').
    expect(vault.blindIndex('a', 'bc')).not.toBe(vault.blindIndex('ab', 'c'));
  });

  it('keeps blind indexes stable across restarts (the index key is stored, wrapped)', async () => {
    const reopened = await Vault.open(platform.deps.db, new MasterKeyring(platform.config.masterKeys));
    expect(reopened.blindIndex('rrn', '9001012345678')).toBe(vault.blindIndex('rrn', '9001012345678'));
    const [secret] = await platform.deps.db.select().from(platformSecrets);
    expect(secret?.name).toBe('blind_index');
    expect(secret?.wrappedKey).toMatch(/^w1\./);
  });

  it('shreds a subject: every field decrypts to null, the key is gone, and nothing new can be sealed for it', async () => {
    const { db } = platform.deps;
    const [erased, kept] = [person(), person()];
    const name = await vault.encrypt(db, erased, 'name', '김철수');
    const phone = await vault.encrypt(db, erased, 'phone', '010-1234-5678');
    const keptName = await vault.encrypt(db, kept, 'name', '이영희');
    await vault.shred(db, erased);
    expect(await vault.decrypt(db, erased, 'name', name)).toBeNull();
    expect(await vault.decrypt(db, erased, 'phone', phone)).toBeNull();
    expect(await vault.decrypt(db, kept, 'name', keptName)).toBe('이영희');
    const row = await dataKeyRow(platform, erased);
    expect(row?.wrappedKey).toBeNull();
    expect(row?.masterKeyId).toBeNull();
    expect(row?.destroyedAt).toBeInstanceOf(Date);
    await expect(vault.encrypt(db, erased, 'name', '김철수')).rejects.toThrow(
      `the data key of person ${erased.id} was destroyed`,
    );
  });

  it('decrypts to null for a subject that never had a key, without creating one', async () => {
    const { db } = platform.deps;
    const sealed = await vault.encrypt(db, person(), 'name', '김철수');
    const stranger = person();
    expect(await vault.decrypt(db, stranger, 'name', sealed)).toBeNull();
    expect(await dataKeyRow(platform, stranger)).toBeUndefined();
  });

  it('creates exactly one key when many writes for a new subject race', async () => {
    const { db } = platform.deps;
    const subject = person();
    const sealed = await Promise.all(
      Array.from({ length: 8 }, (_, i) => vault.encrypt(db, subject, `field${i}`, `value ${i}`)),
    );
    const decrypted = await Promise.all(sealed.map((s, i) => vault.decrypt(db, subject, `field${i}`, s)));
    expect(decrypted).toEqual(Array.from({ length: 8 }, (_, i) => `value ${i}`));
  });
});

describe('rewrapAllKeys (master key rotation)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(() => platform.close());

  it('has its own blind-index key, so the same value indexes differently in another installation', () => {
    expect(firstInstallationIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(platform.deps.vault.blindIndex('rrn', '9001012345678')).not.toBe(firstInstallationIndex);
  });

  it('re-wraps every data key and the blind-index key under the new key; the new key alone then reads everything', async () => {
    const { db, vault } = platform.deps;
    const oldKey = platform.config.masterKeys.current;
    const subjects = Array.from({ length: 5 }, person);
    const sealed = await Promise.all(subjects.map((s, i) => vault.encrypt(db, s, 'name', `이름 ${i}`)));
    const shredded = person();
    await vault.encrypt(db, shredded, 'name', '삭제될 사람');
    await vault.shred(db, shredded);
    const indexBefore = vault.blindIndex('rrn', '9001012345678');

    const newKey = randomBytes(32);
    const rotating = new MasterKeyring({ current: newKey, previous: [oldKey] });
    // A batch size below the number of keys makes the rotation take several batches.
    expect(await rewrapAllKeys(db, rotating, 2)).toEqual({ rewrapped: subjects.length + 1 });

    const rows = await db.select().from(dataKeys);
    const destroyed = rows.filter((row) => row.destroyedAt !== null);
    expect(destroyed.map((row) => row.subjectId)).toEqual([shredded.id]);
    expect(destroyed[0]?.wrappedKey).toBeNull();
    for (const row of rows.filter((r) => r.destroyedAt === null)) {
      expect(row.masterKeyId).toBe(keyFingerprint(newKey));
      expect(row.wrappedKey?.startsWith(`w1.${keyFingerprint(newKey)}.`)).toBe(true);
    }
    const [secret] = await db.select().from(platformSecrets);
    expect(secret?.masterKeyId).toBe(keyFingerprint(newKey));

    // The old key is retired: a vault holding only the new key reads every field and finds the same indexes.
    const newOnly = await Vault.open(db, new MasterKeyring({ current: newKey, previous: [] }));
    const decrypted = await Promise.all(
      subjects.map((s, i) => newOnly.decrypt(db, s, 'name', sealed[i] as string)),
    );
    expect(decrypted).toEqual(subjects.map((_, i) => `이름 ${i}`));
    expect(newOnly.blindIndex('rrn', '9001012345678')).toBe(indexBefore);
    expect(await newOnly.decrypt(db, shredded, 'name', 'e1.x.y.z')).toBeNull();

    // And the old key alone no longer opens the vault, with a message naming the key it lacks.
    await expect(Vault.open(db, new MasterKeyring({ current: oldKey, previous: [] }))).rejects.toThrow(
      `data key is wrapped by master key ${keyFingerprint(newKey)}, which this process does not hold`,
    );

    // Running it again finds nothing left to do.
    expect(await rewrapAllKeys(db, rotating, 2)).toEqual({ rewrapped: 0 });
  });
});
