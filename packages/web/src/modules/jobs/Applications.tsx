import { OPEN_STAGES } from '@ieum/domain';
import { Anchor, Button, List, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { ApplicationData } from './api';
import { StageBadge } from './badges';
import { MoveDialog } from './MoveForm';

function History({ application, id }: { application: ApplicationData; id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <List
      size="sm"
      spacing={4}
      id={id}
      aria-label={t('jobs.applications.historyLabel', { title: application.posting.title })}
      data-testid="application-history"
    >
      {application.events.map((event, index) => {
        const to = t(`jobs.stages.${event.to}`);
        const step = event.from
          ? t('jobs.applications.moved', { from: t(`jobs.stages.${event.from}`), to })
          : t('jobs.applications.created', { to });
        const reason = event.reason
          ? t('jobs.applications.because', { reason: t(`jobs.endReasons.${event.reason}`) })
          : '';
        return (
          // Events carry no id; the server lists them in the order they happened.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <List.Item key={index} data-testid="application-event">
            {t('jobs.applications.event', {
              at: formatDateTime(event.at, locale),
              step: `${step}${reason}`,
              by: event.by?.displayName ?? t('jobs.applications.system'),
            })}
          </List.Item>
        );
      })}
    </List>
  );
}

/**
 * Applications with their stage in words, their history on request, and (for those who may) a way to move
 * each open one on. On a person's tab each row names the posting; on a posting's page, the person.
 */
export function Applications({
  applications,
  canWrite,
  onMoved,
  show,
  label,
}: {
  applications: readonly ApplicationData[];
  canWrite: boolean;
  onMoved: () => Promise<unknown>;
  show: 'posting' | 'person';
  label: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [moving, setMoving] = useState<ApplicationData | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns = canWrite ? 6 : 5;

  if (applications.length === 0)
    return (
      <Text size="sm" data-testid="applications-empty">
        {t('jobs.applications.empty')}
      </Text>
    );
  return (
    <>
      <TableFrame label={label}>
        <Table miw={860} aria-label={label} data-testid="applications">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                {show === 'posting' ? t('jobs.applications.posting') : t('jobs.fields.person')}
              </Table.Th>
              <Table.Th scope="col">{t('jobs.applications.stage')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.score')}</Table.Th>
              <Table.Th scope="col">{t('jobs.applications.updatedAt')}</Table.Th>
              <Table.Th scope="col">{t('jobs.applications.history')}</Table.Th>
              {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {applications.map((application) => {
              const historyId = `application-history-${application.id}`;
              const expanded = open.has(application.id);
              const subject = show === 'posting' ? application.posting.title : application.person.code;
              return (
                <Fragment key={application.id}>
                  <Table.Tr data-testid={`application-${application.id}`}>
                    <Table.Td>
                      {show === 'posting' ? (
                        <Stack gap={2}>
                          <Anchor component={Link} to={`/jobs/postings/${application.posting.id}`} fw={600}>
                            {application.posting.title}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {application.posting.employer.name}
                          </Text>
                        </Stack>
                      ) : (
                        <Anchor
                          component={Link}
                          to={`/persons/${application.person.id}?tab=jobs`}
                          className="mono"
                          fw={600}
                        >
                          {application.person.code}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2} align="flex-start">
                        <StageBadge stage={application.stage} />
                        {application.reason ? (
                          <Text size="xs">{t(`jobs.endReasons.${application.reason}`)}</Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {application.score === null ? '—' : t('jobs.score', { score: application.score })}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(application.updatedAt, locale)}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-expanded={expanded}
                        // The history row exists only while open.
                        aria-controls={expanded ? historyId : undefined}
                        aria-label={t(
                          expanded
                            ? 'jobs.applications.hideHistoryLabel'
                            : 'jobs.applications.showHistoryLabel',
                          { subject },
                        )}
                        onClick={() => toggle(application.id)}
                        data-testid="application-history-toggle"
                      >
                        {t(expanded ? 'jobs.applications.hideHistory' : 'jobs.applications.showHistory')}
                      </Button>
                    </Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        {OPEN_STAGES.includes(application.stage) ? (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setMoving(application)}
                            aria-label={t('jobs.applications.moveLabel', { subject })}
                            data-testid="application-move"
                          >
                            {t('jobs.applications.move')}
                          </Button>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {t('jobs.applications.final')}
                          </Text>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                  {expanded ? (
                    <Table.Tr>
                      <Table.Td colSpan={columns}>
                        <History application={application} id={historyId} />
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableFrame>
      <MoveDialog application={moving} onClose={() => setMoving(null)} onMoved={onMoved} />
    </>
  );
}
