import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError, problemOf } from '../../../platform/api';
import { hasPermission, useMe } from '../../../platform/auth/session';
import { PageLoader } from '../../../platform/ui/PageLoader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { Section } from '../../../platform/ui/Section';
import { type PlanDetailData, useConsultation } from '../api';
import { CommentForm, CommentRefused } from './CommentForm';
import { CommentList } from './CommentList';
import { ConsultationSetupForm } from './ConsultationSetup';
import { ConsultationExports, ConsultationSummary } from './ConsultationSummary';
import { InviteeOverview } from './InviteeOverview';
import { commentStanding } from './standing';

/**
 * The written consultation of a plan revision (서면 협의): its setup (period, message, invitees; the plan
 * manager edits it while the plan is a draft), who has answered, the invitee's own comment form while the
 * period is open, and every comment with the plan manager's review.
 */
export function ConsultationTab({ plan }: { plan: PlanDetailData }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useConsultation(plan.id);
  // No consultation has been set for this revision yet: the server answers 404.
  const notSet = isApiError(query.error) && query.error.status === 404;
  if (query.isError && !notSet)
    return <ProblemAlert problem={problemOf(query.error, t('errors.loadFailed'))} />;
  if (query.isPending && !notSet) return <PageLoader />;
  const consultation = notSet ? null : (query.data ?? null);

  const canManage = hasPermission(me, 'plans.manage');
  const canEditSetup = canManage && plan.status === 'draft';
  const standing = hasPermission(me, 'plans.comment')
    ? commentStanding(plan, consultation, me, new Date())
    : null;

  return (
    <Stack gap="lg" data-testid="plan-consultation">
      <Section id="plan-consultation-setup" heading={t('plan.consultation.setupHeading')}>
        <Stack gap="md">
          {canEditSetup ? (
            <ConsultationSetupForm plan={plan} consultation={consultation} />
          ) : consultation ? (
            <ConsultationSummary consultation={consultation} labelledBy="plan-consultation-setup" />
          ) : (
            <Stack gap={4}>
              <Text size="sm" data-testid="plan-consultation-not-set">
                {t('plan.consultation.notSet')}
              </Text>
              {plan.previousRevisionId && plan.status !== 'draft' ? (
                // A revision finalized without a consultation of its own: the record is its predecessor's.
                <Anchor
                  component={Link}
                  to={`/plans/${plan.previousRevisionId}/consultation`}
                  size="sm"
                  data-testid="plan-consultation-previous"
                >
                  {t('plan.consultation.previousRecord')}
                </Anchor>
              ) : null}
            </Stack>
          )}
          {canManage && !canEditSetup ? (
            <Text size="xs" c="dimmed">
              {t('plan.consultation.lockedHelp')}
            </Text>
          ) : null}
          {consultation ? <ConsultationExports planId={plan.id} /> : null}
        </Stack>
      </Section>
      {consultation ? (
        <Section id="plan-consultation-invitees" heading={t('plan.consultation.inviteesHeading')}>
          <InviteeOverview consultation={consultation} />
        </Section>
      ) : null}
      {standing && consultation && plan.status !== 'draft' ? (
        <Section id="plan-consultation-comment" heading={t('plan.consultation.commentHeading')}>
          {standing.ok ? (
            <CommentForm plan={plan} consultation={consultation} invitee={standing.answeringAs} />
          ) : (
            <CommentRefused reason={standing.reason} consultation={consultation} />
          )}
        </Section>
      ) : null}
      {consultation ? (
        <Section id="plan-consultation-comments" heading={t('plan.consultation.commentsHeading')}>
          <CommentList
            plan={plan}
            consultation={consultation}
            canResolve={canManage && plan.status === 'in_consultation'}
          />
        </Section>
      ) : null}
    </Stack>
  );
}
