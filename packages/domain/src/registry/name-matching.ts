import { disassemble, getChoseong, romanize } from 'es-hangul';

/**
 * Names: normalization, search tokens (for blind-indexed search over encrypted names), and similarity
 * for duplicate detection that copes with typing slips, name changes and romanization variants.
 */

const HANGUL_SYLLABLE = /^[\uAC00-\uD7A3]+$/;
const CHOSEONG_ONLY = /^[\u3131-\u314E]+$/;

export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, '').trim();
}

export function isChoseongQuery(query: string): boolean {
  return CHOSEONG_ONLY.test(normalizeName(query));
}

/** Unigrams and bigrams of a sequence: what a partial query of one or two characters is looked up by. */
function grams(chars: readonly string[]): string[] {
  const out = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return [...out];
}

export interface NameTokens {
  /** Syllable unigrams and bigrams: "김영희" → 김, 영, 희, 김영, 영희. */
  readonly syllables: string[];
  /** Initial-consonant unigrams and bigrams: "김영희" → ㄱ, ㅇ, ㅎ, ㄱㅇ, ㅇㅎ. */
  readonly choseong: string[];
  /** The whole normalized name, for exact matches. */
  readonly full: string;
}

export function nameTokens(name: string): NameTokens {
  const normalized = normalizeName(name);
  const chars = [...normalized];
  const hangul = HANGUL_SYLLABLE.test(normalized);
  return {
    syllables: grams(chars.map((c) => c.toLowerCase())),
    choseong: hangul ? grams([...getChoseong(normalized)]) : [],
    full: normalized.toLowerCase(),
  };
}

/**
 * What a name query looks up: a query of n characters is matched by all its bigrams (or its one unigram),
 * so "영희" finds 김영희 and 최영희, "ㄱㅇㅎ" finds 김영희 and 강영혜.
 */
export function nameQueryTokens(query: string): { kind: 'syllable' | 'choseong'; values: string[] } | null {
  const normalized = normalizeName(query).toLowerCase();
  if (normalized === '') return null;
  const kind = isChoseongQuery(normalized) ? 'choseong' : 'syllable';
  const chars = [...normalized];
  if (chars.length === 1) return { kind, values: chars };
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) bigrams.add(`${chars[i]}${chars[i + 1]}`);
  return { kind, values: [...bigrams] };
}

export function levenshtein(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Similarity 0..1 on the jamo level: 김영희 and 김영혜 differ by one vowel, not by a whole syllable. */
export function jamoSimilarity(a: string, b: string): number {
  const left = [...disassemble(normalizeName(a))];
  const right = [...disassemble(normalizeName(b))];
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 0 : 1 - levenshtein(left, right) / longest;
}

/**
 * Surnames with several customary romanizations, folded to one form. Given names vary less systematically;
 * the vowel folds below catch the usual ones (eo/ou/oo → u, ae → e, ee/ui → i).
 */
const SURNAME_VARIANTS: Record<string, string> = {
  lee: 'i',
  yi: 'i',
  rhee: 'i',
  ri: 'i',
  rhi: 'i',
  li: 'i',
  kim: 'gim',
  gim: 'gim',
  park: 'bak',
  pak: 'bak',
  bak: 'bak',
  pack: 'bak',
  choi: 'choe',
  choe: 'choe',
  chwe: 'choe',
  jung: 'jeong',
  jeong: 'jeong',
  chung: 'jeong',
  cheong: 'jeong',
  jong: 'jeong',
  kang: 'gang',
  gang: 'gang',
  cho: 'jo',
  jo: 'jo',
  joh: 'jo',
  yoon: 'yun',
  yun: 'yun',
  shin: 'sin',
  sin: 'sin',
  oh: 'o',
  o: 'o',
  seo: 'seo',
  suh: 'seo',
  so: 'seo',
  han: 'han',
  hahn: 'han',
  ryu: 'yu',
  yu: 'yu',
  yoo: 'yu',
  you: 'yu',
  ryoo: 'yu',
  rim: 'im',
  lim: 'im',
  im: 'im',
  ro: 'no',
  roh: 'no',
  noh: 'no',
  no: 'no',
  ko: 'go',
  koh: 'go',
  go: 'go',
  moon: 'mun',
  mun: 'mun',
  hwang: 'hwang',
  whang: 'hwang',
  song: 'song',
  jang: 'jang',
  chang: 'jang',
};

/** A romanization key: Hangul is romanized (Revised Romanization), Latin folded, variants unified. */
export function romanizationKey(name: string): string {
  const trimmed = name.normalize('NFC').trim();
  const hangul = HANGUL_SYLLABLE.test(trimmed.replace(/\s+/g, ''));
  // Hangul: surname is the first syllable (two-syllable surnames are rare and still compare well).
  const words = hangul
    ? [romanize(trimmed.replace(/\s+/g, '').slice(0, 1)), romanize(trimmed.replace(/\s+/g, '').slice(1))]
    : trimmed.split(/[\s,]+/).filter(Boolean);
  const folded = words.map((word) => word.toLowerCase().replace(/[^a-z]/g, ''));
  const [surname = '', ...given] = folded;
  const unifiedSurname = SURNAME_VARIANTS[surname] ?? surname;
  const givenKey = given
    .join('')
    .replace(/eo/g, 'u')
    .replace(/ou/g, 'u')
    .replace(/oo/g, 'u')
    .replace(/ae/g, 'e')
    .replace(/ee/g, 'i')
    .replace(/ui/g, 'i')
    .replace(/(.)\1/g, '$1');
  return `${unifiedSurname}:${givenKey}`;
}

export function romanizationSimilarity(a: string, b: string): number {
  const left = [...romanizationKey(a)];
  const right = [...romanizationKey(b)];
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 0 : 1 - levenshtein(left, right) / longest;
}
