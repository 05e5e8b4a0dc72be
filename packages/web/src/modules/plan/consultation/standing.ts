import { checkComment, type Me, type PlanRefusal } from '@ieum/domain';
import type { ConsultationData, PlanDetailData } from '../api';

type Invitee = ConsultationData['invitees'][number];

/** Why the reader may not comment, in the words the tab shows (a subset of the domain's refusals). */
export type CommentRefusal = Extract<
  PlanRefusal,
  'not_in_consultation' | 'not_invited' | 'consultation_not_started' | 'consultation_ended'
>;

export type CommentStanding =
  | { readonly ok: true; readonly answeringAs: Invitee }
  | { readonly ok: false; readonly reason: CommentRefusal };

function refusal(reason: PlanRefusal): CommentRefusal {
  switch (reason) {
    case 'not_invited':
    case 'consultation_not_started':
    case 'consultation_ended':
      return reason;
    default:
      return 'not_in_consultation';
  }
}

/**
 * Whether `me` may comment now, by the domain's own rule (`checkComment`, Korean dates), and for whom they
 * answer: their organization when it is invited, otherwise themselves as a council member — as the server
 * decides. The server checks again; this only decides what the screen offers.
 */
export function commentStanding(
  plan: PlanDetailData,
  consultation: ConsultationData | null,
  me: Me,
  now: Date,
): CommentStanding {
  if (consultation === null) return { ok: false, reason: 'not_in_consultation' };
  const ids = (kind: Invitee['kind']) =>
    consultation.invitees.filter((i) => i.kind === kind).map((i) => i.id);
  const check = checkComment(
    {
      status: plan.status,
      year: plan.year,
      revision: plan.revision,
      taskCount: plan.taskCount,
      hasOpenRevision: false,
      consultation: {
        startsOn: consultation.startsOn,
        endsOn: consultation.endsOn,
        organizationIds: ids('organization'),
        councilMemberIds: ids('council_member'),
        answered: consultation.invitees.filter((i) => i.answered).length,
        unresolvedComments: consultation.unresolved,
      },
    },
    { userId: me.id, organizationId: me.organization.id, isPlanManager: false, isTaskReporter: false },
    now,
  );
  if (!check.ok) return { ok: false, reason: refusal(check.reason) };
  const answeringAs =
    consultation.invitees.find((i) => i.kind === 'organization' && i.id === me.organization.id) ??
    consultation.invitees.find((i) => i.kind === 'council_member' && i.id === me.id);
  // checkComment admitted the reader, so one of the two is there.
  return answeringAs ? { ok: true, answeringAs } : { ok: false, reason: 'not_invited' };
}
