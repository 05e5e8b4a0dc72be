import { z } from 'zod';
import { IsoDateString } from '../registry/schemas';
import { CaseStatus, NeedDomain, NeedScore, NoteSensitivity } from './lifecycle';

export const CaseOpen = z.object({ personId: z.uuid(), assignedWorkerId: z.uuid().optional() });
export const CaseTransition = z.object({
  to: CaseStatus,
  reason: z.string().trim().max(500).optional(),
  version: z.number().int(),
});
export const CaseAssignment = z.object({ assignedWorkerId: z.uuid(), version: z.number().int() });

export const NoteInput = z.object({
  body: z.string().trim().min(1).max(10_000),
  sensitivity: NoteSensitivity.default('normal'),
});
export const AssessmentInput = z.object({
  scores: z.partialRecord(NeedDomain, NeedScore),
  summary: z.string().trim().max(4000).optional(),
});
export const GOAL_STATUSES = ['planned', 'in_progress', 'achieved', 'dropped'] as const;
export const GoalInput = z.object({
  domain: NeedDomain,
  goal: z.string().trim().min(1).max(1000),
  targetOn: IsoDateString,
});
export const GoalUpdate = z.object({ status: z.enum(GOAL_STATUSES), version: z.number().int() });

export const CaseNote = z.object({
  id: z.uuid(),
  authorUsername: z.string(),
  sensitivity: NoteSensitivity,
  body: z.string(),
  createdAt: z.string(),
});
export const Assessment = z.object({
  id: z.uuid(),
  assessedOn: z.string(),
  assessorUsername: z.string(),
  scores: z.record(z.string(), z.number().int()),
  priorities: z.array(NeedDomain),
  summary: z.string().nullable(),
});
export const Goal = z.object({
  id: z.uuid(),
  domain: NeedDomain,
  goal: z.string(),
  targetOn: z.string(),
  status: z.enum(GOAL_STATUSES),
  version: z.number().int(),
});
export const CaseSummary = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), code: z.string(), maskedName: z.string() }),
  status: CaseStatus,
  assignedWorker: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  version: z.number().int(),
});
export const CaseDetail = CaseSummary.extend({
  allowedTransitions: z.array(CaseStatus),
  notes: z.array(CaseNote),
  /** Notes the reader may not open; their existence is shown, not their content. */
  withheldNotes: z.number().int(),
  assessments: z.array(Assessment),
  goals: z.array(Goal),
  history: z.array(
    z.object({ status: CaseStatus, at: z.string(), byUsername: z.string(), reason: z.string().nullable() }),
  ),
});
export const CaseQuery = z.object({
  // Not z.coerce.boolean(): that reads the string 'false' as true.
  mine: z.stringbool().default(false),
  status: CaseStatus.optional(),
  /** One person's cases (their page's case tab), still within the reader's caseload. */
  personId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number().int() });
/** The active case workers of the reader's center: who a case may be assigned to. */
export const CaseWorkerList = z.object({
  items: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
});

export const TransferRequest = z.object({ toCenterId: z.uuid(), reason: z.string().trim().min(2).max(1000) });
export const TransferAcceptance = z.object({ assignedWorkerId: z.uuid() });
export const TransferDecline = z.object({ reason: z.string().trim().min(2).max(1000) });
export const Transfer = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  person: z.object({ code: z.string(), maskedName: z.string(), birthYear: z.number().int().nullable() }),
  fromCenter: z.string(),
  toCenter: z.string(),
  status: z.enum(['requested', 'accepted', 'declined', 'cancelled']),
  reason: z.string(),
  decisionReason: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  newCaseId: z.uuid().nullable(),
});
export const TransferList = z.object({ items: z.array(Transfer) });
export const TransferQuery = z.object({ box: z.enum(['incoming', 'outgoing']).default('incoming') });
