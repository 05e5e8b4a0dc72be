/**
 * Resident registration numbers (주민등록번호): `YYMMDD-GNNNNNN`. G gives sex and century (1/2: 1900s,
 * 3/4: 2000s, 9/0: 1800s; 5-8 are foreign residents' numbers). Numbers issued before October 2020 end in a
 * check digit; since then the last six digits are random, so a failing checksum is reported, not refused.
 */
export type RrnProblem = 'format' | 'birth_date' | 'sex_digit';

export interface ParsedRrn {
  /** The 13 digits without the hyphen: the form that is encrypted and blind-indexed. */
  readonly digits: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly foreignResident: boolean;
  /** False when the legacy check digit does not match (normal for numbers issued since 2020-10). */
  readonly legacyChecksumValid: boolean;
}

export type RrnResult =
  | { readonly ok: true; readonly value: ParsedRrn }
  | { readonly ok: false; readonly problem: RrnProblem };

const CENTURY: Record<string, { century: number; sex: 'male' | 'female'; foreign: boolean }> = {
  '9': { century: 1800, sex: 'male', foreign: false },
  '0': { century: 1800, sex: 'female', foreign: false },
  '1': { century: 1900, sex: 'male', foreign: false },
  '2': { century: 1900, sex: 'female', foreign: false },
  '3': { century: 2000, sex: 'male', foreign: false },
  '4': { century: 2000, sex: 'female', foreign: false },
  '5': { century: 1900, sex: 'male', foreign: true },
  '6': { century: 1900, sex: 'female', foreign: true },
  '7': { century: 2000, sex: 'male', foreign: true },
  '8': { century: 2000, sex: 'female', foreign: true },
};

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;

export function normalizeRrn(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function parseRrn(input: string): RrnResult {
  const digits = normalizeRrn(input);
  if (!/^\d{13}$/.test(digits)) return { ok: false, problem: 'format' };
  const rule = CENTURY[digits[6] as string];
  if (!rule) return { ok: false, problem: 'sex_digit' };
  const year = rule.century + Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: 'birth_date' };
  }
  const sum = WEIGHTS.reduce((acc, weight, index) => acc + weight * Number(digits[index]), 0);
  const check = (11 - (sum % 11)) % 10;
  return {
    ok: true,
    value: {
      digits,
      birthDate: `${String(year).padStart(4, '0')}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`,
      sex: rule.sex,
      foreignResident: rule.foreign,
      legacyChecksumValid: check === Number(digits[12]),
    },
  };
}

/** `900101-2******`: birth date and sex digit stay visible, the rest is hidden. */
export function maskRrn(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6, 7)}******`;
}
