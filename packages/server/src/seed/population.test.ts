import { assessDuplicate, CAPITAL_REGION, PersonIntake, parseRrn, type Region } from '@ieum/domain';
import { describe, expect, it } from 'vitest';
import { generatePopulation, type SyntheticPerson } from './population';
import { ARRIVAL_YEARS, CUMULATIVE_ARRIVALS } from './population-tables';

const population = generatePopulation({ persons: 5000, seed: 2020 });
const persons = population.persons;

function identity(person: SyntheticPerson) {
  const rrn = person.intake.rrn ? parseRrn(person.intake.rrn) : null;
  return {
    name: person.intake.name,
    otherNames: person.intake.otherNames,
    birthDate: rrn?.ok ? rrn.value.birthDate : (person.intake.birthDate ?? null),
    sex: rrn?.ok ? rrn.value.sex : (person.intake.sex ?? null),
  };
}

const share = (predicate: (person: SyntheticPerson) => boolean) =>
  persons.filter(predicate).length / persons.length;

describe('synthetic population', () => {
  it('is the same for the same seed and different for another', () => {
    expect(JSON.stringify(generatePopulation({ persons: 300, seed: 7 }))).toBe(
      JSON.stringify(generatePopulation({ persons: 300, seed: 7 })),
    );
    expect(generatePopulation({ persons: 300, seed: 8 }).persons[0]).not.toEqual(
      generatePopulation({ persons: 300, seed: 7 }).persons[0],
    );
  });

  it('spreads arrivals over the years so that they add up to the published cumulative total', () => {
    expect(ARRIVAL_YEARS.reduce((sum, year) => sum + year.arrivals, 0)).toBe(CUMULATIVE_ARRIVALS);
    expect(ARRIVAL_YEARS.find((year) => year.year === 2009)?.arrivals).toBe(2914);
    expect(ARRIVAL_YEARS.find((year) => year.year === 2016)).toMatchObject({ arrivals: 1418 });
    const peak = ARRIVAL_YEARS.reduce((best, year) => (year.arrivals > best.arrivals ? year : best));
    expect(peak.year).toBe(2009);
  });

  it('is valid intake, with registration numbers that parse, agree with the person and are unique', () => {
    for (const person of persons) expect(PersonIntake.safeParse(person.intake).success).toBe(true);
    const numbers = persons.flatMap((person) => (person.intake.rrn ? [person.intake.rrn] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const rrn of numbers)
      expect(parseRrn(rrn)).toMatchObject({ ok: true, value: { legacyChecksumValid: true } });
    expect(persons.every((person) => /^010\d{8}$/.test(person.intake.phone ?? ''))).toBe(true);
    expect(persons.every((person) => person.intake.address?.endsWith(' (예시)'))).toBe(true);
  });

  it('follows the published shares: 72% women, about two thirds in the capital region, ages at entry', () => {
    expect(share((p) => identity(p).sex === 'female')).toBeCloseTo(0.72, 1);
    expect(share((p) => CAPITAL_REGION.has(p.intake.residenceRegion as Region))).toBeCloseTo(0.65, 1);
    expect(share((p) => p.intake.residenceRegion === 'seoul')).toBeCloseTo(0.29, 1);
    const ageAtEntry = (p: SyntheticPerson) =>
      Number((p.intake.arrivalDate as string).slice(0, 4)) -
      Number((identity(p).birthDate as string).slice(0, 4));
    // 20s and 30s together: (9,567 + 9,665) / 33,648 = 57%.
    expect(share((p) => ageAtEntry(p) >= 20 && ageAtEntry(p) < 40)).toBeCloseTo(0.57, 1);
    expect(
      share((p) => ['north_hamgyong', 'ryanggang'].includes(p.intake.originProvince as string)),
    ).toBeGreaterThan(0.7);
  });

  it('keeps the path in order: arrival, protection decision, Hanawon, residence, with rising class numbers', () => {
    const classNumber = (p: SyntheticPerson) => Number(p.intake.hanawonClass?.replace(/\D/g, ''));
    const decided = (p: SyntheticPerson) => p.intake.protectionDecisionDate ?? '';
    for (const { intake } of persons) {
      const path = [
        intake.arrivalDate,
        intake.protectionDecisionDate,
        ...(intake.hanawonCompletionDate ? [intake.hanawonCompletionDate] : []),
        intake.residenceStartDate,
      ];
      expect(path.every((date) => date !== undefined)).toBe(true);
      expect([...path].sort()).toEqual(path);
      expect(new Set(path).size).toBe(path.length);
    }
    const withClass = persons
      .filter((p) => p.intake.hanawonClass)
      .sort((a, b) => decided(a).localeCompare(decided(b)));
    for (let i = 1; i < withClass.length; i++)
      expect(classNumber(withClass[i] as SyntheticPerson)).toBeGreaterThanOrEqual(
        classNumber(withClass[i - 1] as SyntheticPerson),
      );
  });

  it('puts each person at a Hana Center of their region and gives the demo districts their local government', () => {
    const regionOfCenter = (key: string) => Number(key.replace('hana-', ''));
    expect(
      persons.every((p) => regionOfCenter(p.hanaCenterKey) >= 1 && regionOfCenter(p.hanaCenterKey) <= 25),
    ).toBe(true);
    const nowon = persons.filter((p) => p.municipalityKey === 'lg-nowon');
    expect(nowon.length).toBeGreaterThan(50);
    expect(nowon.every((p) => p.intake.address?.startsWith('서울특별시 노원구 '))).toBe(true);
    expect(
      persons
        .filter((p) => p.intake.address?.startsWith('경기도 화성시 '))
        .every((p) => p.municipalityKey === 'lg-hwaseong'),
    ).toBe(true);
    const centerOnly = generatePopulation({ persons: 200, seed: 1, centerOnly: 'hana-3' }).persons;
    expect(
      centerOnly.every((p) => p.hanaCenterKey === 'hana-3' && p.intake.residenceRegion === 'seoul'),
    ).toBe(true);
  });

  it('plants 0.5% near-duplicates, each after its original, that duplicate detection mostly finds', () => {
    expect(population.nearDuplicates).toHaveLength(25);
    let found = 0;
    for (const planted of population.nearDuplicates) {
      expect(planted.duplicate).toBeGreaterThan(planted.original);
      const original = persons[planted.original] as SyntheticPerson;
      const duplicate = persons[planted.duplicate] as SyntheticPerson;
      expect(duplicate.intake.name).not.toBe(original.intake.name);
      expect(duplicate.intake.rrn ?? null).not.toBe(original.intake.rrn);
      expect(identity(duplicate).birthDate).toBe(identity(original).birthDate);
      if (assessDuplicate(identity(duplicate), identity(original), false).level !== 'unlikely') found += 1;
    }
    // A romanization far from the Revised Romanization ("Kwon" for 권) can fall below the threshold: realistic.
    expect(found).toBeGreaterThanOrEqual(23);
  });
});
