import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM with a fresh 96-bit IV per message. The associated data binds a ciphertext to where it
 * belongs (subject and field), so a ciphertext copied into another row or column fails to decrypt.
 * Wire format: `<version>.<iv>.<ciphertext>.<tag>`, base64url parts.
 */
const ALGORITHM = 'aes-256-gcm';
const FIELD_VERSION = 'e1';

export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
}

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): string[] {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
}

export function open(key: Buffer, parts: readonly string[], associatedData: string): Buffer {
  const [iv, ciphertext, tag] = parts.map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !ciphertext || !tag || iv.length !== 12 || tag.length !== 16)
    throw new DecryptionError('malformed ciphertext');
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (cause) {
    throw new DecryptionError('ciphertext failed authentication', { cause });
  }
}

export function encryptField(dataKey: Buffer, plaintext: string, associatedData: string): string {
  return [FIELD_VERSION, ...seal(dataKey, Buffer.from(plaintext, 'utf8'), associatedData)].join('.');
}

export function decryptField(dataKey: Buffer, sealed: string, associatedData: string): string {
  const [version, ...parts] = sealed.split('.');
  if (version !== FIELD_VERSION || parts.length !== 3) throw new DecryptionError('unknown ciphertext format');
  return open(dataKey, parts, associatedData).toString('utf8');
}

/** A short, non-secret name for a master key, so a wrapped key says which master key wraps it. */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('ieum:master-key-id:').update(key).digest('hex').slice(0, 16);
}
