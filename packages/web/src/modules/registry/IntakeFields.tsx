import { parseRrn } from '@ieum/domain';
import { Fieldset, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { messageText, type useForm } from '../../platform/forms';
import { regionOptions } from '../admin/options';
import type { IntakeValues } from './intake-form';
import { OtherNamesInput } from './OtherNamesInput';
import { provinceOptions, sexOptions } from './options';

export type IntakeForm = ReturnType<typeof useForm<IntakeValues>>;

// Identity values must not be kept in the browser's form history.
const PRIVATE = { autoComplete: 'off', spellCheck: false } as const;

function useFieldError(form: IntakeForm) {
  const { t } = useTranslation();
  return (field: keyof IntakeValues) => messageText(t, form.errors[field]);
}

/** What the registration number says about birth date and sex, once it is a valid number. */
function useRrnDescription(rrn: string): string {
  const { t } = useTranslation();
  const parsed = rrn.trim() === '' ? null : parseRrn(rrn);
  if (!parsed?.ok) return t('persons.rrnHint');
  return t('persons.rrnDerived', { birthDate: parsed.value.birthDate, sex: t(`sex.${parsed.value.sex}`) });
}

/**
 * Name, other names, registration number, birth date, sex and contact details. Leaving the name, an other
 * name, the registration number or the birth date calls `onIdentityLeft` (the early duplicate check).
 */
export function IdentityFields({ form, onIdentityLeft }: { form: IntakeForm; onIdentityLeft: () => void }) {
  const { t } = useTranslation();
  const error = useFieldError(form);
  const rrnDescription = useRrnDescription(form.values.rrn);
  return (
    <Fieldset legend={t('persons.identityHeading')}>
      <Stack gap="md">
        <TextInput
          label={t('persons.name')}
          description={t('persons.nameHint')}
          required
          maxLength={50}
          onBlur={onIdentityLeft}
          error={error('name')}
          data-testid="person-name"
          {...PRIVATE}
          {...form.text('name')}
        />
        <OtherNamesInput
          values={form.values.otherNames}
          onChange={(names) => form.setValue('otherNames', names)}
          onBlur={onIdentityLeft}
          error={error('otherNames')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('persons.rrn')}
            description={rrnDescription}
            placeholder="YYMMDD-NNNNNNN"
            maxLength={14}
            inputMode="numeric"
            onBlur={onIdentityLeft}
            error={error('rrn')}
            data-testid="person-rrn"
            {...PRIVATE}
            {...form.text('rrn')}
          />
          <TextInput
            type="date"
            label={t('persons.birthDate')}
            description={t('persons.birthDateHint')}
            onBlur={onIdentityLeft}
            error={error('birthDate')}
            data-testid="person-birthDate"
            {...PRIVATE}
            {...form.text('birthDate')}
          />
          <Select
            label={t('persons.sex')}
            placeholder={t('persons.choose')}
            data={sexOptions(t)}
            value={form.values.sex}
            onChange={(value) => form.setValue('sex', value)}
            clearable
            error={error('sex')}
            data-testid="person-sex"
          />
          <TextInput
            type="tel"
            label={t('persons.phone')}
            description={t('persons.phoneHint')}
            maxLength={20}
            error={error('phone')}
            data-testid="person-phone"
            {...PRIVATE}
            {...form.text('phone')}
          />
        </SimpleGrid>
        <TextInput
          label={t('persons.address')}
          maxLength={300}
          error={error('address')}
          data-testid="person-address"
          {...PRIVATE}
          {...form.text('address')}
        />
      </Stack>
    </Fieldset>
  );
}

export interface MunicipalityOption {
  value: string;
  label: string;
}

/**
 * The protection facts: origin, arrival, Hanawon, the statutory dates and where the person lives.
 * `municipalities` is null when the list of local governments is not available to this user.
 */
export function ProtectionFields({
  form,
  municipalities,
}: {
  form: IntakeForm;
  municipalities: readonly MunicipalityOption[] | null;
}) {
  const { t } = useTranslation();
  const error = useFieldError(form);
  const date = (field: keyof IntakeValues & string, testId: string) => ({
    type: 'date',
    error: error(field),
    'data-testid': testId,
    ...form.text(field),
  });
  return (
    <Fieldset legend={t('persons.protectionHeading')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('persons.originProvince')}
          placeholder={t('persons.choose')}
          data={provinceOptions(t)}
          value={form.values.originProvince}
          onChange={(value) => form.setValue('originProvince', value)}
          clearable
          error={error('originProvince')}
          data-testid="person-originProvince"
        />
        <TextInput label={t('persons.arrivalDate')} {...date('arrivalDate', 'person-arrivalDate')} />
        <TextInput
          label={t('persons.hanawonClass')}
          description={t('persons.hanawonClassHint')}
          maxLength={20}
          error={error('hanawonClass')}
          data-testid="person-hanawonClass"
          {...form.text('hanawonClass')}
        />
        <TextInput
          label={t('persons.hanawonCompletionDate')}
          {...date('hanawonCompletionDate', 'person-hanawonCompletionDate')}
        />
        <TextInput
          label={t('persons.protectionDecisionDate')}
          {...date('protectionDecisionDate', 'person-protectionDecisionDate')}
        />
        <TextInput
          label={t('persons.residenceStartDate')}
          description={t('persons.residenceStartDateHint')}
          {...date('residenceStartDate', 'person-residenceStartDate')}
        />
        <Select
          label={t('persons.residenceRegion')}
          placeholder={t('persons.choose')}
          data={regionOptions(t)}
          value={form.values.residenceRegion}
          onChange={(value) => form.setValue('residenceRegion', value)}
          clearable
          searchable
          nothingFoundMessage={t('common.noResults')}
          error={error('residenceRegion')}
          data-testid="person-residenceRegion"
        />
        {municipalities ? (
          <Select
            label={t('persons.municipality')}
            description={t('persons.municipalityHint')}
            placeholder={t('persons.choose')}
            data={municipalities}
            value={form.values.municipalityId}
            onChange={(value) => form.setValue('municipalityId', value)}
            clearable
            searchable
            nothingFoundMessage={t('common.noResults')}
            error={error('municipalityId')}
            data-testid="person-municipality"
          />
        ) : null}
      </SimpleGrid>
    </Fieldset>
  );
}
