/**
 * Masked names for lists and search results (identity shielding): the first and last syllables stay, the
 * middle is hidden — 김영희 → 김*희, 이준 → 이*, 남궁민수 → 남**수. Latin names keep the first letter of each
 * word. A masked name is a memory aid for the worker who knows the person, not an identifier.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '';
  if (/[A-Za-z]/.test(trimmed) && !/[\uAC00-\uD7A3]/.test(trimmed)) {
    return trimmed
      .split(/\s+/)
      .map((word) => `${word[0]}${'*'.repeat(Math.max(word.length - 1, 1))}`)
      .join(' ');
  }
  const chars = [...trimmed.replace(/\s+/g, '')];
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 010-****-5678: only the last four digits, which workers use to confirm a caller. */
export function maskPhone(digits: string): string {
  const clean = digits.replace(/\D/g, '');
  return clean.length >= 4 ? `***-****-${clean.slice(-4)}` : '****';
}
