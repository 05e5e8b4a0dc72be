import type { MasterKeys } from '../config';
import { DecryptionError, keyFingerprint, open, seal } from './envelope';

const WRAP_VERSION = 'w1';

/** The master keys in memory: wraps with the current one, unwraps with whichever key a wrapping names. */
export class MasterKeyring {
  readonly currentId: string;
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(masterKeys: Pick<MasterKeys, 'current' | 'previous'>) {
    this.currentId = keyFingerprint(masterKeys.current);
    const keys = new Map<string, Buffer>([[this.currentId, masterKeys.current]]);
    for (const key of masterKeys.previous) keys.set(keyFingerprint(key), key);
    this.keys = keys;
  }

  wrap(key: Buffer, associatedData: string): { wrapped: string; masterKeyId: string } {
    const current = this.keys.get(this.currentId) as Buffer;
    return {
      wrapped: [WRAP_VERSION, this.currentId, ...seal(current, key, associatedData)].join('.'),
      masterKeyId: this.currentId,
    };
  }

  unwrap(wrapped: string, associatedData: string): Buffer {
    const [version, keyId, ...parts] = wrapped.split('.');
    if (version !== WRAP_VERSION || !keyId || parts.length !== 3)
      throw new DecryptionError('unknown wrapping format');
    const master = this.keys.get(keyId);
    if (!master) {
      throw new DecryptionError(
        `data key is wrapped by master key ${keyId}, which this process does not hold (add it to IEUM_PREVIOUS_MASTER_KEYS)`,
      );
    }
    return open(master, parts, associatedData);
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }
}
