import type { AlertLevel, PersonProtection } from '@ieum/domain';
import { personScopes } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { personAlertRows } from './alerts.repository';
import { findRiskScore, personSignals } from './person-protection.repository';
import { readProtectionProfile } from './protection-profile';
import { alertListItem } from './read-alerts';

const SIGNALS_SHOWN = 100;

/**
 * The protection tab of a person's page: the profile, the latest score with its reasons, the latest signals
 * and every alert. Audited as a view of the person's data.
 */
export async function readPersonProtection(
  deps: Deps,
  options: { actor: Actor; personId: string },
): Promise<PersonProtection> {
  const found = await personsFor(deps.db, personScopes(options.actor)).findById(options.personId);
  if (!found)
    throw await refuseOutOfScope(deps.db, {
      personId: options.personId,
      entityType: 'person_protection',
      entityId: options.personId,
    });
  const personId = found.person.id;
  const now = deps.now();
  const [profile, score, signals, alerts] = await Promise.all([
    readProtectionProfile(deps.db, personId),
    findRiskScore(deps.db, personId),
    personSignals(deps.db, personId, { limit: SIGNALS_SHOWN }),
    personAlertRows(deps.db, personId),
  ]);
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'person_protection',
    entityId: personId,
    subjectId: personId,
    detail: { signals: signals.length, alerts: alerts.length },
  });
  return {
    profile,
    score: score
      ? {
          score: score.score,
          level: (score.level as AlertLevel | null) ?? null,
          rulesVersion: score.rulesVersion,
          asOf: score.asOf,
          computedAt: score.computedAt.toISOString(),
          reasons: score.reasons as PersonProtection['alerts'][number]['topReasons'],
        }
      : null,
    signals,
    alerts: alerts.map((row) => alertListItem(row, now)),
  };
}
