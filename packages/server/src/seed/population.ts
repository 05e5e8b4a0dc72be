import { addDays, type PersonIntake, type Region } from '@ieum/domain';
import { DEMO_ORGANIZATIONS } from './demo-organizations';
import {
  ADDRESS_AREAS,
  AGE_AT_ENTRY,
  ARRIVAL_YEARS,
  DEMO_MUNICIPALITIES,
  GIVEN_SYLLABLES,
  HANAWON_OPENED,
  ORIGIN_PROVINCES,
  RESIDENCE_SHARES,
  ROAD_KINDS,
  ROAD_WORDS,
  SURNAMES,
} from './population-tables';
import { type Random, seededRandom } from './prng';

/**
 * A deterministic synthetic population of defectors for demos, tests and benchmarks: the same options give
 * the same persons, field for field. Names are random combinations of common syllables, registration numbers
 * are well-formed but random, addresses are invented and marked "(예시)". The distributions follow the
 * published figures where there are any (see population-tables.ts for what is published, derived or assumed).
 */
export interface SyntheticPerson {
  /** What a case worker would enter, without the ids of the database it goes into. */
  readonly intake: Omit<PersonIntake, 'hanaCenterId' | 'municipalityId'>;
  /** Demo organization keys (see demo-organizations.ts), resolved to ids when inserted. */
  readonly hanaCenterKey: string;
  readonly municipalityKey: string | null;
}

/**
 * A record planted on purpose: the same person registered a second time, under a misspelled or romanized
 * name, with another registration number or none. Known only from this report, never marked in the data.
 */
export interface NearDuplicate {
  /** Indexes into `persons`; the duplicate always comes after its original. */
  readonly original: number;
  readonly duplicate: number;
  readonly name: 'typo' | 'romanized';
  readonly rrn: 'different' | 'missing';
}

export interface Population {
  readonly persons: readonly SyntheticPerson[];
  readonly nearDuplicates: readonly NearDuplicate[];
}

export interface PopulationOptions {
  readonly persons: number;
  readonly seed: number;
  /** Put everyone at this Hana Center (an organization key such as `hana-3`) and in its region. */
  readonly centerOnly?: string | undefined;
}

export const NEAR_DUPLICATE_SHARE = 0.005;

const HANA_CENTERS = DEMO_ORGANIZATIONS.filter((org) => org.type === 'hana_center');
const CENTER_KEYS_BY_REGION = new Map<Region | null, string[]>();
for (const org of HANA_CENTERS)
  CENTER_KEYS_BY_REGION.set(org.region, [...(CENTER_KEYS_BY_REGION.get(org.region) ?? []), org.key]);
const YEAR_WEIGHTS = ARRIVAL_YEARS.map((row) => [row, row.arrivals] as const);
const SURNAME_WEIGHTS = SURNAMES.map((row) => [row, row[1]] as const);

interface Identity {
  readonly surname: (typeof SURNAMES)[number];
  readonly given: readonly (readonly [string, string])[];
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
}

export function generatePopulation(options: PopulationOptions): Population {
  if (!Number.isInteger(options.persons) || options.persons < 0)
    throw new Error('persons must be a whole number ≥ 0');
  const center = options.centerOnly ? HANA_CENTERS.find((org) => org.key === options.centerOnly) : undefined;
  if (options.centerOnly && !center?.region)
    throw new Error(`${options.centerOnly} is not a Hana Center of the demo organizations`);
  const random = seededRandom(options.seed);
  const rrns = new Set<string>();
  const duplicateCount = Math.round(options.persons * NEAR_DUPLICATE_SHARE);
  const originals: { person: SyntheticPerson; identity: Identity }[] = [];
  for (let i = 0; i < options.persons - duplicateCount; i++)
    originals.push(
      syntheticPerson(random, rrns, center ? { key: center.key, region: center.region as Region } : null),
    );

  // Each duplicate goes somewhere after its original: a later intake, possibly at another center.
  const chosen = new Set<number>();
  while (chosen.size < Math.min(duplicateCount, originals.length))
    chosen.add(random.int(0, originals.length - 1));
  const placed: {
    key: number;
    person: SyntheticPerson;
    original?: number;
    kind?: Omit<NearDuplicate, 'original' | 'duplicate'>;
  }[] = originals.map(({ person }, index) => ({ key: index, person }));
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const source = originals[index] as (typeof originals)[number];
    const { person, kind } = nearDuplicateOf(random, rrns, source, center ? null : HANA_CENTERS);
    const key = index + 0.5 + random.next() * (originals.length - index - 0.5);
    placed.push({ key, person, original: index, kind });
  }
  placed.sort((a, b) => a.key - b.key);
  const positionOfOriginal = new Map<number, number>();
  placed.forEach((entry, position) => {
    if (entry.original === undefined) positionOfOriginal.set(entry.key, position);
  });
  const nearDuplicates: NearDuplicate[] = [];
  placed.forEach((entry, position) => {
    if (entry.original !== undefined && entry.kind)
      nearDuplicates.push({
        original: positionOfOriginal.get(entry.original) as number,
        duplicate: position,
        ...entry.kind,
      });
  });
  return { persons: placed.map((entry) => entry.person), nearDuplicates };
}

