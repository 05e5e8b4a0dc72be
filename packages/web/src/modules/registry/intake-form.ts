import { DuplicateCheck, parseRrn } from '@ieum/domain';
import type { DuplicateCheckData } from './api';

/** The intake form as typed: text as entered, choices as option values, nothing coerced yet. */
export type IntakeValues = {
  name: string;
  otherNames: string[];
  rrn: string;
  birthDate: string;
  sex: string | null;
  phone: string;
  address: string;
  originProvince: string | null;
  arrivalDate: string;
  hanawonClass: string;
  hanawonCompletionDate: string;
  protectionDecisionDate: string;
  residenceStartDate: string;
  residenceRegion: string | null;
  municipalityId: string | null;
};

export const EMPTY_INTAKE: IntakeValues = {
  name: '',
  otherNames: [],
  rrn: '',
  birthDate: '',
  sex: null,
  phone: '',
  address: '',
  originProvince: null,
  arrivalDate: '',
  hanawonClass: '',
  hanawonCompletionDate: '',
  protectionDecisionDate: '',
  residenceStartDate: '',
  residenceRegion: null,
  municipalityId: null,
};

/** An optional field left empty is absent from the request, not an empty string the schema would refuse. */
function optional(value: string | null): string | undefined {
  return value === null || value.trim() === '' ? undefined : value;
}

function filledOtherNames(values: IntakeValues): string[] {
  return values.otherNames.filter((name) => name.trim() !== '');
}

/** The request body to validate with `PersonIntake` (the shared schema) and send. */
export function intakeInput(values: IntakeValues, acknowledgedDuplicates: readonly string[]) {
  return {
    name: values.name,
    otherNames: filledOtherNames(values),
    rrn: optional(values.rrn),
    birthDate: optional(values.birthDate),
    sex: optional(values.sex),
    phone: optional(values.phone),
    address: optional(values.address),
    originProvince: optional(values.originProvince),
    arrivalDate: optional(values.arrivalDate),
    hanawonClass: optional(values.hanawonClass),
    hanawonCompletionDate: optional(values.hanawonCompletionDate),
    protectionDecisionDate: optional(values.protectionDecisionDate),
    residenceStartDate: optional(values.residenceStartDate),
    residenceRegion: optional(values.residenceRegion),
    municipalityId: optional(values.municipalityId),
    acknowledgedDuplicates: [...acknowledgedDuplicates],
  };
}

/**
 * The identity to check for duplicates while the worker is still typing, or null while there is too little
 * to compare (a name, and a birth date or a registration number) or what is there is not valid yet. Birth date
 * and sex come from the registration number when not entered, as the intake itself derives them.
 */
export function duplicateCheckInput(values: IntakeValues): DuplicateCheckData | null {
  const rrn = optional(values.rrn);
  const parsedRrn = rrn ? parseRrn(rrn) : null;
  const birthDate = optional(values.birthDate) ?? (parsedRrn?.ok ? parsedRrn.value.birthDate : undefined);
  if (values.name.trim() === '' || (!birthDate && !rrn)) return null;
  const result = DuplicateCheck.safeParse({
    name: values.name,
    otherNames: filledOtherNames(values),
    rrn,
    birthDate,
    sex: optional(values.sex) ?? (parsedRrn?.ok ? parsedRrn.value.sex : undefined),
  });
  return result.success ? result.data : null;
}
