import {
  HoursPreference,
  REGIONS,
  SEEKER_STATUSES,
  type SeekerConstraint,
  SeekerProfileInput,
} from '@ieum/domain';
import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { useSaving } from '../../platform/ui/form-parts';
import type { PersonDetailData } from '../registry/api';
import { type SeekerProfileData, saveSeekerProfile } from './api';
import { ChildbirthDates, type ChildbirthRow, childbirthRow } from './ChildbirthDates';
import { type ExperienceRow, ExperienceRows, experienceRow } from './ExperienceRows';
import { amountInput, typedNumber } from './format';
import { LevelChoice } from './LevelChoice';
import { StaleProblem } from './StaleProblem';
import { certificateOptions, occupationOptions, skillOptions } from './text';

const CONSTRAINTS: readonly SeekerConstraint[] = ['childcare', 'health', 'disability'];

interface ProfileValues extends Record<string, unknown> {
  status: string;
  occupations: string[];
  skills: string[];
  certificates: string[];
  experience: ExperienceRow[];
  region: string;
  willingToMoveTo: string[];
  maxCommuteMinutes: string;
  hours: string;
  expectedMonthlyWage: string;
  koreanLevel: string;
  computerLevel: string;
  constraints: string[];
  childbirths: ChildbirthRow[];
}

function valuesOf(profile: SeekerProfileData | null, person: PersonDetailData): ProfileValues {
  if (!profile)
    return {
      status: 'seeking',
      occupations: [],
      skills: [],
      certificates: [],
      experience: [],
      region: person.residenceRegion ?? '',
      willingToMoveTo: [],
      maxCommuteMinutes: '60',
      hours: 'either',
      expectedMonthlyWage: '',
      koreanLevel: '',
      computerLevel: '',
      constraints: [],
      childbirths: [],
    };
  return {
    status: profile.status,
    occupations: [...profile.occupations],
    skills: [...profile.skills],
    certificates: [...profile.certificates],
    experience: profile.experience.map((row) =>
      experienceRow({ place: row.place, occupation: row.occupation, years: String(row.years) }),
    ),
    region: profile.region,
    willingToMoveTo: [...profile.willingToMoveTo],
    maxCommuteMinutes: String(profile.maxCommuteMinutes),
    hours: profile.hours,
    expectedMonthlyWage: profile.expectedMonthlyWage === 0 ? '' : amountInput(profile.expectedMonthlyWage),
    koreanLevel: String(profile.koreanLevel),
    computerLevel: String(profile.computerLevel),
    constraints: [...profile.constraints],
    childbirths: profile.childbirths.map((date) => childbirthRow(date)),
  };
}

/**
 * The seeker profile the matching reads: what the person is looking for and can do, where, for how much, and
 * what limits the work. Saved with the version read; the first save sends none.
 */