function syntheticPerson(
  random: Random,
  rrns: Set<string>,
  center: { key: string; region: Region } | null,
): { person: SyntheticPerson; identity: Identity } {
  const year = random.weighted(YEAR_WEIGHTS);
  const sex = random.chance(year.womenShare) ? 'female' : 'male';
  // Arrivals are spread over the year; 2020 only to September, as far as the cumulative figure reaches.
  const arrivalDate = addDays(`${year.year}-01-01`, random.int(0, year.year === 2020 ? 272 : 364));
  const [minAge, maxAge] = random.weighted(AGE_AT_ENTRY);
  const birthDate = addDays(arrivalDate, -(random.int(minAge, maxAge) * 365 + random.int(0, 364)));
  const surname = random.weighted(SURNAME_WEIGHTS);
  const given = givenName(random, sex);
  const name = `${surname[0]}${given.map(([syllable]) => syllable).join('')}`;
  const identity: Identity = { surname, given, sex, birthDate };

  const otherNames: string[] = [];
  // About 15% keep on record the name they used in the North (written as there: 리, 류, 림 ...).
  if (random.chance(0.15))
    otherNames.push(
      `${surname[3] ?? surname[0]}${givenName(random, sex)
        .map(([s]) => s)
        .join('')}`,
    );
  // Some carry a romanized name from documents used on the way (China, Southeast Asia).
  if (random.chance(0.08)) otherNames.push(romanized(identity));

  const region = center?.region ?? random.weighted(RESIDENCE_SHARES);
  const home = residence(random, region);
  const hanaCenterKey = center?.key ?? random.pick(CENTER_KEYS_BY_REGION.get(region) ?? []);

  const protectionDecisionDate = addDays(arrivalDate, random.int(14, 28));
  // Hanawon (12 weeks) starts right after the decision; before it opened there was none.
  const atHanawon = protectionDecisionDate >= HANAWON_OPENED;
  const hanawonCompletionDate = atHanawon ? addDays(protectionDecisionDate, random.int(82, 88)) : undefined;
  const residenceStartDate = addDays(hanawonCompletionDate ?? protectionDecisionDate, random.int(1, 5));

  const intake: SyntheticPerson['intake'] = {
    name,
    otherNames,
    rrn: uniqueRrn(random, rrns, birthDate, sex),
    phone: `010${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    address: home.address,
    originProvince: random.weighted(ORIGIN_PROVINCES),
    arrivalDate,
    protectionDecisionDate,
    ...(atHanawon
      ? { hanawonClass: `제${hanawonClass(protectionDecisionDate)}기`, hanawonCompletionDate }
      : {}),
    residenceStartDate,
    residenceRegion: region,
    acknowledgedDuplicates: [],
  };
  return { person: { intake, hanaCenterKey, municipalityKey: home.municipalityKey }, identity };
}

/** An invented address in a real district; residents of the demo local governments' districts get them. */
function residence(random: Random, region: Region): { address: string; municipalityKey: string | null } {
  const area = ADDRESS_AREAS[region as Exclude<Region, 'sejong'>];
  const district = random.weighted(area.districts);
  const road = `${random.pick(ROAD_WORDS)}${random.pick(ROAD_KINDS)}`;
  return {
    address: `${area.name} ${district} ${road} ${random.int(1, 199)} (예시)`,
    municipalityKey:
      DEMO_MUNICIPALITIES.find((m) => m.region === region && m.district === district)?.key ?? null,
  };
}

function givenName(random: Random, sex: 'male' | 'female'): (readonly [string, string])[] {
  const syllables = GIVEN_SYLLABLES[sex];
  const first = random.pick(syllables);
  if (random.chance(0.03)) return [first];
  let second = random.pick(syllables);
  while (second[0] === first[0]) second = random.pick(syllables);
  return [first, second];
}

/** "Kim Young-hee": the customary way, not the Revised Romanization, as names appear on documents. */
function romanized(identity: Identity): string {
  const given = identity.given.map(([, roman]) => roman).join('-');
  return `${identity.surname[2]} ${given.charAt(0).toUpperCase()}${given.slice(1)}`;
}

const CHECK_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/**
 * `YYMMDD-G` from the birth date and sex, five random digits, and the legacy check digit (the numbers of
 * people registered before October 2020 have one). Unique within the population.
 */
function uniqueRrn(random: Random, used: Set<string>, birthDate: string, sex: 'male' | 'female'): string {
  const century2000 = birthDate >= '2000';
  const sexDigit = century2000 ? (sex === 'male' ? 3 : 4) : sex === 'male' ? 1 : 2;
  const front = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${sexDigit}`;
  for (;;) {
    const body = `${front}${String(random.int(0, 99_999)).padStart(5, '0')}`;
    const sum = CHECK_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(body[i]), 0);
    const digits = `${body}${(11 - (sum % 11)) % 10}`;
    if (used.has(digits)) continue;
    used.add(digits);
    return `${digits.slice(0, 6)}-${digits.slice(6)}`;
  }
}

