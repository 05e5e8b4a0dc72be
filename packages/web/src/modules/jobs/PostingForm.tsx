import { PostingInput, REGIONS, WorkHours, WorkSchedule } from '@ieum/domain';
import {
  Checkbox,
  Modal,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { FormActions, useSaving } from '../../platform/ui/form-parts';
import { createPosting, type PostingData, updatePosting, useEmployers } from './api';
import { amountInput, typedNumber } from './format';
import { LEVELS } from './LevelChoice';
import { StaleProblem } from './StaleProblem';
import { certificateOptions, occupationOptions, skillOptions } from './text';

interface PostingValues extends Record<string, unknown> {
  employerId: string;
  title: string;
  occupation: string;
  region: string;
  hours: string;
  schedule: string;
  heavyPhysicalWork: boolean;
  monthlyWage: string;
  requiredSkills: string[];
  preferredSkills: string[];
  requiredCertificates: string[];
  preferredCertificates: string[];
  requiredKoreanLevel: string;
  openings: string;
  closingOn: string;
  status: string;
}

function valuesOf(posting: PostingData | null): PostingValues {
  if (!posting)
    return {
      employerId: '',
      title: '',
      occupation: '',
      region: '',
      hours: 'full_time',
      schedule: 'day',
      heavyPhysicalWork: false,
      monthlyWage: '',
      requiredSkills: [],
      preferredSkills: [],
      requiredCertificates: [],
      preferredCertificates: [],
      requiredKoreanLevel: '2',
      openings: '1',
      closingOn: '',
      status: 'open',
    };
  return {
    employerId: posting.employerId,
    title: posting.title,
    occupation: posting.occupation,
    region: posting.region,
    hours: posting.hours,
    schedule: posting.schedule,
    heavyPhysicalWork: posting.heavyPhysicalWork,
    monthlyWage: amountInput(posting.monthlyWage),
    requiredSkills: [...posting.requiredSkills],
    preferredSkills: [...posting.preferredSkills],
    requiredCertificates: [...posting.requiredCertificates],
    preferredCertificates: [...posting.preferredCertificates],
    requiredKoreanLevel: String(posting.requiredKoreanLevel),
    openings: String(posting.openings),
    closingOn: posting.closingOn,
    status: posting.status,
  };
}

function PostingFields({
  posting,
  onSaved,
  onCancel,
  onReload,
}: {
  posting: PostingData | null;
  onSaved: (saved: PostingData) => Promise<unknown>;
  onCancel: () => void;
  /** After a stale save: close and read the posting again. */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const employers = useEmployers();
  const form = useForm<PostingValues>(valuesOf(posting));
  const { saving, save } = useSaving(form.fail);
  const error = (field: keyof PostingValues & string) => messageText(t, form.errors[field]);
  const choose = { value: '', label: t('jobs.choose'), disabled: true };
  const multi = (
    field: 'requiredSkills' | 'preferredSkills' | 'requiredCertificates' | 'preferredCertificates',
  ) => ({
    label: t(`jobs.postingForm.${field}`),
    data: field.endsWith('Skills') ? skillOptions(locale) : certificateOptions(locale),
    value: form.values[field],
    onChange: (value: string[]) => form.setValue(field, value),
    error: error(field),
    searchable: true,
    nothingFoundMessage: t('common.noResults'),
    comboboxProps: { withinPortal: true },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const v = form.values;
    const input = form.validate(PostingInput, {
      employerId: v.employerId === '' ? undefined : v.employerId,
      title: v.title,
      occupation: v.occupation === '' ? undefined : v.occupation,
      region: v.region === '' ? undefined : v.region,
      hours: v.hours,
      schedule: v.schedule,
      heavyPhysicalWork: v.heavyPhysicalWork,
      monthlyWage: typedNumber(v.monthlyWage),
      requiredSkills: v.requiredSkills,
      preferredSkills: v.preferredSkills,
      requiredCertificates: v.requiredCertificates,
      preferredCertificates: v.preferredCertificates,
      requiredKoreanLevel: typedNumber(v.requiredKoreanLevel),
      openings: typedNumber(v.openings),
      closingOn: v.closingOn,
      status: v.status,
      version: posting?.version,
    });
    if (!input) return;
    save(
      () => (posting ? updatePosting(posting.id, input) : createPosting(input)),
      t(posting ? 'jobs.postingForm.saved' : 'jobs.postingForm.created'),
      onSaved,
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('jobs.postingForm.formLabel')}
      data-testid="posting-form"
    >
      <Stack gap="md">
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            onReload();
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('jobs.fields.employer')}
            required
            value={form.values.employerId}
            onChange={(event) => form.setValue('employerId', event.currentTarget.value)}
            data={[choose, ...(employers.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))]}
            disabled={employers.isPending}
            error={error('employerId')}
            data-testid="posting-employer"
          />
          <TextInput
            label={t('jobs.postingForm.title')}
            required
            maxLength={100}
            error={error('title')}
            {...form.text('title')}
            data-testid="posting-title"
          />
          <NativeSelect
            label={t('jobs.fields.occupation')}
            required
            value={form.values.occupation}
            onChange={(event) => form.setValue('occupation', event.currentTarget.value)}
            data={[choose, ...occupationOptions(locale)]}
            error={error('occupation')}
            data-testid="posting-occupation"
          />
          <NativeSelect
            label={t('jobs.postingForm.region')}
            required
            value={form.values.region}
            onChange={(event) => form.setValue('region', event.currentTarget.value)}
            data={[choose, ...REGIONS.map((region) => ({ value: region, label: t(`regions.${region}`) }))]}
            error={error('region')}
            data-testid="posting-region"
          />
          <NativeSelect
            label={t('jobs.postingForm.hours')}
            required
            value={form.values.hours}
            onChange={(event) => form.setValue('hours', event.currentTarget.value)}
            data={WorkHours.options.map((hours) => ({ value: hours, label: t(`jobs.hours.${hours}`) }))}
            error={error('hours')}
            data-testid="posting-hours"
          />
          <NativeSelect
            label={t('jobs.postingForm.schedule')}
            required
            value={form.values.schedule}
            onChange={(event) => form.setValue('schedule', event.currentTarget.value)}
            data={WorkSchedule.options.map((schedule) => ({
              value: schedule,
              label: t(`jobs.schedules.${schedule}`),
            }))}
            error={error('schedule')}
            data-testid="posting-schedule"
          />
          <TextInput
            inputMode="numeric"
            label={t('jobs.fields.monthlyWage')}
            required
            rightSection={<Text size="sm">{t('jobs.wonUnit')}</Text>}
            rightSectionWidth={48}
            error={error('monthlyWage')}
            {...form.text('monthlyWage')}
            data-testid="posting-wage"
          />
          <NativeSelect
            label={t('jobs.postingForm.requiredKoreanLevel')}
            required
            value={form.values.requiredKoreanLevel}
            onChange={(event) => form.setValue('requiredKoreanLevel', event.currentTarget.value)}
            data={LEVELS.map((level) => ({
              value: level,
              label: `${t('jobs.levelName', { level })} — ${t(`jobs.koreanLevels.${level}`)}`,
            }))}
            error={error('requiredKoreanLevel')}
            data-testid="posting-korean"
          />
          <MultiSelect {...multi('requiredSkills')} data-testid="posting-required-skills" />
          <MultiSelect {...multi('preferredSkills')} data-testid="posting-preferred-skills" />
          <MultiSelect {...multi('requiredCertificates')} data-testid="posting-required-certificates" />
          <MultiSelect {...multi('preferredCertificates')} data-testid="posting-preferred-certificates" />
          <TextInput
            type="number"
            min={1}
            max={1000}
            label={t('jobs.postingForm.openings')}
            required
            error={error('openings')}
            {...form.text('openings')}
            data-testid="posting-openings"
          />
          <TextInput
            type="date"
            label={t('jobs.postingForm.closingOn')}
            required
            error={error('closingOn')}
            {...form.text('closingOn')}
            data-testid="posting-closing-on"
          />
          <NativeSelect
            label={t('jobs.postingForm.status')}
            required
            value={form.values.status}
            onChange={(event) => form.setValue('status', event.currentTarget.value)}
            data={(['open', 'closed'] as const).map((status) => ({
              value: status,
              label: t(`jobs.postingStatuses.${status}`),
            }))}
            error={error('status')}
            data-testid="posting-status-field"
          />
        </SimpleGrid>
        <Checkbox
          label={t('jobs.postingForm.heavyPhysicalWork')}
          description={t('jobs.postingForm.heavyPhysicalWorkHint')}
          checked={form.values.heavyPhysicalWork}
          onChange={(event) => form.setValue('heavyPhysicalWork', event.currentTarget.checked)}
          data-testid="posting-heavy"
        />
        <FormActions saving={saving} onCancel={onCancel} submitTestId="posting-submit" />
      </Stack>
    </form>
  );
}

/** Creating a posting (`posting` null) or editing one, in a dialog. */
export function PostingDialog({
  opened,
  posting,
  onClose,
  onSaved,
  onRefresh,
}: {
  opened: boolean;
  posting: PostingData | null;
  onClose: () => void;
  onSaved: (saved: PostingData) => Promise<unknown>;
  onRefresh: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t(posting ? 'jobs.postingForm.editHeading' : 'jobs.postingForm.createHeading')}
    >
      {opened ? (
        <PostingFields
          key={posting?.id ?? 'new'}
          posting={posting}
          onCancel={onClose}
          onReload={() => {
            onClose();
            void onRefresh();
          }}
          onSaved={async (saved) => {
            onClose();
            await onSaved(saved);
          }}
        />
      ) : null}
    </Modal>
  );
}
