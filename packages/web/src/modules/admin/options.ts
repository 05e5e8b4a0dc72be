import { ORGANIZATION_TYPES, REGIONS, ROLES } from '@ieum/domain';
import type { TFunction } from 'i18next';

/** Select options whose labels come from the i18n resources, keyed by the domain's enum values. */
export function organizationTypeOptions(t: TFunction) {
  return ORGANIZATION_TYPES.map((type) => ({ value: type, label: t(`organizationTypes.${type}`) }));
}

export function regionOptions(t: TFunction) {
  return REGIONS.map((region) => ({ value: region, label: t(`regions.${region}`) }));
}

export function roleOptions(t: TFunction) {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/** Value of the "all" choice in a filter select (Mantine options need a string). */
export const ALL = '*';
/** Value of the "nationwide / no region" choice. */
export const NO_REGION = '-';
