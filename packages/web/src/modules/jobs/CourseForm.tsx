import { CourseInput, REGIONS } from '@ieum/domain';
import { Checkbox, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { FormActions, useSaving } from '../../platform/ui/form-parts';
import { type CourseData, createCourse, updateCourse } from './api';
import { typedNumber } from './format';
import { StaleProblem } from './StaleProblem';
import { certificateOptions, occupationOptions } from './text';

interface CourseValues extends Record<string, unknown> {
  title: string;
  provider: string;
  occupation: string;
  hours: string;
  startOn: string;
  endOn: string;
  region: string;
  capacity: string;
  oneYearCourse: boolean;
  certificate: string;
}

function valuesOf(course: CourseData | null): CourseValues {
  return {
    title: course?.title ?? '',
    provider: course?.provider ?? '',
    occupation: course?.occupation ?? '',
    hours: course ? String(course.hours) : '',
    startOn: course?.startOn ?? '',
    endOn: course?.endOn ?? '',
    region: course?.region ?? '',
    capacity: course ? String(course.capacity) : '',
    oneYearCourse: course?.oneYearCourse ?? false,
    certificate: course?.certificate ?? '',
  };
}

function CourseFields({
  course,
  onSaved,
  onCancel,
  onReload,
}: {
  course: CourseData | null;
  onSaved: () => Promise<unknown>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<CourseValues>(valuesOf(course));
  const { saving, save } = useSaving(form.fail);
  const error = (field: keyof CourseValues & string) => messageText(t, form.errors[field]);
  const choose = { value: '', label: t('jobs.choose'), disabled: true };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const v = form.values;
    const input = form.validate(CourseInput, {
      title: v.title,
      provider: v.provider,
      occupation: v.occupation === '' ? undefined : v.occupation,
      hours: typedNumber(v.hours),
      startOn: v.startOn,
      endOn: v.endOn,
      region: v.region === '' ? undefined : v.region,
      capacity: typedNumber(v.capacity),
      oneYearCourse: v.oneYearCourse,
      certificate: v.certificate === '' ? null : v.certificate,
      version: course?.version,
    });
    if (!input) return;
    save(
      () => (course ? updateCourse(course.id, input) : createCourse(input)),
      t(course ? 'jobs.courses.saved' : 'jobs.courses.created'),
      () => onSaved(),
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('jobs.courses.formLabel')} data-testid="course-form">
      <Stack gap="md">
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            onReload();
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('jobs.courses.courseTitle')}
            required
            maxLength={100}
            error={error('title')}
            {...form.text('title')}
            data-testid="course-title"
          />
          <TextInput
            label={t('jobs.courses.provider')}
            required
            maxLength={100}
            error={error('provider')}
            {...form.text('provider')}
            data-testid="course-provider"
          />
          <NativeSelect
            label={t('jobs.fields.occupation')}
            required
            value={form.values.occupation}
            onChange={(event) => form.setValue('occupation', event.currentTarget.value)}
            data={[choose, ...occupationOptions(locale)]}
            error={error('occupation')}
            data-testid="course-occupation"
          />
          <NativeSelect
            label={t('jobs.fields.region')}
            required
            value={form.values.region}
            onChange={(event) => form.setValue('region', event.currentTarget.value)}
            data={[choose, ...REGIONS.map((region) => ({ value: region, label: t(`regions.${region}`) }))]}
            error={error('region')}
            data-testid="course-region"
          />
          <TextInput
            type="date"
            label={t('jobs.courses.startOn')}
            required
            error={error('startOn')}
            {...form.text('startOn')}
            data-testid="course-start-on"
          />
          <TextInput
            type="date"
            label={t('jobs.courses.endOn')}
            required
            error={error('endOn')}
            {...form.text('endOn')}
            data-testid="course-end-on"
          />
          <TextInput
            type="number"
            min={1}
            max={5000}
            label={t('jobs.courses.hoursField')}
            required
            error={error('hours')}
            {...form.text('hours')}
            data-testid="course-hours"
          />
          <TextInput
            type="number"
            min={1}
            max={500}
            label={t('jobs.courses.capacityField')}
            required
            error={error('capacity')}
            {...form.text('capacity')}
            data-testid="course-capacity"
          />
          <NativeSelect
            label={t('jobs.courses.certificate')}
            value={form.values.certificate}
            onChange={(event) => form.setValue('certificate', event.currentTarget.value)}
            data={[{ value: '', label: t('common.none') }, ...certificateOptions(locale)]}
            error={error('certificate')}
            data-testid="course-certificate"
          />
        </SimpleGrid>
        <Checkbox
          label={t('jobs.courses.oneYearCourse')}
          description={t('jobs.courses.oneYearCourseHint')}
          checked={form.values.oneYearCourse}
          onChange={(event) => form.setValue('oneYearCourse', event.currentTarget.checked)}
          data-testid="course-one-year"
        />
        <FormActions saving={saving} onCancel={onCancel} submitTestId="course-submit" />
      </Stack>
    </form>
  );
}

/** Registering a training course (`course` null) or editing one, in a dialog. */
export function CourseDialog({
  opened,
  course,
  onClose,
  onSaved,
}: {
  opened: boolean;
  course: CourseData | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        course ? t('jobs.courses.editHeading', { title: course.title }) : t('jobs.courses.createHeading')
      }
    >
      {opened ? (
        <CourseFields
          key={course?.id ?? 'new'}
          course={course}
          onCancel={onClose}
          onReload={() => {
            onClose();
            void onSaved();
          }}
          onSaved={async () => {
            onClose();
            await onSaved();
          }}
        />
      ) : null}
    </Modal>
  );
}
