import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { useLocale } from '../../platform/i18n';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type CourseData, jobsKeys, useCourseEnrolments, useCourses } from './api';
import { EnrolmentStatusBadge } from './badges';
import { CourseDialog } from './CourseForm';
import { useDateText } from './format';
import { JobsHeader } from './JobsHeader';
import { certificateLabel, occupationLabel } from './text';

function CourseEnrolments({ course, id }: { course: CourseData; id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = useDateText();
  const list = useCourseEnrolments(course.id, true);
  if (list.isError) return <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} />;
  if (!list.data) return <PageLoader />;
  const items = list.data.items;
  const label = t('jobs.courses.enrolmentsTableLabel', { title: course.title });
  if (items.length === 0)
    return (
      <Text size="sm" id={id} data-testid="course-enrolments-empty">
        {t('jobs.courses.noEnrolments')}
      </Text>
    );
  return (
    <Table id={id} aria-label={label} data-testid="course-enrolments">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('jobs.fields.person')}</Table.Th>
          <Table.Th scope="col">{t('jobs.training.status')}</Table.Th>
          <Table.Th scope="col">{t('jobs.training.attendance')}</Table.Th>
          <Table.Th scope="col">{t('jobs.training.completedOn')}</Table.Th>
          <Table.Th scope="col">{t('jobs.training.certificate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((enrolment) => (
          <Table.Tr key={enrolment.id}>
            <Table.Td>
              <Anchor component={Link} to={`/persons/${enrolment.person.id}?tab=jobs`} className="mono">
                {enrolment.person.code}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <EnrolmentStatusBadge status={enrolment.status} />
            </Table.Td>
            <Table.Td>
              {t('jobs.training.attended', { attended: enrolment.attendedHours, hours: course.hours })}
            </Table.Td>
            <Table.Td>{date(enrolment.completedOn)}</Table.Td>
            <Table.Td>
              {enrolment.certificateObtained ? certificateLabel(enrolment.certificateObtained, locale) : '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Training courses: when, where, how long, for what occupation and certificate, and who is enrolled. */
export default function CoursesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = useDateText();
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useCourses();
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ course: CourseData | null } | null>(null);
  const canManage = hasPermission(me, 'jobs.employers');
  const items = list.data?.items ?? [];
  const label = t('jobs.courses.tableLabel');
  const columns = 7;

  return (
    <Stack gap="md">
      <JobsHeader
        title={t('jobs.courses.title')}
        actions={
          canManage ? (
            <Button onClick={() => setEditing({ course: null })} data-testid="course-create">
              {t('jobs.courses.create')}
            </Button>
          ) : null
        }
      />
      <Text>{t('jobs.courses.intro')}</Text>
      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}
      <TableFrame label={label}>
        <Table miw={1040} aria-label={label} aria-busy={list.isFetching} data-testid="courses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('jobs.courses.course')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.occupation')}</Table.Th>
              <Table.Th scope="col">{t('jobs.training.period')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.region')}</Table.Th>
              <Table.Th scope="col">{t('jobs.courses.hoursColumn')}</Table.Th>
              <Table.Th scope="col">{t('jobs.courses.enrolledColumn')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((course) => {
              const expanded = open === course.id;
              const enrolmentsId = `course-enrolments-${course.id}`;
              return (
                <Fragment key={course.id}>
                  <Table.Tr data-testid={`course-${course.id}`}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {course.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {course.provider}
                      </Text>
                      {course.oneYearCourse ? <Text size="xs">{t('jobs.courses.oneYearCourse')}</Text> : null}
                      {course.certificate ? (
                        <Text size="xs">
                          {t('jobs.courses.preparesFor', {
                            certificate: certificateLabel(course.certificate, locale),
                          })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{occupationLabel(course.occupation, locale)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {t('jobs.employment.range', { start: date(course.startOn), end: date(course.endOn) })}
                    </Table.Td>
                    <Table.Td>{t(`regions.${course.region}`)}</Table.Td>
                    <Table.Td>{t('jobs.courses.hours', { hours: course.hours })}</Table.Td>
                    <Table.Td>
                      {t('jobs.courses.enrolled', { enrolled: course.enrolled, capacity: course.capacity })}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-expanded={expanded}
                          aria-controls={expanded ? enrolmentsId : undefined}
                          aria-label={t(
                            expanded
                              ? 'jobs.courses.hideEnrolmentsLabel'
                              : 'jobs.courses.showEnrolmentsLabel',
                            { title: course.title },
                          )}
                          onClick={() => setOpen(expanded ? null : course.id)}
                          data-testid="course-enrolments-toggle"
                        >
                          {t(expanded ? 'jobs.courses.hideEnrolments' : 'jobs.courses.showEnrolments')}
                        </Button>
                        {canManage ? (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing({ course })}
                            aria-label={t('jobs.courses.editLabel', { title: course.title })}
                            data-testid="course-edit"
                          >
                            {t('common.edit')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {expanded ? (
                    <Table.Tr>
                      <Table.Td colSpan={columns}>
                        <CourseEnrolments course={course} id={enrolmentsId} />
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns} data-testid="courses-empty">
                  {t('jobs.courses.empty')}
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      <CourseDialog
        opened={editing !== null}
        course={editing?.course ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => queryClient.invalidateQueries({ queryKey: jobsKeys.all })}
      />
    </Stack>
  );
}
