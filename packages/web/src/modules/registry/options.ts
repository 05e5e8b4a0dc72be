import { NK_PROVINCES, Sex } from '@ieum/domain';
import type { TFunction } from 'i18next';

/** Select options whose labels come from the i18n resources, keyed by the domain's enum values. */
export function sexOptions(t: TFunction) {
  return Sex.options.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }));
}

export function provinceOptions(t: TFunction) {
  return NK_PROVINCES.map((province) => ({ value: province, label: t(`nkProvinces.${province}`) }));
}
