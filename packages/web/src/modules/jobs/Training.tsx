import { Button, Divider, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../platform/i18n';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { EnrolmentData } from './api';
import { EnrolmentStatusBadge } from './badges';
import { EnrolForm, EnrolmentDialog } from './EnrolmentForms';
import { useDateText } from './format';
import { certificateLabel } from './text';

/** The person's training: each enrolment with attendance and outcome, a way to record them, and enrolling. */
export function Training({
  personId,
  enrolments,
  canWrite,
  onSaved,
}: {
  personId: string;
  enrolments: readonly EnrolmentData[];
  canWrite: boolean;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = useDateText();
  const [recording, setRecording] = useState<EnrolmentData | null>(null);
  const label = t('jobs.training.tableLabel');

  return (
    <Stack gap="md">
      {enrolments.length === 0 ? (
        <Text size="sm" data-testid="training-empty">
          {t('jobs.training.empty')}
        </Text>
      ) : (
        <TableFrame label={label}>
          <Table striped miw={880} aria-label={label} data-testid="enrolments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('jobs.training.course')}</Table.Th>
                <Table.Th scope="col">{t('jobs.training.period')}</Table.Th>
                <Table.Th scope="col">{t('jobs.training.status')}</Table.Th>
                <Table.Th scope="col">{t('jobs.training.attendance')}</Table.Th>
                <Table.Th scope="col">{t('jobs.training.completedOn')}</Table.Th>
                <Table.Th scope="col">{t('jobs.training.certificate')}</Table.Th>
                {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrolments.map((enrolment) => (
                <Table.Tr key={enrolment.id} data-testid={`enrolment-${enrolment.id}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {enrolment.course.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {enrolment.course.provider}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('jobs.employment.range', {
                      start: date(enrolment.course.startOn),
                      end: date(enrolment.course.endOn),
                    })}
                  </Table.Td>
                  <Table.Td>
                    <EnrolmentStatusBadge status={enrolment.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('jobs.training.attended', {
                      attended: enrolment.attendedHours,
                      hours: enrolment.course.hours,
                    })}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(enrolment.completedOn)}</Table.Td>
                  <Table.Td>
                    {enrolment.certificateObtained
                      ? t('jobs.training.certificateWithDate', {
                          certificate: certificateLabel(enrolment.certificateObtained, locale),
                          date: date(enrolment.certificateOn),
                        })
                      : '—'}
                  </Table.Td>
                  {canWrite ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRecording(enrolment)}
                        aria-label={t('jobs.training.recordLabel', { course: enrolment.course.title })}
                        data-testid="enrolment-record"
                      >
                        {t('jobs.training.record')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
      {canWrite ? (
        <>
          <Divider />
          <EnrolForm
            personId={personId}
            enrolledCourseIds={new Set(enrolments.map((enrolment) => enrolment.course.id))}
            onSaved={onSaved}
          />
        </>
      ) : null}
      <EnrolmentDialog enrolment={recording} onClose={() => setRecording(null)} onSaved={onSaved} />
    </Stack>
  );
}