export function SeekerProfileForm({
  person,
  profile,
  canEdit,
  onSaved,
}: {
  person: PersonDetailData;
  profile: SeekerProfileData | null;
  canEdit: boolean;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<ProfileValues>(valuesOf(profile, person));
  const { saving, save } = useSaving(form.fail);
  const error = (field: keyof ProfileValues & string) => messageText(t, form.errors[field]);
  const regions = REGIONS.map((region) => ({ value: region, label: t(`regions.${region}`) }));
  const multi = { searchable: true, nothingFoundMessage: t('common.noResults'), disabled: !canEdit };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const v = form.values;
    const input = form.validate(SeekerProfileInput, {
      status: v.status,
      occupations: v.occupations,
      skills: v.skills,
      certificates: v.certificates,
      experience: v.experience.map((row) => ({
        place: row.place,
        occupation: row.occupation,
        years: typedNumber(row.years),
      })),
      region: v.region === '' ? undefined : v.region,
      willingToMoveTo: v.willingToMoveTo,
      maxCommuteMinutes: typedNumber(v.maxCommuteMinutes),
      hours: v.hours,
      expectedMonthlyWage: typedNumber(v.expectedMonthlyWage, 0),
      koreanLevel: typedNumber(v.koreanLevel),
      computerLevel: typedNumber(v.computerLevel),
      constraints: v.constraints,
      childbirths: v.childbirths.map((row) => row.date),
      version: profile && profile.version > 0 ? profile.version : undefined,
    });
    if (!input) return;
    save(
      () => saveSeekerProfile(person.id, input),
      t('jobs.profile.saved'),
      () => onSaved(),
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="jobs-profile" data-testid="seeker-profile-form">
      <Stack gap="md">
        <Text size="sm">{t('jobs.profile.intro')}</Text>
        <Text size="sm" c="dimmed" data-testid="seeker-profile-updated">
          {profile?.updatedAt
            ? t('jobs.profile.updated', {
                date: formatDateTime(profile.updatedAt, locale),
                name: profile.updatedBy?.displayName ?? '—',
              })
            : t('jobs.profile.neverUpdated')}
        </Text>
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onSaved();
          }}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <NativeSelect
            label={t('jobs.profile.status')}
            required
            value={form.values.status}
            onChange={(event) => form.setValue('status', event.currentTarget.value)}
            data={SEEKER_STATUSES.map((status) => ({
              value: status,
              label: t(`jobs.seekerStatuses.${status}`),
            }))}
            error={error('status')}
            disabled={!canEdit}
            data-testid="profile-status"
          />
          <MultiSelect
            label={t('jobs.profile.occupations')}
            description={t('jobs.profile.occupationsHint')}
            required
            data={occupationOptions(locale)}
            value={form.values.occupations}
            onChange={(value) => form.setValue('occupations', value)}
            maxValues={5}
            error={error('occupations')}
            {...multi}
            data-testid="profile-occupations"
          />
          <MultiSelect
            label={t('jobs.profile.skills')}
            data={skillOptions(locale)}
            value={form.values.skills}
            onChange={(value) => form.setValue('skills', value)}
            error={error('skills')}
            {...multi}
            data-testid="profile-skills"
          />
          <MultiSelect
            label={t('jobs.profile.certificates')}
            data={certificateOptions(locale)}
            value={form.values.certificates}
            onChange={(value) => form.setValue('certificates', value)}
            error={error('certificates')}
            {...multi}
            data-testid="profile-certificates"
          />
        </SimpleGrid>
        <ExperienceRows
          rows={form.values.experience}
          onChange={(rows) => form.setValue('experience', rows)}
          disabled={!canEdit}
          error={error('experience')}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <NativeSelect
            label={t('jobs.profile.region')}
            required
            value={form.values.region}
            onChange={(event) => form.setValue('region', event.currentTarget.value)}
            data={[{ value: '', label: t('jobs.choose'), disabled: true }, ...regions]}
            error={error('region')}
            disabled={!canEdit}
            data-testid="profile-region"
          />
          <MultiSelect
            label={t('jobs.profile.willingToMoveTo')}
            data={regions}
            value={form.values.willingToMoveTo}
            onChange={(value) => form.setValue('willingToMoveTo', value)}
            error={error('willingToMoveTo')}
            {...multi}
            data-testid="profile-move-to"
          />
          <TextInput
            type="number"
            min={0}
            max={300}
            label={t('jobs.profile.maxCommuteMinutes')}
            description={t('jobs.profile.maxCommuteHint')}
            required
            error={error('maxCommuteMinutes')}
            disabled={!canEdit}
            {...form.text('maxCommuteMinutes')}
            data-testid="profile-commute"
          />
          <TextInput
            inputMode="numeric"
            label={t('jobs.profile.expectedWage')}
            description={t('jobs.profile.expectedWageHint')}
            rightSection={<Text size="sm">{t('jobs.wonUnit')}</Text>}
            rightSectionWidth={48}
            error={error('expectedMonthlyWage')}
            disabled={!canEdit}
            {...form.text('expectedMonthlyWage')}
            data-testid="profile-wage"
          />
        </SimpleGrid>
        <Radio.Group
          label={t('jobs.profile.hours')}
          required
          value={form.values.hours}
          onChange={(value) => form.setValue('hours', value)}
          error={error('hours')}
        >
          <Group gap="lg" mt={6}>
            {HoursPreference.options.map((hours) => (
              <Radio
                key={hours}
                value={hours}
                label={t(`jobs.hours.${hours}`)}
                disabled={!canEdit}
                data-testid={`profile-hours-${hours}`}
              />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <LevelChoice
            kind="korean"
            value={form.values.koreanLevel}
            onChange={(value) => form.setValue('koreanLevel', value)}
            error={error('koreanLevel')}
            disabled={!canEdit}
          />
          <LevelChoice
            kind="computer"
            value={form.values.computerLevel}
            onChange={(value) => form.setValue('computerLevel', value)}
            error={error('computerLevel')}
            disabled={!canEdit}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('jobs.profile.constraints')}
          description={t('jobs.profile.constraintsHint')}
          value={form.values.constraints}
          onChange={(value) => form.setValue('constraints', value)}
          error={error('constraints')}
        >
          <Group gap="lg" mt={6}>
            {CONSTRAINTS.map((constraint) => (
              <Checkbox
                key={constraint}
                value={constraint}
                label={t(`jobs.constraints.${constraint}`)}
                disabled={!canEdit}
                data-testid={`profile-constraint-${constraint}`}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <ChildbirthDates
          rows={form.values.childbirths}
          onChange={(rows) => form.setValue('childbirths', rows)}
          disabled={!canEdit}
          error={error('childbirths')}
        />
        {canEdit ? (
          <div>
            <Button type="submit" loading={saving} data-testid="profile-submit">
              {t('jobs.profile.save')}
            </Button>
          </div>
        ) : null}
      </Stack>
    </form>
  );
}
