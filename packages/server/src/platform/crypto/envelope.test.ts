import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, decryptField, encryptField, keyFingerprint } from './envelope';

const key = randomBytes(32);
const AAD = 'ieum:field:person:0196f1a8-0000-7000-8000-000000000001:name';

/** Flips one bit of one base64url part of a sealed field (0 = version, 1 = iv, 2 = ciphertext, 3 = tag). */
function flipBit(sealed: string, part: 1 | 2 | 3): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part] as string, 'base64url');
  bytes[0] = (bytes[0] as number) ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

function decryptionError(run: () => unknown): DecryptionError {
  try {
    run();
  } catch (error) {
    if (error instanceof DecryptionError) return error;
    throw error;
  }
  throw new Error('decrypted without an error');
}

describe('field encryption (AES-256-GCM envelope)', () => {
  it('round-trips Korean text, an empty string and long text', () => {
    for (const plaintext of ['김철수', '', '서울특별시 노원구 '.repeat(500), '900101-2345678']) {
      expect(decryptField(key, encryptField(key, plaintext, AAD), AAD)).toBe(plaintext);
    }
  });

  it('writes e1.<iv>.<ciphertext>.<tag> with a 12-byte IV and a 16-byte tag, and never the plaintext', () => {
    const sealed = encryptField(key, '김철수', AAD);
    const [version, iv, ciphertext, tag, ...rest] = sealed.split('.');
    expect(version).toBe('e1');
    expect(rest).toEqual([]);
    expect(Buffer.from(iv as string, 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext as string, 'base64url')).toHaveLength(Buffer.byteLength('김철수'));
    expect(Buffer.from(tag as string, 'base64url')).toHaveLength(16);
    expect(sealed).not.toContain('김철수');
  });

  it('uses a fresh IV each time, so equal values do not give equal ciphertexts', () => {
    const a = encryptField(key, '김철수', AAD);
    const b = encryptField(key, '김철수', AAD);
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('refuses a ciphertext, IV or tag changed by one bit', () => {
    const sealed = encryptField(key, '김철수', AAD);
    for (const part of [1, 2, 3] as const) {
      expect(decryptionError(() => decryptField(key, flipBit(sealed, part), AAD)).message).toBe(
        'ciphertext failed authentication',
      );
    }
  });

  it('refuses a ciphertext moved to another subject or another field (associated data)', () => {
    const sealed = encryptField(key, '김철수', AAD);
    const otherSubject = AAD.replace('000000000001', '000000000002');
    const otherField = AAD.replace(':name', ':phone');
    for (const aad of [otherSubject, otherField, '']) {
      expect(decryptionError(() => decryptField(key, sealed, aad)).message).toBe(
        'ciphertext failed authentication',
      );
    }
  });

  it('refuses the right ciphertext under another key', () => {
    const sealed = encryptField(key, '김철수', AAD);
    expect(() => decryptField(randomBytes(32), sealed, AAD)).toThrow(DecryptionError);
  });

  it('refuses an unknown version or a truncated value as a format error', () => {
    const sealed = encryptField(key, '김철수', AAD);
    expect(decryptionError(() => decryptField(key, sealed.replace(/^e1\./, 'e2.'), AAD)).message).toBe(
      'unknown ciphertext format',
    );
    expect(
      decryptionError(() => decryptField(key, sealed.split('.').slice(0, 3).join('.'), AAD)).message,
    ).toBe('unknown ciphertext format');
    const [version, , ciphertext, tag] = sealed.split('.');
    expect(
      decryptionError(() => decryptField(key, [version, 'AAAA', ciphertext, tag].join('.'), AAD)).message,
    ).toBe('malformed ciphertext');
  });
});

describe('keyFingerprint', () => {
  it('names a key by 16 hex characters, the same each time, different for another key', () => {
    const id = keyFingerprint(key);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(keyFingerprint(Buffer.from(key))).toBe(id);
    expect(keyFingerprint(randomBytes(32))).not.toBe(id);
    expect(key.toString('hex')).not.toContain(id);
  });
});
