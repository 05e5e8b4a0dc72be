import { Anchor, Badge, List, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { ImportRowData } from './api';
import { columnOf } from './cohort-columns';

const STATUS_COLOR: Record<ImportRowData['status'], string> = {
  ok: 'teal',
  invalid: 'red',
  duplicate: 'orange',
};

function RowProblems({ row }: { row: ImportRowData }) {
  const { t } = useTranslation();
  if (row.status === 'ok') return <Text size="sm">{t('imports.rowOk')}</Text>;
  return (
    <List size="sm" spacing={2}>
      {row.errors.map((error) => {
        const column = columnOf(error.path);
        return (
          <List.Item key={`${error.path}:${error.message}`}>
            <Text span size="sm" fw={600}>
              {column ? t(`persons.${column}`) : t('imports.otherColumn')}
            </Text>
            {': '}
            {error.message}
          </List.Item>
        );
      })}
      {row.sameAsRow !== null ? (
        <List.Item>{t('imports.sameAsRow', { row: row.sameAsRow })}</List.Item>
      ) : null}
      {row.duplicates.map((candidate) => (
        <List.Item key={candidate.code}>
          {t('imports.registeredAs', {
            code: candidate.code,
            who: candidate.inScope && candidate.maskedName ? candidate.maskedName : candidate.hanaCenterName,
            level: t(`persons.duplicates.levels.${candidate.level}`),
            score: candidate.score,
          })}
        </List.Item>
      ))}
    </List>
  );
}

/** The preview's rows: those that will not be imported first, every row on request. */
export function ImportRowsTable({ rows }: { rows: readonly ImportRowData[] }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const problems = rows.filter((row) => row.status !== 'ok');
  const shown = showAll ? rows : problems;
  return (
    <Stack gap="sm">
      <Switch
        label={t('imports.showAllRows')}
        checked={showAll}
        onChange={(event) => setShowAll(event.currentTarget.checked)}
        data-testid="import-show-all"
      />
      {shown.length === 0 ? (
        <Text size="sm" data-testid="import-no-problems">
          {t('imports.noProblems')}
        </Text>
      ) : (
        <TableFrame label={t('imports.rowsLabel')}>
          <Table striped miw={720} aria-label={t('imports.rowsLabel')} data-testid="import-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={90}>
                  {t('imports.rowNumber')}
                </Table.Th>
                <Table.Th scope="col" w={120}>
                  {t('persons.maskedName')}
                </Table.Th>
                <Table.Th scope="col" w={130}>
                  {t('common.status')}
                </Table.Th>
                <Table.Th scope="col">{t('imports.problems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={row.row} data-testid={`import-row-${row.row}`}>
                  <Table.Td>{t('imports.rowN', { row: row.row })}</Table.Td>
                  <Table.Td>{row.maskedName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[row.status]} tt="none">
                      {t(`imports.status.${row.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RowProblems row={row} />
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

/** The records a commit created, each linking to its page. */
export function ImportedPersons({ persons }: { persons: readonly { id: string; code: string }[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4} aria-label={t('imports.importedList')} data-testid="import-result-list">
      {persons.map((person) => (
        <List.Item key={person.id}>
          <Anchor component={Link} to={`/persons/${person.id}`} className="mono">
            {person.code}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}
