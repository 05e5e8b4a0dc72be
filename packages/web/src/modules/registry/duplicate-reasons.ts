import type { DuplicateReasonCode } from '@ieum/domain';
import type { TFunction } from 'i18next';
import type { DuplicateReasonData } from './api';

// Every reason the domain's score can give, checked against its union at compile time.
const KNOWN_REASONS: Record<DuplicateReasonCode, true> = {
  rrn_equal: true,
  name_equal: true,
  name_similar: true,
  name_romanization: true,
  birth_date_equal: true,
  birth_date_transposed: true,
  birth_year_equal: true,
  sex_differs: true,
};

function isKnownReason(code: string): code is DuplicateReasonCode {
  return Object.hasOwn(KNOWN_REASONS, code);
}

function reasonLabel(t: TFunction, code: DuplicateReasonCode, similarity: number | undefined): string {
  switch (code) {
    case 'name_similar':
      return t('persons.duplicates.reasons.name_similar', {
        percent: Math.round((similarity ?? 0) * 100),
      });
    case 'rrn_equal':
    case 'name_equal':
    case 'name_romanization':
    case 'birth_date_equal':
    case 'birth_date_transposed':
    case 'birth_year_equal':
    case 'sex_differs':
      return t(`persons.duplicates.reasons.${code}`);
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/**
 * One reason of a duplicate score in plain words: "이름 유사(자모 유사도 92%)", and, when a former name or alias
 * was what matched, which names met ("입력한 다른 이름 ↔ 기존 기록의 이름").
 */
export function reasonText(t: TFunction, reason: DuplicateReasonData): string {
  if (!isKnownReason(reason.code)) return t('persons.duplicates.reasons.other', { code: reason.code });
  const label = reasonLabel(t, reason.code, reason.similarity);
  const names = reason.names;
  if (!names || (names.incoming === 'current' && names.existing === 'current')) return label;
  return t('persons.duplicates.namesMet', {
    reason: label,
    incoming: t(`persons.duplicates.incomingName.${names.incoming}`),
    existing: t(`persons.duplicates.existingName.${names.existing}`),
  });
}

/** "+50점", "−30점": the points a reason added to the score or took away. */
export function pointsText(t: TFunction, points: number): string {
  const signed = points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '0';
  return t('persons.duplicates.points', { points: signed });
}
