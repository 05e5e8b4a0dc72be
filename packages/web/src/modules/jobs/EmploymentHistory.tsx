import { Button, Divider, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../platform/i18n';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { EmploymentRecordData, PersonJobsData } from './api';
import { EmploymentForm, EndDialog } from './EmploymentForm';
import { useDateText, useWon } from './format';
import { occupationLabel } from './text';

function Records({
  records,
  canWrite,
  onEnd,
}: {
  records: readonly EmploymentRecordData[];
  canWrite: boolean;
  onEnd: (record: EmploymentRecordData) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const won = useWon();
  const date = useDateText();
  const label = t('jobs.employment.tableLabel');
  if (records.length === 0)
    return (
      <Text size="sm" data-testid="employment-empty">
        {t('jobs.employment.empty')}
      </Text>
    );
  return (
    <TableFrame label={label}>
      <Table striped miw={820} aria-label={label} data-testid="employment-records">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('jobs.fields.employer')}</Table.Th>
            <Table.Th scope="col">{t('jobs.employment.startOn')}</Table.Th>
            <Table.Th scope="col">{t('jobs.employment.endOn')}</Table.Th>
            <Table.Th scope="col">{t('jobs.employment.insuredShort')}</Table.Th>
            <Table.Th scope="col">{t('jobs.fields.occupation')}</Table.Th>
            <Table.Th scope="col">{t('jobs.fields.monthlyWage')}</Table.Th>
            {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={record.id} data-testid={`employment-${record.id}`}>
              <Table.Td>{record.employer.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(record.startOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {record.endOn ? date(record.endOn) : t('jobs.employment.current')}
              </Table.Td>
              <Table.Td>{record.insured ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>{record.occupation ? occupationLabel(record.occupation, locale) : '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {record.monthlyWage === null ? '—' : won(record.monthlyWage)}
              </Table.Td>
              {canWrite ? (
                <Table.Td>
                  {record.endOn === null ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onEnd(record)}
                      aria-label={t('jobs.employment.setEndLabel', { employer: record.employer.name })}
                      data-testid="employment-set-end"
                    >
                      {t('jobs.employment.setEnd')}
                    </Button>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

function Tenure({ tenure }: { tenure: PersonJobsData['tenure'] }) {
  const { t } = useTranslation();
  const date = useDateText();
  const label = t('jobs.employment.tenureTableLabel');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" id="jobs-tenure">
        {t('jobs.employment.tenureHeading')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('jobs.employment.tenureIntro')}
      </Text>
      {tenure.length === 0 ? (
        <Text size="sm" data-testid="tenure-empty">
          {t('jobs.employment.tenureEmpty')}
        </Text>
      ) : (
        <TableFrame label={label}>
          <Table miw={560} aria-label={label} data-testid="tenure">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('jobs.fields.employer')}</Table.Th>
                <Table.Th scope="col">{t('jobs.employment.period')}</Table.Th>
                <Table.Th scope="col">{t('jobs.employment.tenureMonths')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tenure.map((row) => (
                <Table.Tr key={`${row.employer.id}:${row.start}`}>
                  <Table.Th scope="row">{row.employer.name}</Table.Th>
                  <Table.Td>
                    {t('jobs.employment.range', {
                      start: date(row.start),
                      end: row.end ? date(row.end) : t('jobs.employment.current'),
                    })}
                  </Table.Td>
                  <Table.Td data-testid="tenure-months">
                    {t('jobs.monthsCount', { count: row.months })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
    </Stack>
  );
}

/** The person's employment records (with a way to add one and to set an end date) and tenure per employer. */
export function EmploymentHistory({
  personId,
  jobs,
  canWrite,
  onSaved,
}: {
  personId: string;
  jobs: PersonJobsData;
  canWrite: boolean;
  onSaved: () => Promise<unknown>;
}) {
  const [ending, setEnding] = useState<EmploymentRecordData | null>(null);
  return (
    <Stack gap="md">
      <Records records={jobs.employment} canWrite={canWrite} onEnd={setEnding} />
      <Tenure tenure={jobs.tenure} />
      {canWrite ? (
        <>
          <Divider />
          <EmploymentForm personId={personId} onSaved={onSaved} />
        </>
      ) : null}
      <EndDialog record={ending} onClose={() => setEnding(null)} onSaved={onSaved} />
    </Stack>
  );
}
