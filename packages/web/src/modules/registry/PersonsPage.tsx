import { Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { PERSON_PAGE_SIZE, type PersonFilters, usePersonList } from './api';

const NO_SEARCH: PersonFilters = { q: '', page: 1 };
/** PersonQuery's limit on the search text. */
const QUERY_MAX_LENGTH = 50;

/**
 * The registry's list: search by name, initial consonants, person ID, phone's last four digits or birth date,
 * within what the user may see, with masked names. The search text stays in this page's state, never in the
 * address bar or the browser history.
 */
export default function PersonsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const canCreate = hasPermission(me, 'persons.create');
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<PersonFilters>(NO_SEARCH);
  const list = usePersonList(filters);
  const items = list.data?.items ?? [];

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilters({ q: draft.trim(), page: 1 });
  };
  const clear = () => {
    setDraft('');
    setFilters(NO_SEARCH);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('persons.title')}
        actions={
          canCreate ? (
            <>
              <Button variant="default" component={Link} to="/persons/import" data-testid="person-import">
                {t('imports.button')}
              </Button>
              <Button component={Link} to="/persons/new" data-testid="person-create">
                {t('persons.create')}
              </Button>
            </>
          ) : null
        }
      />

      <form onSubmit={onSearch} aria-label={t('persons.searchLabel')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('persons.search')}
            description={t('persons.searchHint')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            maxLength={QUERY_MAX_LENGTH}
            // Names typed here must not be remembered by the browser's form history.
            autoComplete="off"
            spellCheck={false}
            w={{ base: '100%', sm: 420 }}
            data-testid="person-search"
          />
          <Button type="submit" data-testid="person-search-submit">
            {t('common.search')}
          </Button>
          <Button variant="default" onClick={clear}>
            {t('common.reset')}
          </Button>
        </Group>
      </form>

      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}

      <TableFrame label={t('persons.tableLabel')}>
        <Table
          striped
          highlightOnHover
          miw={760}
          aria-label={t('persons.tableLabel')}
          aria-busy={list.isFetching}
          data-testid="person-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('persons.code')}</Table.Th>
              <Table.Th scope="col">{t('persons.maskedName')}</Table.Th>
              <Table.Th scope="col">{t('persons.sex')}</Table.Th>
              <Table.Th scope="col">{t('persons.birthYear')}</Table.Th>
              <Table.Th scope="col">{t('persons.hanaCenter')}</Table.Th>
              <Table.Th scope="col">{t('persons.arrivalDate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((person) => (
              <Table.Tr key={person.id} data-testid={`person-row-${person.code}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/persons/${person.id}`} className="mono" fw={600}>
                    {person.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{person.maskedName}</Table.Td>
                <Table.Td>{person.sex ? t(`sex.${person.sex}`) : '—'}</Table.Td>
                <Table.Td>{person.birthYear ?? '—'}</Table.Td>
                <Table.Td>{person.hanaCenter.name}</Table.Td>
                <Table.Td>{person.arrivalDate ? formatDate(person.arrivalDate, locale) : '—'}</Table.Td>
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6} data-testid="person-empty">
                  <Text size="sm">{filters.q ? t('persons.noMatches') : t('persons.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>

      {list.data ? (
        <Pager
          page={filters.page}
          pageSize={PERSON_PAGE_SIZE}
          total={list.data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      ) : null}
    </Stack>
  );
}
