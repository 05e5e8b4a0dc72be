import { z } from 'zod';

/**
 * The life of a settlement case at a Hana Center: intake → assessment → active → review → closed, with
 * review able to return to active, and a transfer to another center ending this center's case.
 */
export const CASE_STATUSES = ['intake', 'assessment', 'active', 'review', 'closed', 'transferred'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  intake: ['assessment', 'closed'],
  assessment: ['active', 'closed'],
  active: ['review', 'closed'],
  review: ['active', 'closed'],
  closed: [],
  transferred: [],
};

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isOpen(status: CaseStatus): boolean {
  return status !== 'closed' && status !== 'transferred';
}

/** The nine domains of the needs assessment; each scored 0 (no need) to 4 (severe need). */
export const NEED_DOMAINS = [
  'employment',
  'education',
  'housing',
  'health',
  'mental_health',
  'finances',
  'legal',
  'family',
  'social_ties',
] as const;
export const NeedDomain = z.enum(NEED_DOMAINS);
export type NeedDomain = z.infer<typeof NeedDomain>;

export const NeedScore = z.number().int().min(0).max(4);

/**
 * Who may read a case note: `normal` — everyone who may read the case; `sensitive` — the case's worker and
 * the center manager; `restricted` — the author and the center manager only.
 */
export const NOTE_SENSITIVITIES = ['normal', 'sensitive', 'restricted'] as const;
export const NoteSensitivity = z.enum(NOTE_SENSITIVITIES);
export type NoteSensitivity = z.infer<typeof NoteSensitivity>;

export interface NoteReader {
  readonly userId: string;
  readonly isCenterManager: boolean;
  readonly isCaseWorkerOfCase: boolean;
}

export function mayReadNote(
  note: { sensitivity: NoteSensitivity; authorId: string },
  reader: NoteReader,
): boolean {
  switch (note.sensitivity) {
    case 'normal':
      return true;
    case 'sensitive':
      return reader.isCenterManager || reader.isCaseWorkerOfCase || note.authorId === reader.userId;
    case 'restricted':
      return reader.isCenterManager || note.authorId === reader.userId;
    default: {
      const unknown: never = note.sensitivity;
      return unknown;
    }
  }
}

/** The highest-need domains first: what the service plan should address. */
export function priorityNeeds(scores: Partial<Record<NeedDomain, number>>, threshold = 3): NeedDomain[] {
  return NEED_DOMAINS.filter((domain) => (scores[domain] ?? 0) >= threshold).sort(
    (a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || NEED_DOMAINS.indexOf(a) - NEED_DOMAINS.indexOf(b),
  );
}
