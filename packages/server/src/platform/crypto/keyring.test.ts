import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, keyFingerprint } from './envelope';
import { MasterKeyring } from './keyring';

const AAD = 'ieum:dek:person:0196f1a8-0000-7000-8000-000000000001';

describe('MasterKeyring', () => {
  it('wraps with the current key and says so in the wrapping', () => {
    const current = randomBytes(32);
    const ring = new MasterKeyring({ current, previous: [randomBytes(32)] });
    const dataKey = randomBytes(32);
    const { wrapped, masterKeyId } = ring.wrap(dataKey, AAD);
    expect(masterKeyId).toBe(keyFingerprint(current));
    expect(ring.currentId).toBe(masterKeyId);
    expect(wrapped.startsWith(`w1.${masterKeyId}.`)).toBe(true);
    expect(wrapped.split('.')).toHaveLength(5);
    expect(ring.unwrap(wrapped, AAD).equals(dataKey)).toBe(true);
  });

  it('unwraps what an earlier current key wrapped while that key is held as a previous key', () => {
    const oldKey = randomBytes(32);
    const dataKey = randomBytes(32);
    const { wrapped } = new MasterKeyring({ current: oldKey, previous: [] }).wrap(dataKey, AAD);
    const rotating = new MasterKeyring({ current: randomBytes(32), previous: [oldKey] });
    expect(rotating.has(keyFingerprint(oldKey))).toBe(true);
    expect(rotating.unwrap(wrapped, AAD).equals(dataKey)).toBe(true);
  });

  it('refuses a key wrapped by a master key it does not hold, naming that key id and the setting to add it to', () => {
    const oldKey = randomBytes(32);
    const { wrapped } = new MasterKeyring({ current: oldKey, previous: [] }).wrap(randomBytes(32), AAD);
    const other = new MasterKeyring({ current: randomBytes(32), previous: [] });
    expect(other.has(keyFingerprint(oldKey))).toBe(false);
    let error: unknown;
    try {
      other.unwrap(wrapped, AAD);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DecryptionError);
    expect((error as Error).message).toBe(
      `data key is wrapped by master key ${keyFingerprint(oldKey)}, which this process does not hold (add it to IEUM_PREVIOUS_MASTER_KEYS)`,
    );
  });

  it('refuses a wrapped key presented for another subject', () => {
    const ring = new MasterKeyring({ current: randomBytes(32), previous: [] });
    const { wrapped } = ring.wrap(randomBytes(32), AAD);
    expect(() => ring.unwrap(wrapped, AAD.replace('000000000001', '000000000002'))).toThrow(
      'ciphertext failed authentication',
    );
  });

  it('refuses a wrapping in an unknown format', () => {
    const ring = new MasterKeyring({ current: randomBytes(32), previous: [] });
    const { wrapped } = ring.wrap(randomBytes(32), AAD);
    expect(() => ring.unwrap(wrapped.replace(/^w1\./, 'w0.'), AAD)).toThrow('unknown wrapping format');
    expect(() => ring.unwrap(wrapped.split('.').slice(0, 4).join('.'), AAD)).toThrow(
      'unknown wrapping format',
    );
  });
});
