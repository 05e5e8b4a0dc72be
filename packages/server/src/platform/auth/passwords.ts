import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum profile (19 MiB, t=2, p=1): ~11 ms per hash on these machines.
// `Algorithm` is a const enum that isolatedModules cannot inline; 2 is Algorithm.Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the same time as a real check, so response time does not tell whether an account exists. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('ieum-timing-equalizer');
  await verifyPassword(await dummyHash, password);
}
