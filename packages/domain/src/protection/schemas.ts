import { z } from 'zod';
import { IsoDateString } from '../registry/schemas';
import { SupportBenefit, VulnerabilityCategory } from './profile';
import { AlertLevel } from './screening-rules';
import { SignalType } from './signal-types';

/**
 * The protection module's API: signals in (agency systems, CSV, staff), the triage queue of alerts, outreach
 * and support, survey rounds and reports. Scores travel with their reasons as codes and numbers; the pages
 * render them in the reader's language with `describeReason`.
 */
const Version = z.number().int();
const UserRef = z.object({ id: z.uuid(), displayName: z.string() });
const OrgRef = z.object({ id: z.uuid(), name: z.string() });

export const AlertStatus = z.enum(['open', 'in_progress', 'closed']);
export type AlertStatus = z.infer<typeof AlertStatus>;

// ——— signals ———

/** One signal from an agency system: the person by resident registration number or by ieum's person ID. */
export const SignalSubmissionItem = z.object({
  rrn: z.string().max(20).optional(),
  /** ieum's person ID: the pseudonymous code (P-XXXX-XXXX) or the record's UUID. */
  personId: z.string().max(40).optional(),
  type: z.string().max(60),
  observedOn: z.string().max(20),
  value: z.number().finite().min(0).max(100000).optional(),
  /** The agency's own reference for this observation; a repeated reference is answered as a duplicate. */
  reference: z.string().trim().min(1).max(100).optional(),
});
export type SignalSubmissionItem = z.infer<typeof SignalSubmissionItem>;

export const SignalSubmission = z.object({ signals: z.array(z.unknown()).min(1).max(1000) });
export const FieldMessage = z.object({
  path: z.string(),
  message: z.object({ ko: z.string(), en: z.string() }),
});
export const SignalItemResult = z.object({
  index: z.number().int(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  signalId: z.uuid().optional(),
  errors: z.array(FieldMessage).optional(),
});
export type SignalItemResult = z.infer<typeof SignalItemResult>;
export const SignalSubmissionResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  results: z.array(SignalItemResult),
});
export type SignalSubmissionResult = z.infer<typeof SignalSubmissionResult>;

/** A signal a case worker or officer records by hand (a call, a neighbour, a returned letter). */
export const StaffSignalInput = z.object({
  personId: z.uuid(),
  type: SignalType,
  observedOn: IsoDateString,
  value: z.number().finite().min(0).max(100000).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type StaffSignalInput = z.infer<typeof StaffSignalInput>;

export const SignalView = z.object({
  id: z.uuid(),
  type: SignalType,
  observedOn: z.string(),
  value: z.number().nullable(),
  receivedAt: z.string(),
  via: z.enum(['api', 'import', 'staff']),
  sourceOrganization: OrgRef.nullable(),
});
export type SignalView = z.infer<typeof SignalView>;

// ——— profile ———

export const ProtectionProfileView = z.object({
  personId: z.uuid(),
  categories: z.array(VulnerabilityCategory),
  childrenInHousehold: z.number().int(),
  benefits: z.array(SupportBenefit),
  insuredRegularWorker: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: UserRef.nullable(),
  /** 0 when nothing has been recorded yet. */
  version: Version,
});
export type ProtectionProfileView = z.infer<typeof ProtectionProfileView>;

// ——— scores and alerts ———

/** A reason as stored with a score; see screening.ts `ScreeningReason` (validated loosely: the rules own it). */
export const ScreeningReasonView = z.looseObject({ code: z.string(), points: z.number() });

export const RiskScoreView = z.object({
  score: z.number().int(),
  level: AlertLevel.nullable(),
  rulesVersion: z.string(),
  asOf: z.string(),
  computedAt: z.string(),
  reasons: z.array(ScreeningReasonView),
});
export type RiskScoreView = z.infer<typeof RiskScoreView>;

export const AlertListItem = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), code: z.string() }),
  level: AlertLevel,
  score: z.number().int(),
  status: AlertStatus,
  organization: OrgRef,
  assignee: UserRef.nullable(),
  openedAt: z.string(),
  dueAt: z.string(),
  firstContactAt: z.string().nullable(),
  /** The deadline passed without a reached contact (and the manager was told). */
  escalatedAt: z.string().nullable(),
  overdue: z.boolean(),
  /** The two largest reasons, for the queue. */
  topReasons: z.array(ScreeningReasonView),
  version: Version,
});
export type AlertListItem = z.infer<typeof AlertListItem>;