function hanawonClass(entryDate: string): number {
  const [year, month] = entryDate.split('-').map(Number) as [number, number];
  return (year - 1999) * 12 + (month - 7) + 1;
}

/** Vowels (jungseong index) that a slip of the ear or the hand turns into each other: ㅢ→ㅖ, ㅓ↔ㅕ, ㅗ↔ㅛ ... */
const SIMILAR_VOWEL: Readonly<Record<number, number>> = {
  0: 2,
  2: 0,
  1: 5,
  5: 1,
  4: 6,
  6: 4,
  7: 5,
  8: 12,
  12: 8,
  13: 17,
  17: 13,
  18: 13,
  19: 7,
};

/** One jamo of the last syllable changed: a similar vowel (김영희 → 김영혜), else the final (이진 → 이징). */
function misspelled(name: string): string {
  const chars = [...name];
  const last = (chars.pop() as string).charCodeAt(0) - 0xac00;
  const initial = Math.floor(last / 588);
  const vowel = Math.floor((last % 588) / 28);
  const final = last % 28;
  const swapped = SIMILAR_VOWEL[vowel];
  const [newVowel, newFinal] =
    swapped !== undefined ? [swapped, final] : [vowel, final === 0 ? 4 : final === 4 ? 21 : 0];
  return `${chars.join('')}${String.fromCharCode(0xac00 + initial * 588 + newVowel * 28 + newFinal)}`;
}

function nearDuplicateOf(
  random: Random,
  rrns: Set<string>,
  source: { person: SyntheticPerson; identity: Identity },
  centers: typeof HANA_CENTERS | null,
): { person: SyntheticPerson; kind: Omit<NearDuplicate, 'original' | 'duplicate'> } {
  const { intake } = source.person;
  const nameKind = random.chance(0.6) ? 'typo' : 'romanized';
  const rrnKind = random.chance(0.5) ? 'different' : 'missing';
  const { rrn: _rrn, ...rest } = intake;
  // A third moved: the second intake happened at another center, in another region.
  const moved = centers !== null && random.chance(0.33);
  const center = moved ? random.pick(centers) : null;
  const home = center?.region ? residence(random, center.region) : null;
  const person: SyntheticPerson = {
    intake: {
      ...rest,
      name: nameKind === 'typo' ? misspelled(intake.name) : romanized(source.identity),
      otherNames: [],
      ...(rrnKind === 'different'
        ? { rrn: uniqueRrn(random, rrns, source.identity.birthDate, source.identity.sex) }
        : {}),
      ...(random.chance(0.5) ? {} : { phone: `010${String(random.int(0, 99_999_999)).padStart(8, '0')}` }),
      ...(center?.region && home ? { residenceRegion: center.region, address: home.address } : {}),
    },
    hanaCenterKey: center?.key ?? source.person.hanaCenterKey,
    municipalityKey: home ? home.municipalityKey : source.person.municipalityKey,
  };
  // Registered without a number, the birth date and sex are what the worker typed from the person's papers.
  const withoutRrn =
    rrnKind === 'missing'
      ? {
          ...person,
          intake: { ...person.intake, birthDate: source.identity.birthDate, sex: source.identity.sex },
        }
      : person;
  return { person: withoutRrn, kind: { name: nameKind, rrn: rrnKind } };
}
