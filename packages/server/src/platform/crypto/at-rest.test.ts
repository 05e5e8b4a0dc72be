import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext, scannedTables } from '../../testing/raw-scan';
import { users } from '../db/schema';

/**
 * What a stolen copy of the database shows: every table read raw, searched for the secrets that passed
 * through the API. Secrets must be stored encrypted (TOTP), hashed (passwords, session tokens) or not at all.
 */
describe('secrets at rest', () => {
  let platform: TestPlatform;
  let session: TestSession;
  let totpSecret: string;
  const typedIntoUsername = 'my-passphrase-typed-in-the-wrong-box';
  const wrongPassword = 'a-wrong-password-guess-4711';

  beforeAll(async () => {
    platform = await createTestPlatform();
    session = await platform.signIn('demo-case-worker');
    const setup = await session.request('POST', '/api/me/totp/setup');
    expect(setup.statusCode).toBe(200);
    totpSecret = setup.json().secret;
    const enable = await session.request('POST', '/api/me/totp/enable', {
      code: await generate({ secret: totpSecret }),
    });
    expect(enable.statusCode).toBe(204);
    // Failed sign-ins leave rows in the throttle table and the audit log.
    for (const [username, password] of [
      ['demo-admin', wrongPassword],
      [typedIntoUsername, TEST_PASSWORD],
    ]) {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      expect(response.statusCode).toBe(401);
    }
  });
  afterAll(() => platform.close());

  it('reads every table of the schema, the audit log and the migration journal included', async () => {
    const tables = await scannedTables(platform.deps.db);
    expect(tables).toEqual(
      expect.arrayContaining([
        'audit_log',
        'audit_reviews',
        'data_keys',
        'login_throttle',
        'organizations',
        'platform_secrets',
        'sessions',
        'users',
      ]),
    );
    expect(tables.some((name) => name.includes('__drizzle_migrations'))).toBe(true);
  });

  it('finds a value that is stored in plaintext, so an empty result means something', async () => {
    expect(await findPlaintext(platform.deps.db, ['데모 사례관리자', 'demo-case-worker'])).toEqual(
      expect.arrayContaining([
        { table: 'users', column: 'display_name', needle: '데모 사례관리자' },
        { table: 'users', column: 'username', needle: 'demo-case-worker' },
      ]),
    );
  });

  it('stores the TOTP secret encrypted under the user’s data key', async () => {
    const [user] = await platform.deps.db.select().from(users).where(eq(users.username, 'demo-case-worker'));
    expect(user?.totpSecret).toMatch(/^e1\./);
    expect(
      await platform.deps.vault.decrypt(
        platform.deps.db,
        { type: 'user', id: user?.id as string },
        'totp_secret',
        user?.totpSecret as string,
      ),
    ).toBe(totpSecret);
  });

  it('holds the TOTP secret, the passwords and the session token nowhere in plaintext', async () => {
    const cookieToken = session.cookie.replace(/^ieum_session=/, '');
    const masterKey = platform.config.masterKeys.current.toString('base64');
    expect(
      await findPlaintext(platform.deps.db, [
        totpSecret,
        TEST_PASSWORD,
        wrongPassword,
        cookieToken,
        masterKey,
      ]),
    ).toEqual([]);
  });

  it('does not keep a password typed into the username field', async () => {
    expect(await findPlaintext(platform.deps.db, [typedIntoUsername])).toEqual([]);
  });
});
