import { parseArgs } from 'node:util';
import { ApiKeyError, issueApiKey, listApiKeys, revokeApiKey } from '../platform/auth/api-keys';
import { openPlatform } from '../platform/bootstrap';
import type { Config } from '../platform/config';

/**
 * `npm run cli -- api-key:issue --username U --label L`, `api-key:revoke --id ID` and `api-key:list`: keys of
 * agency systems (platform/auth/api-keys.ts). Run by an operator on the server; the key is printed once and
 * exists nowhere else afterwards, so it goes straight into the agency's secret store.
 */
const REFUSALS: Record<ApiKeyError['reason'], string> = {
  no_account: 'no active account by that name (at an active organization)',
  not_agency_system: 'keys are only for accounts with the agency_system role (at a public agency)',
  label: 'the label takes 1 to 100 characters (say which system uses the key)',
  no_key: 'no key with that id',
  revoked: 'that key is already revoked',
};

async function withPlatform(
  config: Config,
  run: (deps: Awaited<ReturnType<typeof openPlatform>>['deps']) => Promise<number>,
) {
  const platform = await openPlatform(config);
  try {
    return await run(platform.deps);
  } catch (error) {
    if (error instanceof ApiKeyError) {
      console.error(REFUSALS[error.reason]);
      return 1;
    }
    throw error;
  } finally {
    await platform.close();
  }
}

export const issueApiKeyCommand = {
  summary: 'issue an API key for an agency system account: --username U --label L (printed once)',
  async run(config: Config, args: string[]): Promise<number> {
    const { values } = parseArgs({
      args,
      options: { username: { type: 'string' }, label: { type: 'string' } },
    });
    if (!values.username || !values.label) {
      console.error('usage: npm run cli -- api-key:issue --username USERNAME --label "which system"');
      return 1;
    }
    const { username, label } = values;
    return withPlatform(config, async (deps) => {
      const issued = await issueApiKey(deps, { username, label });
      console.log(
        [
          `key ${issued.id} issued to ${issued.username}. It is shown this once and cannot be read again:`,
          '',
          `  ${issued.key}`,
          '',
          'Send it as "Authorization: Bearer <key>" to POST /api/protection/signals.',
          `Revoke it with: npm run cli -- api-key:revoke --id ${issued.id}`,
        ].join('\n'),
      );
      return 0;
    });
  },
};

export const revokeApiKeyCommand = {
  summary: 'revoke an API key at once: --id ID',
  async run(config: Config, args: string[]): Promise<number> {
    const { values } = parseArgs({ args, options: { id: { type: 'string' } } });
    if (!values.id || !/^[0-9a-f-]{36}$/i.test(values.id)) {
      console.error('usage: npm run cli -- api-key:revoke --id KEY_ID (see api-key:list)');
      return 1;
    }
    const id = values.id;
    return withPlatform(config, async (deps) => {
      const revoked = await revokeApiKey(deps, { id });
      console.log(`key ${revoked.id} (${revoked.label}) of ${revoked.username} revoked`);
      return 0;
    });
  },
};

export const listApiKeysCommand = {
  summary: 'list API keys (id, account, label, last use, revocation): [--username U]',
  async run(config: Config, args: string[]): Promise<number> {
    const { values } = parseArgs({ args, options: { username: { type: 'string' } } });
    return withPlatform(config, async (deps) => {
      const keys = await listApiKeys(deps.db, values.username ? { username: values.username } : {});
      if (keys.length === 0) console.log('no keys');
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
        const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : 'never used';
        console.log(`${key.id}  ${key.username}  "${key.label}"  ${state}, ${used}`);
      }
      return 0;
    });
  },
};
