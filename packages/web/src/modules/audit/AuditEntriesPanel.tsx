import type { AuditEntry } from '@ieum/domain';
import { AUDIT_ACTIONS, AuditAction, AuditQuery } from '@ieum/domain';
import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { AUDIT_PAGE_SIZE, type AuditFilters, useAuditEntries } from './api';

const ALL = '*';
const NO_FILTERS: AuditFilters = { actor: '', subjectId: '', action: null, from: '', to: '', page: 1 };

function EntryRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const record = [entry.entityType, entry.entityId].filter(Boolean).join(' · ');
  return (
    <Table.Tr>
      <Table.Td>{entry.seq}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt, locale)}</Table.Td>
      <Table.Td className="mono">{entry.actorUsername ?? t('audit.system')}</Table.Td>
      <Table.Td>{t(`auditActions.${entry.action}`)}</Table.Td>
      <Table.Td className="mono">{record || '—'}</Table.Td>
      <Table.Td className="mono">{entry.subjectId ?? '—'}</Table.Td>
      <Table.Td className="mono">{entry.ip ?? '—'}</Table.Td>
      <Table.Td>{entry.reason ?? '—'}</Table.Td>
    </Table.Tr>
  );
}

/** The access log: filter on the server (actor, data subject, action, Korean date range) and page through it. */
export function AuditEntriesPanel() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const form = useForm({ actor: '', subjectId: '', action: ALL as string, from: '', to: '' });
  const entries = useAuditEntries(filters);
  const error = (field: 'actor' | 'subjectId' | 'from' | 'to') => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { values } = form;
    const query = form.validate(AuditQuery, {
      actor: values.actor.trim() || undefined,
      subjectId: values.subjectId.trim() || undefined,
      action: values.action === ALL ? undefined : values.action,
      from: values.from || undefined,
      to: values.to || undefined,
    });
    if (!query) return;
    if (query.from && query.to && query.from > query.to) {
      form.setErrors({ to: { key: 'validation.dateRange' } });
      return;
    }
    setFilters({
      actor: query.actor ?? '',
      subjectId: query.subjectId ?? '',
      action: query.action ?? null,
      from: query.from ?? '',
      to: query.to ?? '',
      page: 1,
    });
  };

  const clear = () => {
    form.reset({ actor: '', subjectId: '', action: ALL, from: '', to: '' });
    setFilters(NO_FILTERS);
  };

  const items = entries.data?.items ?? [];
  return (
    <Stack gap="md">
      <form onSubmit={onSubmit} noValidate aria-label={t('audit.filters')}>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('audit.actor')}
            error={error('actor')}
            data-testid="audit-filter-actor"
            {...form.text('actor')}
          />
          <TextInput
            label={t('audit.subjectId')}
            error={error('subjectId')}
            data-testid="audit-filter-subject"
            {...form.text('subjectId')}
          />
          <Select
            label={t('audit.action')}
            data={[
              { value: ALL, label: t('common.all') },
              ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`auditActions.${action}`) })),
            ]}
            value={form.values.action}
            onChange={(value) =>
              form.setValue('action', AuditAction.safeParse(value).success && value ? value : ALL)
            }
            allowDeselect={false}
            data-testid="audit-filter-action"
          />
          <TextInput
            type="date"
            label={t('audit.from')}
            error={error('from')}
            data-testid="audit-filter-from"
            {...form.text('from')}
          />
          <TextInput
            type="date"
            label={t('audit.to')}
            error={error('to')}
            data-testid="audit-filter-to"
            {...form.text('to')}
          />
          <Group gap="sm" mt={25}>
            <Button type="submit" data-testid="audit-search">
              {t('common.search')}
            </Button>
            <Button variant="default" onClick={clear}>
              {t('common.reset')}
            </Button>
          </Group>
        </Group>
      </form>

      {entries.isError ? <ProblemAlert problem={problemOf(entries.error, t('errors.loadFailed'))} /> : null}

      <TableFrame label={t('audit.tableLabel')}>
        <Table striped miw={980} aria-label={t('audit.tableLabel')} data-testid="audit-table" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.seq')}</Table.Th>
              <Table.Th scope="col">{t('audit.occurredAt')}</Table.Th>
              <Table.Th scope="col">{t('audit.actorColumn')}</Table.Th>
              <Table.Th scope="col">{t('audit.action')}</Table.Th>
              <Table.Th scope="col">{t('audit.entity')}</Table.Th>
              <Table.Th scope="col">{t('audit.subject')}</Table.Th>
              <Table.Th scope="col">{t('audit.ip')}</Table.Th>
              <Table.Th scope="col">{t('audit.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <EntryRow key={entry.id} entry={entry} />
            ))}
            {entries.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text size="sm">{t('common.noResults')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>

      {entries.data ? (
        <Pager
          page={filters.page}
          pageSize={AUDIT_PAGE_SIZE}
          total={entries.data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      ) : null}
    </Stack>
  );
}