export const AlertQuery = z.object({
  status: z.enum(['active', 'closed', 'all']).default('active'),
  level: AlertLevel.optional(),
  assignee: z.enum(['me', 'unassigned', 'any']).default('any'),
  overdue: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type AlertQuery = z.infer<typeof AlertQuery>;
export const AlertList = z.object({
  items: z.array(AlertListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({
    crisis: z.number().int(),
    high: z.number().int(),
    watch: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type AlertList = z.infer<typeof AlertList>;

export const CONTACT_METHODS = [
  'phone',
  'visit',
  'via_safety_officer',
  'text_message',
  'via_partner',
] as const;
export const ContactMethod = z.enum(CONTACT_METHODS);
export type ContactMethod = z.infer<typeof ContactMethod>;

export const NEEDS = [
  'livelihood',
  'housing',
  'utilities',
  'food',
  'medical',
  'mental_health',
  'employment',
  'education',
  'legal',
  'childcare',
] as const;
export const Need = z.enum(NEEDS);
export type Need = z.infer<typeof Need>;

export const ContactInput = z.object({
  contactedAt: z.iso.datetime({ offset: true }),
  method: ContactMethod,
  reached: z.boolean(),
  /** Sealed with the person's key. */
  findings: z.string().trim().max(4000).optional(),
  needs: z
    .array(Need)
    .max(NEEDS.length)
    .transform((values) => [...new Set(values)])
    .default([]),
  version: Version,
});
export type ContactInput = z.infer<typeof ContactInput>;

export const SERVICE_KINDS = [
  'emergency_welfare',
  'foundation_emergency_fund',
  'livelihood_benefit_application',
  'medical_aid_application',
  'utility_relief',
  'food_support',
  'housing_support',
  'mental_health_service',
  'private_support',
  'case_management',
] as const;
export const ServiceKind = z.enum(SERVICE_KINDS);
export type ServiceKind = z.infer<typeof ServiceKind>;
export const SERVICE_PROVIDERS = [
  'local_government',
  'foundation',
  'private',
  'hana_center',
  'other',
] as const;
export const ServiceProvider = z.enum(SERVICE_PROVIDERS);
export type ServiceProvider = z.infer<typeof ServiceProvider>;
export const SERVICE_OUTCOMES = ['requested', 'provided', 'declined', 'not_eligible'] as const;
export const ServiceOutcome = z.enum(SERVICE_OUTCOMES);
export type ServiceOutcome = z.infer<typeof ServiceOutcome>;

export const ServiceInput = z.object({
  kind: ServiceKind,
  provider: ServiceProvider,
  /** The providing organization's name as written (a local government, a church, a foundation programme). */
  providerName: z.string().trim().max(200).optional(),
  outcome: ServiceOutcome,
  /** Integer KRW, when money was given. */
  amount: z.number().int().min(0).max(1_000_000_000).optional(),
  providedOn: IsoDateString,
  version: Version,
});
export type ServiceInput = z.infer<typeof ServiceInput>;

export const ALERT_OUTCOMES = [
  'supported',
  'no_crisis_found',
  'case_management',
  'declined_support',
  'unreachable_police_notified',
  'moved_away',
  'deceased',
] as const;
export const AlertOutcome = z.enum(ALERT_OUTCOMES);
export type AlertOutcome = z.infer<typeof AlertOutcome>;

export const AlertClosing = z.object({
  outcome: AlertOutcome,
  /** Required except when the person has died. */
  followUpOn: IsoDateString.optional(),
  note: z.string().trim().max(2000).optional(),
  version: Version,
});
export type AlertClosing = z.infer<typeof AlertClosing>;

export const AlertAssignment = z.object({ assigneeId: z.uuid(), version: Version });

export const AlertEvent = z.object({
  at: z.string(),
  kind: z.enum([
    'opened',
    'signals_attached',
    'level_raised',
    'assigned',
    'contact',
    'service',
    'escalated',
    'closed',
  ]),
  actor: UserRef.nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AlertEvent = z.infer<typeof AlertEvent>;

export const ContactView = z.object({
  id: z.uuid(),
  contactedAt: z.string(),
  method: ContactMethod,
  reached: z.boolean(),
  findings: z.string().nullable(),
  needs: z.array(Need),
  recordedBy: UserRef,
});
export const ServiceView = z.object({
  id: z.uuid(),
  kind: ServiceKind,
  provider: ServiceProvider,
  providerName: z.string().nullable(),
  outcome: ServiceOutcome,
  amount: z.number().int().nullable(),
  providedOn: z.string(),
  recordedBy: UserRef,
});

export const AlertDetail = AlertListItem.extend({
  rulesVersion: z.string(),
  reasons: z.array(ScreeningReasonView),
  signals: z.array(SignalView),
  contacts: z.array(ContactView),
  services: z.array(ServiceView),
  events: z.array(AlertEvent),
  outcome: AlertOutcome.nullable(),
  followUpOn: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type AlertDetail = z.infer<typeof AlertDetail>;

// ——— screening runs ———

export const ScreeningRunView = z.object({
  id: z.uuid(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  trigger: z.enum(['nightly', 'manual', 'signals']),
  rulesVersion: z.string(),
  asOf: z.string(),
  persons: z.number().int(),
  scored: z.number().int(),
  alertsOpened: z.number().int(),
  alertsRaised: z.number().int(),
  durationMs: z.number().int().nullable(),
});
export type ScreeningRunView = z.infer<typeof ScreeningRunView>;
export const ScreeningRunList = z.object({ items: z.array(ScreeningRunView) });

// ——— survey rounds ———

export const SurveyCriteria = z.object({
  /** Persons in any of these categories (at least one). */
  categories: z.array(VulnerabilityCategory).min(1).max(17),
  excludeOnLivelihoodOrMedicalAid: z.boolean().default(true),
  excludeInsuredRegularWorkers: z.boolean().default(true),
});
export type SurveyCriteria = z.infer<typeof SurveyCriteria>;

export const SurveyRoundInput = z.object({
  name: z.string().trim().min(2).max(200),
  startsOn: IsoDateString,
  endsOn: IsoDateString,
  criteria: SurveyCriteria,
});
export type SurveyRoundInput = z.infer<typeof SurveyRoundInput>;

export const SURVEY_FINDINGS = ['no_concern', 'needs_support', 'crisis_suspect', 'unreachable'] as const;
export const SurveyFinding = z.enum(SURVEY_FINDINGS);
export type SurveyFinding = z.infer<typeof SurveyFinding>;

export const SurveyCheckResult = z.object({
  finding: SurveyFinding,
  checkedOn: IsoDateString,
  method: ContactMethod,
  note: z.string().trim().max(2000).optional(),
  version: Version,
});
export type SurveyCheckResult = z.infer<typeof SurveyCheckResult>;

/** Counts below 5 travel as null and show as "<5" (DESIGN.md, item 8). */
export const SuppressedCount = z.number().int().nullable();

export const SurveyRoundView = z.object({
  id: z.uuid(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  criteria: SurveyCriteria,
  createdBy: UserRef,
  createdAt: z.string(),
  selected: z.number().int(),
  checked: z.number().int(),
  findings: z.record(SurveyFinding, SuppressedCount),
  byOrganization: z.array(
    z.object({
      organization: OrgRef,
      selected: z.number().int(),
      checked: z.number().int(),
      crisisSuspects: SuppressedCount,
    }),
  ),
});
export type SurveyRoundView = z.infer<typeof SurveyRoundView>;

export const SurveyCheckView = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), code: z.string() }),
  assignee: UserRef.nullable(),
  finding: SurveyFinding.nullable(),
  checkedOn: z.string().nullable(),
  method: ContactMethod.nullable(),
  version: Version,
});
export type SurveyCheckView = z.infer<typeof SurveyCheckView>;

export const SurveyRoundList = z.object({ items: z.array(SurveyRoundView) });
export const SurveyRoundCreated = z.object({ id: z.uuid(), selected: z.number().int() });
export const SurveyCheckQuery = z.object({
  assignee: z.enum(['me', 'unassigned', 'any']).default('any'),
  status: z.enum(['pending', 'done']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const SurveyCheckList = z.object({
  items: z.array(SurveyCheckView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Everything the person page's protection tab shows. */
export const PersonProtection = z.object({
  profile: ProtectionProfileView,
  score: RiskScoreView.nullable(),
  signals: z.array(SignalView),
  alerts: z.array(AlertListItem),
});
export type PersonProtection = z.infer<typeof PersonProtection>;

export const AlertTake = z.object({ version: Version });

export const SignalTypeList = z.object({
  items: z.array(
    z.object({
      type: SignalType,
      ko: z.string(),
      en: z.string(),
      source: z.object({ ko: z.string(), en: z.string() }),
      valueUnit: z.object({ ko: z.string(), en: z.string() }).nullable(),
      validFrom: z.string(),
      validUntil: z.string().nullable(),
    }),
  ),
});

// ——— CSV import of signals (a file an agency sent; preview, then commit with progress) ———

export const SignalImportRow = z.object({
  /** 1-based line in the file, the header being line 1. */
  line: z.number().int(),
  status: z.enum(['valid', 'invalid']),
  personCode: z.string().nullable(),
  type: SignalType.nullable(),
  observedOn: z.string().nullable(),
  value: z.number().nullable(),
  errors: z.array(FieldMessage),
});
export const SignalImportView = z.object({
  id: z.uuid(),
  status: z.enum(['previewed', 'importing', 'done', 'cancelled']),
  total: z.number().int(),
  valid: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  /** Only in the answer to the upload; never stored in the clear. */
  rows: z.array(SignalImportRow).optional(),
});
export type SignalImportView = z.infer<typeof SignalImportView>;
export const SignalImportCommit = z.object({ onlyValid: z.boolean().default(false) });

// ——— reports ———

export const ProtectionReportQuery = z.object({ from: IsoDateString, to: IsoDateString });
export const ProtectionReport = z.object({
  from: z.string(),
  to: z.string(),
  scope: z.enum(['center', 'national']),
  alertsByLevel: z.record(AlertLevel, SuppressedCount),
  alertsByRegion: z.array(
    z.object({ region: z.string(), crisis: SuppressedCount, high: SuppressedCount, watch: SuppressedCount }),
  ),
  firstContact: z.object({
    /** Alerts with a reached contact in the period (suppressed below 5, and then the figures are null too). */
    reached: SuppressedCount,
    medianHours: z.number().nullable(),
    withinDeadlineShare: z.number().nullable(),
  }),
  outcomes: z.record(AlertOutcome, SuppressedCount),
  servicesByProvider: z.record(ServiceProvider, SuppressedCount),
  openOverdue: SuppressedCount,
});
export type ProtectionReport = z.infer<typeof ProtectionReport>;
