import { sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import { rowsOf } from '../../platform/db/rows';
import type { Deps } from '../../platform/deps';

/**
 * Marks every open alert whose deadline passed without a reached contact as escalated, once: the Hana
 * Center manager's queue shows it at the top, and its timeline says when. Escalation does not change the
 * assignee; the manager decides (reassign, ask the safety officer to visit).
 */
export async function escalateOverdueAlerts(deps: Deps): Promise<{ escalated: number }> {
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const rows = rowsOf<{ id: string; person_id: string; level: string }>(
      await tx.execute(sql`
        with escalated as (
          update protection_alerts set escalated_at = ${now}, version = version + 1, updated_at = ${now}
          where status <> 'closed' and first_contact_at is null and escalated_at is null and due_at < ${now}
          returning id, person_id, level, due_at
        ),
        events as (
          insert into protection_alert_events (id, alert_id, at, kind, actor_id, detail)
          select gen_random_uuid(), id, ${now}, 'escalated', null,
                 jsonb_build_object('level', level, 'dueAt', due_at)
          from escalated
        )
        select id, person_id, level from escalated`),
    );
    if (rows.length > 0) {
      await appendAudit(tx, {
        action: 'update',
        entityType: 'protection_alert',
        actor: null,
        detail: { escalated: rows.length, byLevel: countBy(rows.map((row) => row.level)) },
      });
    }
    return { escalated: rows.length };
  });
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
