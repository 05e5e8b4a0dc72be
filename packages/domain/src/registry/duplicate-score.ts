import { jamoSimilarity, normalizeName, romanizationSimilarity } from './name-matching';

/**
 * An explainable duplicate score between a person being registered and one already on record. The weights
 * are here, in one place; every point comes with a reason code the screen explains in plain words.
 */
export interface PersonIdentity {
  readonly name: string;
  /** Former names, aliases and the name used in North Korea. */
  readonly otherNames: readonly string[];
  readonly birthDate: string | null;
  readonly sex: 'male' | 'female' | null;
}

export type DuplicateReasonCode =
  | 'rrn_equal'
  | 'name_equal'
  | 'name_similar'
  | 'name_romanization'
  | 'birth_date_equal'
  | 'birth_date_transposed'
  | 'birth_year_equal'
  | 'sex_differs';

export interface DuplicateReason {
  readonly code: DuplicateReasonCode;
  readonly points: number;
  /** Which names met (`incoming` / `existing` say whether each is the current or another name). */
  readonly names?: { readonly incoming: 'current' | 'other'; readonly existing: 'current' | 'other' };
  readonly similarity?: number;
}

export type DuplicateLevel = 'certain' | 'likely' | 'possible' | 'unlikely';

export interface DuplicateAssessment {
  readonly score: number;
  readonly level: DuplicateLevel;
  readonly reasons: readonly DuplicateReason[];
}

export const DUPLICATE_WEIGHTS = {
  nameEqual: 50,
  nameSimilarMax: 50,
  nameSimilarThreshold: 0.75,
  romanizationMax: 45,
  romanizationThreshold: 0.85,
  /** A match on a former name or alias counts a little less than one on the current name. */
  otherNameFactor: 0.9,
  birthDateEqual: 40,
  birthDateTransposed: 20,
  birthYearEqual: 10,
  sexDiffers: -30,
  likely: 75,
  possible: 60,
} as const;

interface NameMatch {
  readonly reason: DuplicateReason;
}

function bestNameMatch(incoming: PersonIdentity, existing: PersonIdentity): NameMatch | null {
  const w = DUPLICATE_WEIGHTS;
  const left = [
    { name: incoming.name, role: 'current' as const },
    ...incoming.otherNames.map((name) => ({ name, role: 'other' as const })),
  ];
  const right = [
    { name: existing.name, role: 'current' as const },
    ...existing.otherNames.map((name) => ({ name, role: 'other' as const })),
  ];
  let best: NameMatch | null = null;
  for (const a of left) {
    for (const b of right) {
      const factor = a.role === 'current' && b.role === 'current' ? 1 : w.otherNameFactor;
      const names = { incoming: a.role, existing: b.role };
      const candidates: DuplicateReason[] = [];
      if (normalizeName(a.name).toLowerCase() === normalizeName(b.name).toLowerCase()) {
        candidates.push({ code: 'name_equal', points: Math.round(w.nameEqual * factor), names });
      } else {
        const jamo = jamoSimilarity(a.name, b.name);
        if (jamo >= w.nameSimilarThreshold) {
          candidates.push({
            code: 'name_similar',
            points: Math.round(w.nameSimilarMax * jamo * factor),
            names,
            similarity: round(jamo),
          });
        }
        const roman = romanizationSimilarity(a.name, b.name);
        if (roman >= w.romanizationThreshold) {
          candidates.push({
            code: 'name_romanization',
            points: Math.round(w.romanizationMax * roman * factor),
            names,
            similarity: round(roman),
          });
        }
      }
      for (const reason of candidates) if (!best || reason.points > best.reason.points) best = { reason };
    }
  }
  return best;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function assessDuplicate(
  incoming: PersonIdentity,
  existing: PersonIdentity,
  rrnEqual: boolean,
): DuplicateAssessment {
  const w = DUPLICATE_WEIGHTS;
  if (rrnEqual) return { score: 100, level: 'certain', reasons: [{ code: 'rrn_equal', points: 100 }] };
  const reasons: DuplicateReason[] = [];
  const name = bestNameMatch(incoming, existing);
  if (name) reasons.push(name.reason);
  if (incoming.birthDate && existing.birthDate) {
    if (incoming.birthDate === existing.birthDate)
      reasons.push({ code: 'birth_date_equal', points: w.birthDateEqual });
    else if (transposed(incoming.birthDate, existing.birthDate)) {
      reasons.push({ code: 'birth_date_transposed', points: w.birthDateTransposed });
    } else if (incoming.birthDate.slice(0, 4) === existing.birthDate.slice(0, 4)) {
      reasons.push({ code: 'birth_year_equal', points: w.birthYearEqual });
    }
  }
  if (incoming.sex && existing.sex && incoming.sex !== existing.sex)
    reasons.push({ code: 'sex_differs', points: w.sexDiffers });
  const score = Math.max(
    0,
    Math.min(
      99,
      reasons.reduce((sum, reason) => sum + reason.points, 0),
    ),
  );
  const level: DuplicateLevel = score >= w.likely ? 'likely' : score >= w.possible ? 'possible' : 'unlikely';
  return { score, level, reasons };
}

/** 1990-03-05 and 1990-05-03: day and month swapped, a frequent slip in documents from abroad. */
function transposed(a: string, b: string): boolean {
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  return ya === yb && ma === db && da === mb && ma !== da;
}
