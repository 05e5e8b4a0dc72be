import { addDays, addMonths, type Dashboard, seoulDate } from '@ieum/domain';
import { personScopes } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import {
  centerCaseload,
  centerOverdueByWorker,
  countAppointments,
  countHalfYearReports,
  countMyTasks,
  countProtectionEnding,
  countResidents,
} from './dashboard.repository';

/** Midnight in Seoul (UTC+9, no daylight saving) at the start of a date. */
function seoulMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/** The numbers of the actor's home page: their own work, and per role the center's or the municipality's. */
export async function readDashboard(deps: Deps, options: { actor: Actor }): Promise<Dashboard> {
  const { actor } = options;
  const scopes = personScopes(actor);
  const today = seoulDate(deps.now());
  const todayStart = seoulMidnight(today);
  const keepsAppointments = actor.permissions.has('cases.read');
  // A case worker looks at their own caseload; managers and officers at everyone in their scope.
  const ownCaseload = actor.roles.includes('case_worker') && !actor.roles.includes('center_manager');

  const [mine, appointmentsToday, protectionEndingSoon] = await Promise.all([
    countMyTasks(deps.db, actor, scopes, { today, weekEnd: addDays(today, 6) }),
    keepsAppointments
      ? countAppointments(
          deps.db,
          {
            assigneeId: actor.userId,
            organizationId: actor.organizationId,
            from: todayStart,
            to: seoulMidnight(addDays(today, 1)),
          },
          scopes,
        )
      : Promise.resolve(null),
    countProtectionEnding(deps.db, {
      scopes,
      caseWorkerId: ownCaseload ? actor.userId : null,
      from: today,
      to: addMonths(today, 3),
    }),
  ]);

  const center = actor.roles.includes('center_manager')
    ? {
        ...(await centerCaseload(deps.db, actor.organizationId, scopes)),
        overdueByWorker: await centerOverdueByWorker(deps.db, actor, scopes, { today, todayStart }),
      }
    : null;

  let municipality: Dashboard['municipality'] = null;
  if (actor.roles.includes('residence_officer')) {
    const reports = await countHalfYearReports(deps.db, actor, scopes, today);
    municipality = {
      residents: await countResidents(deps.db, actor.organizationId),
      reportsDue: reports.due,
      reportsOverdue: reports.overdue,
    };
  }

  return {
    today,
    myWork: {
      tasksDueToday: mine.dueToday,
      tasksDueThisWeek: mine.dueThisWeek,
      tasksOverdue: mine.overdue,
      appointmentsToday,
      protectionEndingSoon,
    },
    center,
    municipality,
  };
}
