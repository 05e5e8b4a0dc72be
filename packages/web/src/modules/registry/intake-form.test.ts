import { PersonIntake } from '@ieum/domain';
import { describe, expect, it } from 'vitest';
import { duplicateCheckInput, EMPTY_INTAKE, intakeInput } from './intake-form';

describe('intake request', () => {
  it('leaves empty optional fields out and keeps only filled other names', () => {
    const input = intakeInput(
      {
        ...EMPTY_INTAKE,
        name: '김영희',
        otherNames: ['', 'Kim Young-hee', '  '],
        phone: '010-1234-5678',
        sex: 'female',
      },
      ['P-7K3M-Q9XA'],
    );
    expect(PersonIntake.parse(input)).toEqual({
      name: '김영희',
      otherNames: ['Kim Young-hee'],
      sex: 'female',
      phone: '01012345678',
      acknowledgedDuplicates: ['P-7K3M-Q9XA'],
    });
  });
});

describe('early duplicate check', () => {
  it('waits for a name and a birth date or registration number', () => {
    expect(duplicateCheckInput({ ...EMPTY_INTAKE, name: '김영희' })).toBeNull();
    expect(duplicateCheckInput({ ...EMPTY_INTAKE, birthDate: '1985-03-05' })).toBeNull();
    expect(duplicateCheckInput({ ...EMPTY_INTAKE, name: '김영희', birthDate: '1985-03-05' })).toEqual({
      name: '김영희',
      otherNames: [],
      birthDate: '1985-03-05',
    });
  });

  it('takes birth date and sex from the registration number as the intake does, unless entered', () => {
    expect(duplicateCheckInput({ ...EMPTY_INTAKE, name: '김영희', rrn: '850305-2123456' })).toEqual({
      name: '김영희',
      otherNames: [],
      rrn: '850305-2123456',
      birthDate: '1985-03-05',
      sex: 'female',
    });
    expect(
      duplicateCheckInput({
        ...EMPTY_INTAKE,
        name: '김영희',
        rrn: '850305-2123456',
        birthDate: '1985-05-03',
        sex: 'male',
      }),
    ).toMatchObject({ birthDate: '1985-05-03', sex: 'male' });
  });

  it('does not ask with a registration number that is not valid yet', () => {
    expect(duplicateCheckInput({ ...EMPTY_INTAKE, name: '김영희', rrn: '850305-21' })).toBeNull();
  });
});
