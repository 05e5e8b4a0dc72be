import { ENROLMENT_STATUSES, EnrolmentChange, EnrolmentCreate } from '@ieum/domain';
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { messageText, useForm, type ValidateOptions } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { FormActions, useSaving } from '../../platform/ui/form-parts';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { changeEnrolment, type EnrolmentData, enrol, useCourses } from './api';
import { typedNumber, useDateText } from './format';
import { StaleProblem } from './StaleProblem';
import { certificateOptions } from './text';

/** Enrolling the person in a course from the course list; courses already taken are not offered again. */
export function EnrolForm({
  personId,
  enrolledCourseIds,
  onSaved,
}: {
  personId: string;
  enrolledCourseIds: ReadonlySet<string>;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const date = useDateText();
  const courses = useCourses();
  const form = useForm({ courseId: '' });
  const { saving, save } = useSaving(form.fail);
  const offered = (courses.data?.items ?? []).filter((course) => !enrolledCourseIds.has(course.id));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(EnrolmentCreate, {
      courseId: form.values.courseId === '' ? undefined : form.values.courseId,
    });
    if (!input) return;
    save(
      () => enrol(personId, input),
      t('jobs.training.enrolled'),
      async () => {
        form.reset({ courseId: '' });
        await onSaved();
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="jobs-enrol" data-testid="enrol-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="jobs-enrol">
          {t('jobs.training.enrolHeading')}
        </Title>
        {courses.isError ? <ProblemAlert problem={problemOf(courses.error, t('errors.loadFailed'))} /> : null}
        <ProblemAlert problem={form.problem} onClose={() => form.setProblem(null)} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('jobs.training.course')}
            required
            value={form.values.courseId}
            onChange={(event) => form.setValue('courseId', event.currentTarget.value)}
            data={[
              { value: '', label: t('jobs.choose'), disabled: true },
              ...offered.map((course) => ({
                value: course.id,
                label: t('jobs.training.courseOption', {
                  title: course.title,
                  provider: course.provider,
                  start: date(course.startOn),
                  end: date(course.endOn),
                }),
              })),
            ]}
            disabled={courses.isPending}
            error={messageText(t, form.errors.courseId)}
            miw={320}
            data-testid="enrol-course"
          />
          <Button type="submit" loading={saving} data-testid="enrol-submit">
            {t('jobs.training.enrol')}
          </Button>
        </Group>
        {courses.data && offered.length === 0 ? <Text size="sm">{t('jobs.training.noCourses')}</Text> : null}
      </Stack>
    </form>
  );
}

interface ChangeValues extends Record<string, unknown> {
  status: string;
  attendedHours: string;
  completedOn: string;
  certificateObtained: string;
  certificateOn: string;
}

function RecordFields({
  enrolment,
  onSaved,
  onCancel,
}: {
  enrolment: EnrolmentData;
  onSaved: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<ChangeValues>({
    status: enrolment.status,
    attendedHours: String(enrolment.attendedHours),
    completedOn: enrolment.completedOn ?? '',
    certificateObtained: enrolment.certificateObtained ?? '',
    certificateOn: enrolment.certificateOn ?? '',
  });
  const { saving, save } = useSaving(form.fail);
  const error = (field: keyof ChangeValues & string) => messageText(t, form.errors[field]);
  const blankIsNull = (text: string) => (text === '' ? null : text);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const v = form.values;
    // A blank date fails only the schema's "needed with …" rule: say that, not a bare "choose".
    const messages: ValidateOptions['messages'] = {};
    if (v.completedOn === '') messages.completedOn = 'validation.custom.enrolment_completed_on_required';
    if (v.certificateOn === '')
      messages.certificateOn = 'validation.custom.enrolment_certificate_date_required';
    const input = form.validate(
      EnrolmentChange,
      {
        status: v.status,
        attendedHours: typedNumber(v.attendedHours),
        completedOn: blankIsNull(v.completedOn),
        certificateObtained: blankIsNull(v.certificateObtained),
        certificateOn: blankIsNull(v.certificateOn),
        version: enrolment.version,
      },
      { messages },
    );
    if (!input) return;
    save(
      () => changeEnrolment(enrolment.id, input),
      t('jobs.training.saved'),
      () => onSaved(),
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('jobs.training.recordFormLabel')}
      data-testid="enrolment-form"
    >
      <Stack gap="md">
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onSaved();
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('jobs.training.status')}
            required
            value={form.values.status}
            onChange={(event) => form.setValue('status', event.currentTarget.value)}
            data={ENROLMENT_STATUSES.map((status) => ({
              value: status,
              label: t(`jobs.enrolmentStatuses.${status}`),
            }))}
            error={error('status')}
            data-testid="enrolment-status-field"
          />
          <TextInput
            type="number"
            min={0}
            max={enrolment.course.hours}
            label={t('jobs.training.attendedHours')}
            description={t('jobs.training.attendedHint', { hours: enrolment.course.hours })}
            required
            error={error('attendedHours')}
            {...form.text('attendedHours')}
            data-testid="enrolment-attended"
          />
          <TextInput
            type="date"
            label={t('jobs.training.completedOn')}
            description={t('jobs.training.completedOnHint')}
            error={error('completedOn')}
            {...form.text('completedOn')}
            data-testid="enrolment-completed-on"
          />
          <NativeSelect
            label={t('jobs.training.certificateObtained')}
            value={form.values.certificateObtained}
            onChange={(event) => form.setValue('certificateObtained', event.currentTarget.value)}
            data={[{ value: '', label: t('jobs.training.noCertificate') }, ...certificateOptions(locale)]}
            error={error('certificateObtained')}
            data-testid="enrolment-certificate"
          />
          <TextInput
            type="date"
            label={t('jobs.training.certificateOn')}
            description={t('jobs.training.certificateOnHint')}
            error={error('certificateOn')}
            {...form.text('certificateOn')}
            data-testid="enrolment-certificate-on"
          />
        </SimpleGrid>
        <FormActions saving={saving} onCancel={onCancel} submitTestId="enrolment-submit" />
      </Stack>
    </form>
  );
}

/** Recording attendance, completion and a certificate for one enrolment, in a dialog. */
export function EnrolmentDialog({
  enrolment,
  onClose,
  onSaved,
}: {
  enrolment: EnrolmentData | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={enrolment !== null}
      onClose={onClose}
      size="lg"
      title={enrolment ? t('jobs.training.recordHeading', { course: enrolment.course.title }) : ''}
    >
      {enrolment ? (
        <RecordFields
          key={enrolment.id}
          enrolment={enrolment}
          onCancel={onClose}
          onSaved={async () => {
            onClose();
            await onSaved();
          }}
        />
      ) : null}
    </Modal>
  );
}
