import { Badge, List, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { UNCLIPPED } from '../../platform/ui/badges';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { SignalImportRowData } from './api';
import { signalTypeLabel, signalValueText } from './text';

const STATUS_COLOR: Record<SignalImportRowData['status'], string> = { valid: 'teal', invalid: 'red' };

/**
 * The preview's rows: those that will not be recorded first, every row on request. A row shows the person's
 * pseudonymous ID once found, never the resident registration number it was found by.
 */
export function SignalImportRows({ rows }: { rows: readonly SignalImportRowData[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [showAll, setShowAll] = useState(false);
  const problems = rows.filter((row) => row.status !== 'valid');
  const shown = showAll ? rows : problems;
  return (
    <Stack gap="sm">
      <Switch
        label={t('protection.imports.showAllRows')}
        checked={showAll}
        onChange={(event) => setShowAll(event.currentTarget.checked)}
        data-testid="signal-import-show-all"
      />
      {shown.length === 0 ? (
        <Text size="sm" data-testid="signal-import-no-problems">
          {t('protection.imports.noProblems')}
        </Text>
      ) : (
        <TableFrame label={t('protection.imports.rowsLabel')}>
          <Table
            striped
            miw={900}
            aria-label={t('protection.imports.rowsLabel')}
            data-testid="signal-import-rows"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {t('protection.imports.rowNumber')}
                </Table.Th>
                <Table.Th scope="col">{t('protection.imports.person')}</Table.Th>
                <Table.Th scope="col">{t('protection.imports.type')}</Table.Th>
                <Table.Th scope="col">{t('protection.imports.observedOn')}</Table.Th>
                <Table.Th scope="col">{t('protection.imports.value')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">{t('protection.imports.problems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={row.line} data-testid={`signal-import-row-${row.line}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('protection.imports.rowN', { row: row.line })}
                  </Table.Td>
                  <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>
                    {row.personCode ?? '—'}
                  </Table.Td>
                  <Table.Td>{row.type ? signalTypeLabel(row.type, locale) : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {row.observedOn ? formatDate(row.observedOn, locale) : '—'}
                  </Table.Td>
                  <Table.Td>
                    {row.type ? signalValueText(row.type, row.value, locale) : (row.value ?? '—')}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[row.status]} tt="none" styles={UNCLIPPED}>
                      {t(`protection.imports.status.${row.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {row.errors.length === 0 ? (
                      <Text size="sm">{t('protection.imports.rowOk')}</Text>
                    ) : (
                      <List size="sm" spacing={2}>
                        {row.errors.map((error) => (
                          <List.Item key={`${error.path}:${error.message.ko}`}>
                            {error.message[locale]}
                          </List.Item>
                        ))}
                      </List>
                    )}
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
