import type { MasterPlanInput, MasterPlanView } from '@ieum/domain';
import { asc } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { masterPlans } from './schema';

function view(row: typeof masterPlans.$inferSelect): MasterPlanView {
  return {
    id: row.id,
    titleKo: row.titleKo,
    titleEn: row.titleEn,
    startYear: row.startYear,
    endYear: row.endYear,
    categories: [...row.categories].sort((a, b) => a.code - b.code),
    version: row.version,
  };
}

export async function listMasterPlans(deps: Deps): Promise<{ items: MasterPlanView[] }> {
  const rows = await deps.db.select().from(masterPlans).orderBy(asc(masterPlans.startYear));
  return { items: rows.map(view) };
}

/** Records a master plan (기본계획) and its categories, from which yearly plans are made. */
export async function createMasterPlan(
  deps: Deps,
  options: { actor: Actor; input: MasterPlanInput },
): Promise<MasterPlanView> {
  const { input } = options;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(masterPlans)
      .values({
        id: newId(),
        titleKo: input.titleKo,
        titleEn: input.titleEn,
        startYear: input.startYear,
        endYear: input.endYear,
        categories: input.categories,
        createdBy: options.actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, {
      action: 'create',
      entityType: 'master_plan',
      entityId: row.id,
      detail: { startYear: input.startYear, endYear: input.endYear, categories: input.categories.length },
    });
    return view(row);
  });
}
