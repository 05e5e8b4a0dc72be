import { describe, expect, it } from 'vitest';
import {
  jamoSimilarity,
  levenshtein,
  nameQueryTokens,
  nameTokens,
  romanizationKey,
  romanizationSimilarity,
} from './name-matching';

describe('name search tokens', () => {
  it('indexes syllable and initial-consonant unigrams and bigrams', () => {
    expect(nameTokens('김영희')).toEqual({
      syllables: ['김', '영', '희', '김영', '영희'],
      choseong: ['ㄱ', 'ㅇ', 'ㅎ', 'ㄱㅇ', 'ㅇㅎ'],
      full: '김영희',
    });
  });

  it('looks a query up by its bigrams, every one of which an indexed name must hold', () => {
    expect(nameQueryTokens('영희')).toEqual({ kind: 'syllable', values: ['영희'] });
    expect(nameQueryTokens('김영희')).toEqual({ kind: 'syllable', values: ['김영', '영희'] });
    expect(nameQueryTokens('ㄱㅇㅎ')).toEqual({ kind: 'choseong', values: ['ㄱㅇ', 'ㅇㅎ'] });
    expect(nameQueryTokens('희')).toEqual({ kind: 'syllable', values: ['희'] });
    expect(nameQueryTokens('  ')).toBeNull();
  });

  it('every query token of a partial name is among the tokens of the full name', () => {
    const indexed = nameTokens('남궁민수');
    for (const query of ['남궁', '궁민수', '민', 'ㄴㄱㅁ', 'ㅁㅅ']) {
      const q = nameQueryTokens(query);
      const pool = q?.kind === 'choseong' ? indexed.choseong : indexed.syllables;
      expect(q?.values.every((v) => pool.includes(v))).toBe(true);
    }
  });

  it('does not make choseong tokens for non-Hangul names', () => {
    expect(nameTokens('Kim Young').choseong).toEqual([]);
  });
});

describe('similarity', () => {
  it('counts edits', () => {
    expect(levenshtein([...'kitten'], [...'sitting'])).toBe(3);
    expect(levenshtein([], [...'abc'])).toBe(3);
  });

  it('sees a one-vowel slip in Hangul as close, a different name as far', () => {
    expect(jamoSimilarity('김영희', '김영혜')).toBeGreaterThan(0.75);
    expect(jamoSimilarity('김영희', '김영희')).toBe(1);
    expect(jamoSimilarity('김영희', '박철수')).toBeLessThan(0.2);
  });

  it('folds customary romanizations of the same name to one key', () => {
    const key = romanizationKey('김영희');
    expect(romanizationKey('Kim Young-hee')).toBe(key);
    expect(romanizationKey('Gim Yeonghui')).toBe(key);
    expect(romanizationKey('Lee Soon-ja')).toBe(romanizationKey('이순자'));
    expect(romanizationKey('Rhee Sunja')).toBe(romanizationKey('이순자'));
    expect(romanizationKey('Park Chul-soo')).toBe(romanizationKey('박철수'));
    expect(romanizationKey('Pak Cheolsu')).toBe(romanizationKey('박철수'));
  });

  it('keeps different names apart after romanization', () => {
    expect(romanizationSimilarity('김영희', 'Park Chul-soo')).toBeLessThan(0.4);
  });
});
