import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { permissionsOf, type Role } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { commitImport, previewImport } from '../modules/registry/import/cohort-import';
import { personScopes } from '../platform/access/scope';
import { openPlatform } from '../platform/bootstrap';
import type { Config } from '../platform/config';
import type { Actor } from '../platform/context';
import { users } from '../platform/db/schema';
import { AppError } from '../platform/errors';

/**
 * `npm run cli -- import:persons FILE --as USERNAME [--valid-only] [--dry-run]`: the web import's preview and
 * commit from a terminal. The import is done in the name of a real case worker account (for the access log
 * and the center it lands in); nothing personal is printed, only row numbers, masked names and messages.
 */
export const importPersonsCommand = {
  summary: 'import a cohort (CSV or XLSX) as a case worker: --as USERNAME [--valid-only] [--dry-run]',
  async run(config: Config, args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { as: { type: 'string' }, 'valid-only': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    });
    const file = positionals[0];
    if (!file || !values.as) {
      console.error('usage: npm run cli -- import:persons FILE --as USERNAME [--valid-only] [--dry-run]');
      return 1;
    }
    const platform = await openPlatform(config);
    try {
      const [user] = await platform.deps.db
        .select()
        .from(users)
        .where(eq(users.username, values.as.toLowerCase()));
      if (!user?.active) {
        console.error(`no active account named ${values.as}`);
        return 1;
      }
      const roles = user.roles as Role[];
      const actor: Actor = {
        userId: user.id,
        username: user.username,
        organizationId: user.organizationId,
        roles,
        permissions: new Set(permissionsOf(roles)),
        sessionId: 'cli',
      };
      const center = personScopes(actor).find((scope) => scope.kind === 'center');
      if (!actor.permissions.has('persons.create') || !center) {
        console.error(`${user.username} cannot register persons (a Hana Center case worker or manager can)`);
        return 1;
      }
      const preview = await previewImport(platform.deps, {
        actor,
        hanaCenterId: center.organizationId,
        fileName: basename(file),
        content: readFileSync(file),
        locale: 'ko',
      });
      console.log(
        `rows ${preview.total}: valid ${preview.valid}, invalid ${preview.invalid}, possible duplicates ${preview.duplicates}`,
      );
      if (preview.ignoredColumns.length > 0)
        console.log(`columns not read: ${preview.ignoredColumns.join(', ')}`);
      for (const row of preview.rows.filter((r) => r.status !== 'ok')) {
        const reasons = [
          ...row.errors.map((e) => `${e.path}: ${e.message}`),
          ...row.duplicates.map((d) => `중복 의심 ${d.code} (${d.score}점, ${d.level})`),
          ...(row.sameAsRow ? [`${row.sameAsRow}행과 같은 사람으로 보임`] : []),
        ];
        console.log(`  row ${row.row} ${row.maskedName ?? ''} [${row.status}] ${reasons.join('; ')}`);
      }
      if (values['dry-run']) return 0;
      const mode = values['valid-only'] ? 'valid' : 'all';
      const result = await commitImport(platform.deps, { actor, batchId: preview.id, mode });
      console.log(`imported ${result.imported} persons: ${result.codes.join(' ')}`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        console.error(error.detail?.ko ?? error.code);
        return 2;
      }
      throw error;
    } finally {
      await platform.close();
    }
  },
};
