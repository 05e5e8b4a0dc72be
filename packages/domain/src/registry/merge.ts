import { z } from 'zod';
import { DuplicateCandidate } from './schemas';

/** How long a merge can be undone. After that the two records stay one. */
export const MERGE_UNDO_DAYS = 30;

/** A duplicate candidate of an existing person; `personId` only for records the actor may see (and merge). */
export const MergeCandidate = DuplicateCandidate.extend({ personId: z.uuid().nullable() });
export const MergeCandidateList = z.object({ candidates: z.array(MergeCandidate) });

/** `POST /api/persons/{survivorId}/merges`: fold `mergedId` into the survivor, both at the versions seen. */
export const PersonMergeRequest = z.object({
  mergedId: z.uuid(),
  survivorVersion: z.number().int().positive(),
  mergedVersion: z.number().int().positive(),
  reason: z.string().trim().min(5).max(500),
});
export type PersonMergeRequest = z.infer<typeof PersonMergeRequest>;

export const PersonMergeUndo = z.object({ reason: z.string().trim().min(5).max(500) });

/** What a merge moved from the merged record to the survivor, counted by kind (the ids stay on the server). */
export const MERGE_MOVED_KINDS = [
  'cases',
  'caseTransfers',
  'tasks',
  'consents',
  'referrals',
  'appointments',
  'searchTokens',
  'protectionSignals',
  'protectionAlerts',
  'surveyChecks',
  'protectionProfiles',
  'seekerProfiles',
  'jobApplications',
  'employmentRecords',
  'trainingEnrolments',
  'incentivePayments',
] as const;
export const MergeMovedKind = z.enum(MERGE_MOVED_KINDS);
export type MergeMovedKind = z.infer<typeof MergeMovedKind>;

/** Fields of the survivor a merge may fill from the merged record (only where the survivor had none). */
export const MERGE_FILLED_FIELDS = [
  'otherNames',
  'rrn',
  'birthDate',
  'sex',
  'phone',
  'address',
  'originProvince',
  'arrivalDate',
  'hanawonClass',
  'hanawonCompletionDate',
  'protectionDecisionDate',
  'residenceStartDate',
  'residenceRegion',
  'municipalityId',
] as const;
export const MergeFilledField = z.enum(MERGE_FILLED_FIELDS);
export type MergeFilledField = z.infer<typeof MergeFilledField>;

export const PersonMerge = z.object({
  id: z.uuid(),
  survivor: z.object({ id: z.uuid(), code: z.string() }),
  merged: z.object({ id: z.uuid(), code: z.string() }),
  mergedBy: z.string(),
  mergedAt: z.string(),
  reason: z.string(),
  moved: z.partialRecord(MergeMovedKind, z.number().int()),
  filledFields: z.array(MergeFilledField),
  undoUntil: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  undoReason: z.string().nullable(),
});
export type PersonMerge = z.infer<typeof PersonMerge>;

export const PersonMergeList = z.object({ items: z.array(PersonMerge) });

/** The extension member of a `person.merged` problem: where a merged record's data now lives. */
export const MergedInto = z.object({ id: z.uuid(), code: z.string() });
