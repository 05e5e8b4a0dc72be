import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { SignalData } from './api';
import { signalSourceLabel, signalTypeLabel, signalValueText } from './text';

/** Signals as received: what, when observed, the value with its unit, who reported it and how it came in. */
export function SignalsTable({ signals, label }: { signals: readonly SignalData[]; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (signals.length === 0)
    return (
      <Text size="sm" data-testid="signals-empty">
        {t('protection.signals.empty')}
      </Text>
    );
  return (
    <TableFrame label={label}>
      <Table striped miw={760} aria-label={label} data-testid="signals-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('protection.signals.type')}</Table.Th>
            <Table.Th scope="col">{t('protection.signals.observedOn')}</Table.Th>
            <Table.Th scope="col">{t('protection.signals.value')}</Table.Th>
            <Table.Th scope="col">{t('protection.signals.source')}</Table.Th>
            <Table.Th scope="col">{t('protection.signals.via')}</Table.Th>
            <Table.Th scope="col">{t('protection.signals.receivedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {signals.map((signal) => (
            <Table.Tr key={signal.id} data-testid={`signal-${signal.type}`}>
              <Table.Td fw={600}>{signalTypeLabel(signal.type, locale)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(signal.observedOn, locale)}</Table.Td>
              <Table.Td>{signalValueText(signal.type, signal.value, locale)}</Table.Td>
              <Table.Td>{signal.sourceOrganization?.name ?? signalSourceLabel(signal.type, locale)}</Table.Td>
              <Table.Td>{t(`protection.signals.vias.${signal.via}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(signal.receivedAt, locale)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
