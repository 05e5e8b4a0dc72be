import { INCENTIVE_LABELS, type RecipientType, type SignalType, signalTypeDefinition } from '@ieum/domain';
import type { TFunction } from 'i18next';
import type { TimelineEventData } from './api';

function consentRecipient(
  t: TFunction,
  event: { recipientOrganization: string | null; recipientType: RecipientType | null },
): string {
  if (event.recipientOrganization) return event.recipientOrganization;
  return event.recipientType
    ? t('personTimeline.anyOfType', { type: t(`organizationTypes.${event.recipientType}`) })
    : '';
}

function signalLabel(t: TFunction, type: SignalType): string {
  // The catalogue of signal types is the domain's (with its source agencies), in both languages.
  const definition = signalTypeDefinition(type);
  return definition[i18nLocale(t)];
}

/** The language the labels are in (the domain's tables carry both). */
function i18nLocale(t: TFunction): 'ko' | 'en' {
  return t('personTimeline.labelLanguage') === 'en' ? 'en' : 'ko';
}

/** What happened, in a sentence of the user's language. Never free text: the server sends none. */
export function eventText(
  t: TFunction,
  event: TimelineEventData,
  centerName: (name: string) => string = (name) => name,
): string {
  switch (event.kind) {
    case 'registered':
      return t('personTimeline.kinds.registered');
    case 'case_opened':
      return t('personTimeline.kinds.case_opened', { center: centerName(event.center) });
    case 'case_status_changed':
      return t('personTimeline.kinds.case_status_changed', {
        status: t(`personTimeline.caseStatuses.${event.status}`),
      });
    case 'assessment_recorded':
      return t('personTimeline.kinds.assessment_recorded');
    case 'goal_added':
      return t('personTimeline.kinds.goal_added', {
        domain: t(`personTimeline.needDomains.${event.domain}`),
      });
    case 'goal_changed':
      return t('personTimeline.kinds.goal_changed', {
        domain: t(`personTimeline.needDomains.${event.domain}`),
        status: t(`personTimeline.goalStatuses.${event.status}`),
      });
    case 'note_added':
      return t('personTimeline.kinds.note_added', {
        sensitivity: t(`personTimeline.sensitivities.${event.sensitivity}`),
      });
    case 'task_created':
      return t('personTimeline.kinds.task_created', {
        task: t(`personTimeline.taskKinds.${event.taskKind}`),
        due: event.dueOn,
      });
    case 'task_completed':
      return t('personTimeline.kinds.task_completed', {
        task: t(`personTimeline.taskKinds.${event.taskKind}`),
      });
    case 'consent_given':
      return t('personTimeline.kinds.consent_given', {
        recipient: consentRecipient(t, event),
        purpose: t(`personTimeline.purposes.${event.purpose}`),
      });
    case 'consent_withdrawn':
      return t('personTimeline.kinds.consent_withdrawn', {
        recipient: consentRecipient(t, event),
        purpose: t(`personTimeline.purposes.${event.purpose}`),
      });
    case 'referral_status':
      return t(`personTimeline.referral.${event.status}`, { recipient: event.recipient });
    case 'transfer_requested':
      return t('personTimeline.kinds.transfer_requested', {
        from: centerName(event.fromCenter),
        to: centerName(event.toCenter),
      });
    case 'transfer_decided':
      return t(`personTimeline.transfer.${event.status}`, {
        from: centerName(event.fromCenter),
        to: centerName(event.toCenter),
      });
    case 'signal_received':
      return t('personTimeline.kinds.signal_received', {
        signal: signalLabel(t, event.signalType),
        observed: event.observedOn,
      });
    case 'alert_opened':
      return t('personTimeline.kinds.alert_opened', {
        level: t(`personTimeline.alertLevels.${event.level}`),
      });
    case 'alert_contact':
      return t(
        event.reached
          ? 'personTimeline.kinds.alert_contact_reached'
          : 'personTimeline.kinds.alert_contact_missed',
        {
          method: t(`personTimeline.contactMethods.${event.method}`),
        },
      );
    case 'alert_closed':
      return t('personTimeline.kinds.alert_closed', {
        outcome: t(`personTimeline.alertOutcomes.${event.outcome}`),
      });
    case 'application_stage':
      return t('personTimeline.kinds.application_stage', {
        stage: t(`personTimeline.applicationStages.${event.stage}`),
        posting: event.posting,
        employer: event.employer,
      });
    case 'employment_started':
      return t(
        event.insured
          ? 'personTimeline.kinds.employment_started_insured'
          : 'personTimeline.kinds.employment_started',
        { employer: event.employer },
      );
    case 'employment_ended':
      return t('personTimeline.kinds.employment_ended', { employer: event.employer });
    case 'incentive_paid':
      return t('personTimeline.kinds.incentive_paid', {
        line: INCENTIVE_LABELS[event.line][i18nLocale(t)],
        amount: event.amount.toLocaleString(i18nLocale(t) === 'ko' ? 'ko-KR' : 'en-US'),
      });
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The kind's group, for the badge beside each entry (words, not colour alone). */
export function eventGroup(
  event: TimelineEventData,
): 'registry' | 'case' | 'task' | 'consent' | 'referral' | 'transfer' | 'protection' | 'jobs' {
  switch (event.kind) {
    case 'registered':
      return 'registry';
    case 'case_opened':
    case 'case_status_changed':
    case 'assessment_recorded':
    case 'goal_added':
    case 'goal_changed':
    case 'note_added':
      return 'case';
    case 'task_created':
    case 'task_completed':
      return 'task';
    case 'consent_given':
    case 'consent_withdrawn':
      return 'consent';
    case 'referral_status':
      return 'referral';
    case 'transfer_requested':
    case 'transfer_decided':
      return 'transfer';
    case 'signal_received':
    case 'alert_opened':
    case 'alert_contact':
    case 'alert_closed':
      return 'protection';
    case 'application_stage':
    case 'employment_started':
    case 'employment_ended':
    case 'incentive_paid':
      return 'jobs';
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
