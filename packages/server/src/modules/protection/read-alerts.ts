import {
  type AlertDetail,
  type AlertLevel,
  type AlertList,
  type AlertListItem,
  type AlertOutcome,
  type AlertQuery,
  type AlertStatus,
  addDays,
  type ContactMethod,
  type Need,
  type ServiceKind,
  type ServiceOutcome,
  type ServiceProvider,
  screeningRulesVersion,
  seoulDate,
} from '@ieum/domain';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import {
  type AlertListRow,
  type AlertRow,
  alertEventRows,
  findAlertListRow,
  isOverdue,
  listAlertRows,
  refuseAlertOutOfScope,
} from './alerts.repository';
import { alertContactRows, alertServiceRows, personSignals } from './person-protection.repository';
import { contactFindingsField } from './sealed-fields';

type Reason = AlertListItem['topReasons'][number];

export function alertListItem(row: AlertListRow, now: Date): AlertListItem {
  const { alert } = row;
  const reasons = alert.reasons as Reason[];
  return {
    id: alert.id,
    person: { id: alert.personId, code: row.personCode },
    level: alert.level as AlertLevel,
    score: alert.score,
    status: alert.status as AlertStatus,
    organization: { id: alert.organizationId, name: row.organizationName },
    assignee:
      alert.assigneeId && row.assigneeName ? { id: alert.assigneeId, displayName: row.assigneeName } : null,
    openedAt: alert.openedAt.toISOString(),
    dueAt: alert.dueAt.toISOString(),
    firstContactAt: alert.firstContactAt?.toISOString() ?? null,
    escalatedAt: alert.escalatedAt?.toISOString() ?? null,
    overdue: isOverdue(alert, now),
    topReasons: [...reasons].sort((a, b) => b.points - a.points).slice(0, 2),
    version: alert.version,
  };
}

/** The triage queue: alerts of persons within the actor's scope, crisis first, then by deadline. */
export async function listAlerts(deps: Deps, options: { actor: Actor } & AlertQuery): Promise<AlertList> {
  const now = deps.now();
  const { rows, total, counts } = await listAlertRows(deps.db, options.actor, {
    filter: options,
    now,
    page: options.page,
    pageSize: options.pageSize,
  });
  return {
    items: rows.map((row) => alertListItem(row, now)),
    total,
    page: options.page,
    pageSize: options.pageSize,
    counts,
  };
}

/**
 * The days whose signals explain an alert: from the longest signal window of the rules that scored it,
 * counted back from the day it opened, up to the day it closed (signals received while it is open attach to it).
 */
function signalDays(alert: AlertRow, now: Date): { after: string; until: string } {
  let longest = 365;
  try {
    const windows = Object.values(screeningRulesVersion(alert.rulesVersion).signals).map(
      (rule) => rule.windowDays,
    );
    longest = Math.max(...windows);
  } catch {
    // A rules version this build does not know (written by a newer one): a year back is a safe reading.
  }
  return { after: addDays(seoulDate(alert.openedAt), -longest), until: seoulDate(alert.closedAt ?? now) };
}

/**
 * One alert with its explanation (the stored reasons and the signals of its window), the outreach done
 * (findings unsealed), the services linked and its history. Audited as a view of the person's data.
 */
export async function getAlert(deps: Deps, options: { actor: Actor; alertId: string }): Promise<AlertDetail> {
  const now = deps.now();
  const row = await findAlertListRow(deps.db, options.actor, options.alertId);
  if (!row) throw await refuseAlertOutOfScope(deps.db, options.alertId);
  const { alert } = row;
  const [signals, contacts, services, events, unseal] = await Promise.all([
    personSignals(deps.db, alert.personId, { ...signalDays(alert, now), limit: 500 }),
    alertContactRows(deps.db, alert.id),
    alertServiceRows(deps.db, alert.id),
    alertEventRows(deps.db, alert.id),
    deps.vault.unsealerFor(deps.db, 'person', [alert.personId]),
  ]);
  const detail: AlertDetail = {
    ...alertListItem(row, now),
    rulesVersion: alert.rulesVersion,
    reasons: alert.reasons as Reason[],
    signals,
    contacts: contacts.map(({ contact, recorderName }) => ({
      id: contact.id,
      contactedAt: contact.contactedAt.toISOString(),
      method: contact.method as ContactMethod,
      reached: contact.reached,
      findings: contact.findingsSealed
        ? unseal(alert.personId, contactFindingsField(contact.id), contact.findingsSealed)
        : null,
      needs: contact.needs as Need[],
      recordedBy: { id: contact.recordedBy, displayName: recorderName },
    })),
    services: services.map(({ service, recorderName }) => ({
      id: service.id,
      kind: service.kind as ServiceKind,
      provider: service.provider as ServiceProvider,
      providerName: service.providerName,
      outcome: service.outcome as ServiceOutcome,
      amount: service.amount,
      providedOn: service.providedOn,
      recordedBy: { id: service.recordedBy, displayName: recorderName },
    })),
    events: events.map(({ event, actorName }) => ({
      at: event.at.toISOString(),
      kind: event.kind as AlertDetail['events'][number]['kind'],
      actor: event.actorId && actorName ? { id: event.actorId, displayName: actorName } : null,
      detail: event.detail,
    })),
    outcome: (alert.outcome as AlertOutcome | null) ?? null,
    followUpOn: alert.followUpOn,
    closedAt: alert.closedAt?.toISOString() ?? null,
  };
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'protection_alert',
    entityId: alert.id,
    subjectId: alert.personId,
    detail: { contacts: contacts.length, signals: signals.length },
  });
  return detail;
}
