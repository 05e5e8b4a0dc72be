import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { PersonDetailData } from '../registry/api';
import { useCenterName } from '../transfers/api';
import { TIMELINE_PAGE_SIZE, usePersonTimeline } from './api';
import { eventGroup, eventText } from './event-text';

const GROUP_COLOR = {
  registry: 'gray',
  case: 'blue',
  task: 'grape',
  consent: 'teal',
  referral: 'orange',
  transfer: 'indigo',
  protection: 'red',
  jobs: 'green',
} as const;

/** Everything recorded on the person, newest first, page by page: what, when and by whom. */
export default function PersonTimelinePanel({ person }: { person: PersonDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const centerName = useCenterName();
  const [page, setPage] = useState(1);
  const timeline = usePersonTimeline(person.id, page);
  const items = timeline.data?.items ?? [];
  const tableLabel = t('personTimeline.tableLabel');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-timeline-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="person-timeline-heading">
          {t('personTimeline.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('personTimeline.intro')}
        </Text>
        {timeline.isError ? (
          <ProblemAlert problem={problemOf(timeline.error, t('errors.loadFailed'))} />
        ) : null}
        <TableFrame label={tableLabel}>
          <Table
            miw={720}
            aria-label={tableLabel}
            aria-busy={timeline.isFetching}
            data-testid="person-timeline-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('personTimeline.columns.at')}</Table.Th>
                <Table.Th scope="col">{t('personTimeline.columns.group')}</Table.Th>
                <Table.Th scope="col">{t('personTimeline.columns.what')}</Table.Th>
                <Table.Th scope="col">{t('personTimeline.columns.actor')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => {
                const group = eventGroup(event);
                return (
                  <Table.Tr key={event.id} data-testid="timeline-event" data-kind={event.kind}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at, locale)}</Table.Td>
                    <Table.Td>
                      <Badge color={GROUP_COLOR[group]} variant="light">
                        {t(`personTimeline.groups.${group}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{eventText(t, event, centerName)}</Table.Td>
                    <Table.Td>{event.actor ?? t('personTimeline.system')}</Table.Td>
                  </Table.Tr>
                );
              })}
              {timeline.isSuccess && items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4} data-testid="timeline-empty">
                    <Text size="sm">{t('personTimeline.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </TableFrame>
        {timeline.data ? (
          <Pager page={page} pageSize={TIMELINE_PAGE_SIZE} total={timeline.data.total} onChange={setPage} />
        ) : null}
      </Stack>
    </Card>
  );
}
