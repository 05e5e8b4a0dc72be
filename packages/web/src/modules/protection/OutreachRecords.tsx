import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { AlertDetailData } from './api';

/** The contact attempts, newest as the server orders them, with findings and needs. */
export function Contacts({ alert }: { alert: AlertDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (alert.contacts.length === 0)
    return (
      <Text size="sm" data-testid="contacts-empty">
        {t('protection.contact.empty')}
      </Text>
    );
  return (
    <Stack
      gap="sm"
      component="ul"
      aria-label={t('protection.contact.listLabel')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
      data-testid="contacts"
    >
      {alert.contacts.map((contact) => (
        <Paper key={contact.id} component="li" withBorder p="sm" data-testid={`contact-${contact.id}`}>
          <Group gap="sm" mb={4} wrap="wrap">
            <Text size="sm" fw={600}>
              {formatDateTime(contact.contactedAt, locale)}
            </Text>
            <Text size="sm">{t(`protection.contact.methods.${contact.method}`)}</Text>
            <Text size="sm" fw={600} c={contact.reached ? 'teal.9' : 'red.9'}>
              {contact.reached ? t('protection.contact.reachedYes') : t('protection.contact.reachedNo')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('protection.contact.recordedBy', { name: contact.recordedBy.displayName })}
            </Text>
          </Group>
          {contact.findings ? (
            <Text size="sm" className="pre-wrap">
              {contact.findings}
            </Text>
          ) : null}
          {contact.needs.length > 0 ? (
            <Text size="sm" mt={4}>
              {t('protection.contact.needs')}:{' '}
              {contact.needs.map((need) => t(`protection.contact.needLabels.${need}`)).join(', ')}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

/** The services linked to the alert. */
export function Services({ alert }: { alert: AlertDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (alert.services.length === 0)
    return (
      <Text size="sm" data-testid="services-empty">
        {t('protection.service.empty')}
      </Text>
    );
  return (
    <TableFrame label={t('protection.service.tableLabel')}>
      <Table striped miw={820} aria-label={t('protection.service.tableLabel')} data-testid="services">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('protection.service.kind')}</Table.Th>
            <Table.Th scope="col">{t('protection.service.provider')}</Table.Th>
            <Table.Th scope="col">{t('protection.service.outcome')}</Table.Th>
            <Table.Th scope="col">{t('protection.service.amount')}</Table.Th>
            <Table.Th scope="col">{t('protection.service.providedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alert.services.map((service) => (
            <Table.Tr key={service.id} data-testid={`service-${service.id}`}>
              <Table.Td>{t(`protection.service.kinds.${service.kind}`)}</Table.Td>
              <Table.Td>
                {t(`protection.service.providers.${service.provider}`)}
                {service.providerName ? ` · ${service.providerName}` : ''}
              </Table.Td>
              <Table.Td>{t(`protection.service.outcomes.${service.outcome}`)}</Table.Td>
              <Table.Td>
                {service.amount === null
                  ? '—'
                  : t('protection.service.amountValue', { amount: service.amount.toLocaleString(locale) })}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(service.providedOn, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
