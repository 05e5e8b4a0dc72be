import { nameQueryTokens, nameTokens, normalizeRrn, romanizationKey } from '@ieum/domain';
import type { Vault } from '../../platform/crypto/vault';

/**
 * Keyed search tokens. Each searchable value becomes HMAC(index key, kind + value), truncated to 128 bits:
 * equal values meet, nothing can be read back, and a copy of the table without the key reveals only how
 * often tokens repeat.
 */
export type TokenKind = 'syllable' | 'choseong' | 'full' | 'roman' | 'phone4' | 'birth';

export function searchToken(vault: Vault, kind: TokenKind, value: string): string {
  return vault.blindIndex(`person-search:${kind}`, value).slice(0, 32);
}

export function rrnIndex(vault: Vault, rrn: string): string {
  return vault.blindIndex('person-rrn', normalizeRrn(rrn));
}

export interface SearchableValues {
  readonly names: readonly string[];
  readonly phone: string | null;
  readonly birthDate: string | null;
}

export function tokensForPerson(vault: Vault, values: SearchableValues): string[] {
  const tokens = new Set<string>();
  for (const name of values.names) {
    const grams = nameTokens(name);
    for (const gram of grams.syllables) tokens.add(searchToken(vault, 'syllable', gram));
    for (const gram of grams.choseong) tokens.add(searchToken(vault, 'choseong', gram));
    tokens.add(searchToken(vault, 'full', grams.full));
    tokens.add(searchToken(vault, 'roman', romanizationKey(name)));
  }
  if (values.phone && values.phone.length >= 4)
    tokens.add(searchToken(vault, 'phone4', values.phone.slice(-4)));
  if (values.birthDate) tokens.add(searchToken(vault, 'birth', values.birthDate));
  return [...tokens];
}

/** The tokens that bring up possible duplicates: any equal name (as written or romanized), or the birth date. */
export function duplicateProbeTokens(
  vault: Vault,
  values: { names: readonly string[]; birthDate: string | null },
): string[] {
  const tokens = new Set<string>();
  for (const name of values.names) {
    tokens.add(searchToken(vault, 'full', nameTokens(name).full));
    tokens.add(searchToken(vault, 'roman', romanizationKey(name)));
  }
  if (values.birthDate) tokens.add(searchToken(vault, 'birth', values.birthDate));
  return [...tokens];
}

export type ParsedQuery =
  | { readonly kind: 'code'; readonly code: string }
  | {
      readonly kind: 'tokens';
      readonly tokens: string[];
      readonly what: 'name' | 'choseong' | 'phone4' | 'birth';
    }
  | { readonly kind: 'empty' };

/** What a search box query means: a person ID, a birth date, four digits of a phone, or (part of) a name. */
export function parseQuery(vault: Vault, query: string | undefined): ParsedQuery {
  const text = query?.trim() ?? '';
  if (text === '') return { kind: 'empty' };
  const code = text.toUpperCase().replace(/\s/g, '');
  if (/^P-?[0-9A-Z]{4}-?[0-9A-Z]{4}$/.test(code)) {
    const compact = code.replace(/-/g, '');
    return { kind: 'code', code: `P-${compact.slice(1, 5)}-${compact.slice(5, 9)}` };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text))
    return { kind: 'tokens', what: 'birth', tokens: [searchToken(vault, 'birth', text)] };
  if (/^\d{8}$/.test(text)) {
    const date = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
    return { kind: 'tokens', what: 'birth', tokens: [searchToken(vault, 'birth', date)] };
  }
  if (/^\d{4}$/.test(text))
    return { kind: 'tokens', what: 'phone4', tokens: [searchToken(vault, 'phone4', text)] };
  const name = nameQueryTokens(text);
  if (!name) return { kind: 'empty' };
  return {
    kind: 'tokens',
    what: name.kind === 'choseong' ? 'choseong' : 'name',
    tokens: name.values.map((value) => searchToken(vault, name.kind, value)),
  };
}
