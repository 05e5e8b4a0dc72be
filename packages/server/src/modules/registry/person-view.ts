import { maskName, maskPhone, maskRrn, type PersonDetail, type PersonSummary } from '@ieum/domain';
import type { PersonRow } from './persons.repository';

export type Unseal = (id: string, field: string, sealed: string) => string | null;

/** A name whose key was destroyed (erasure) reads as this, never as an error. */
const ERASED = '(삭제됨)';

export function unsealName(row: PersonRow, unseal: Unseal): string {
  return unseal(row.id, 'name', row.nameSealed) ?? ERASED;
}

export function toSummary(row: PersonRow, centerName: string, unseal: Unseal): PersonSummary {
  return {
    id: row.id,
    code: row.code,
    maskedName: maskName(unsealName(row, unseal)),
    sex: (row.sex as PersonSummary['sex']) ?? null,
    birthYear: row.birthYear,
    hanaCenter: { id: row.hanaCenterId, name: centerName },
    arrivalDate: row.arrivalDate,
    status: row.status,
  };
}

export function toDetail(
  row: PersonRow,
  names: { center: string; municipality: string | null },
  unseal: Unseal,
  unmasked: boolean,
): PersonDetail {
  const open = (field: string, sealed: string | null) => (sealed ? unseal(row.id, field, sealed) : null);
  const name = unsealName(row, unseal);
  const otherNames = JSON.parse(open('other_names', row.otherNamesSealed) ?? '[]') as string[];
  const rrn = open('rrn', row.rrnSealed);
  const phone = open('phone', row.phoneSealed);
  const birthDate = open('birth_date', row.birthDateSealed);
  const address = open('address', row.addressSealed);
  return {
    ...toSummary(row, names.center, unseal),
    identity: unmasked
      ? { masked: false, name, otherNames, rrn, birthDate, phone, address }
      : {
          masked: true,
          name: maskName(name),
          otherNames: otherNames.map(maskName),
          rrn: rrn ? maskRrn(rrn) : null,
          birthDate: row.birthYear ? `${row.birthYear}-**-**` : null,
          phone: phone ? maskPhone(phone) : null,
          address: address ? `${address.split(/\s+/).slice(0, 2).join(' ')} ***` : null,
        },
    originProvince: (row.originProvince as PersonDetail['originProvince']) ?? null,
    hanawonClass: row.hanawonClass,
    hanawonCompletionDate: row.hanawonCompletionDate,
    protectionDecisionDate: row.protectionDecisionDate,
    residenceStartDate: row.residenceStartDate,
    residenceRegion: (row.residenceRegion as PersonDetail['residenceRegion']) ?? null,
    municipality:
      row.municipalityId && names.municipality ? { id: row.municipalityId, name: names.municipality } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
