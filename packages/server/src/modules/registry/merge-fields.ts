import type { MergeFilledField } from '@ieum/domain';
import type { Vault } from '../../platform/crypto/vault';
import type { Tx } from '../../platform/db/client';
import type { PersonRow } from './persons.repository';

/** The survivor's columns a merge may change, with the values they had before (restored on undo). */
export type SurvivorColumns = Partial<
  Pick<
    PersonRow,
    | 'otherNamesSealed'
    | 'rrnSealed'
    | 'rrnIndex'
    | 'birthDateSealed'
    | 'birthYear'
    | 'sex'
    | 'phoneSealed'
    | 'addressSealed'
    | 'originProvince'
    | 'arrivalDate'
    | 'hanawonClass'
    | 'hanawonCompletionDate'
    | 'protectionDecisionDate'
    | 'residenceStartDate'
    | 'residenceRegion'
    | 'municipalityId'
  >
>;

const PLAIN_FIELDS = [
  'originProvince',
  'arrivalDate',
  'hanawonClass',
  'hanawonCompletionDate',
  'protectionDecisionDate',
  'residenceStartDate',
  'residenceRegion',
  'municipalityId',
] as const satisfies readonly (MergeFilledField & keyof PersonRow)[];

const SEALED_FIELDS = [
  { field: 'phone', column: 'phoneSealed', aad: 'phone' },
  { field: 'address', column: 'addressSealed', aad: 'address' },
] as const;

/**
 * What the survivor gains from the merged record: the merged record's names become other names of the
 * survivor, and every field the survivor left empty is filled from the merged record. Nothing the survivor
 * has is overwritten. Sealed values are opened with the merged record's key and sealed with the survivor's.
 */
export async function survivorFill(
  vault: Vault,
  tx: Tx,
  survivor: PersonRow,
  merged: PersonRow,
): Promise<{ set: SurvivorColumns; before: SurvivorColumns; filled: MergeFilledField[] }> {
  const open = (row: PersonRow, field: string, sealed: string | null) =>
    sealed ? vault.decrypt(tx, { type: 'person', id: row.id }, field, sealed) : Promise.resolve(null);
  const sealFor = (field: string, value: string) =>
    vault.encrypt(tx, { type: 'person', id: survivor.id }, field, value);
  const set: SurvivorColumns = {};
  const before: SurvivorColumns = {};
  const filled: MergeFilledField[] = [];

  const survivorName = await open(survivor, 'name', survivor.nameSealed);
  const survivorOthers = JSON.parse((await open(survivor, 'other_names', survivor.otherNamesSealed)) ?? '[]');
  const mergedNames = [
    await open(merged, 'name', merged.nameSealed),
    ...JSON.parse((await open(merged, 'other_names', merged.otherNamesSealed)) ?? '[]'),
  ].filter((name): name is string => typeof name === 'string' && name.length > 0);
  const others: string[] = [...survivorOthers];
  for (const name of mergedNames) if (name !== survivorName && !others.includes(name)) others.push(name);
  if (others.length > survivorOthers.length) {
    before.otherNamesSealed = survivor.otherNamesSealed;
    set.otherNamesSealed = await sealFor('other_names', JSON.stringify(others.slice(0, 10)));
    filled.push('otherNames');
  }

  if (!survivor.rrnSealed && merged.rrnSealed) {
    const rrn = await open(merged, 'rrn', merged.rrnSealed);
    if (rrn) {
      Object.assign(before, { rrnSealed: survivor.rrnSealed, rrnIndex: survivor.rrnIndex });
      Object.assign(set, { rrnSealed: await sealFor('rrn', rrn), rrnIndex: merged.rrnIndex });
      filled.push('rrn');
    }
  }
  if (!survivor.birthDateSealed && merged.birthDateSealed) {
    const birthDate = await open(merged, 'birth_date', merged.birthDateSealed);
    if (birthDate) {
      Object.assign(before, { birthDateSealed: survivor.birthDateSealed, birthYear: survivor.birthYear });
      Object.assign(set, {
        birthDateSealed: await sealFor('birth_date', birthDate),
        birthYear: merged.birthYear,
      });
      filled.push('birthDate');
    }
  }
  if (!survivor.sex && merged.sex) {
    before.sex = survivor.sex;
    set.sex = merged.sex;
    filled.push('sex');
  }
  for (const { field, column, aad } of SEALED_FIELDS) {
    if (survivor[column] || !merged[column]) continue;
    const value = await open(merged, aad, merged[column]);
    if (!value) continue;
    before[column] = survivor[column];
    set[column] = await sealFor(aad, value);
    filled.push(field);
  }
  for (const field of PLAIN_FIELDS) {
    if (survivor[field] !== null || merged[field] === null) continue;
    Object.assign(before, { [field]: survivor[field] });
    Object.assign(set, { [field]: merged[field] });
    filled.push(field);
  }
  return { set, before, filled };
}
