import { Alert, Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError, problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { isUuid } from '../../platform/ids';
import { Fact } from '../../platform/ui/Fact';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { Section } from '../../platform/ui/Section';
import { Applications } from './Applications';
import { jobsKeys, type PostingData, usePosting, usePostingApplications } from './api';
import { PostingStatusBadge, PriorityBadge } from './badges';
import { Candidates } from './Candidates';
import { useDateText, useWon } from './format';
import { JobsHeader } from './JobsHeader';
import { PostingDialog } from './PostingForm';
import { occupationLabel, referenceLabels } from './text';

function PostingFacts({ posting }: { posting: PostingData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const won = useWon();
  const date = useDateText();
  const list = (kind: 'skill' | 'certificate', codes: readonly string[]) =>
    codes.length === 0 ? t('common.none') : referenceLabels(kind, codes, locale);
  return (
    <Table
      variant="vertical"
      layout="fixed"
      withRowBorders={false}
      aria-labelledby="posting-facts"
      data-testid="posting-facts"
    >
      <Table.Tbody>
        <Fact label={t('jobs.fields.employer')}>
          <Stack gap={2} align="flex-start">
            <Text size="sm">{posting.employer.name}</Text>
            {posting.employer.priorityPurchasing ? <PriorityBadge /> : null}
          </Stack>
        </Fact>
        <Fact label={t('common.status')}>
          <PostingStatusBadge status={posting.status} />
        </Fact>
        <Fact label={t('jobs.fields.occupation')}>{occupationLabel(posting.occupation, locale)}</Fact>
        <Fact label={t('jobs.postingForm.region')}>{t(`regions.${posting.region}`)}</Fact>
        <Fact label={t('jobs.postingForm.hours')}>
          {t('jobs.posting.hoursAndSchedule', {
            hours: t(`jobs.hours.${posting.hours}`),
            schedule: t(`jobs.schedules.${posting.schedule}`),
          })}
        </Fact>
        <Fact label={t('jobs.postingForm.heavyPhysicalWork')}>
          {posting.heavyPhysicalWork ? t('common.yes') : t('common.no')}
        </Fact>
        <Fact label={t('jobs.fields.monthlyWage')}>{won(posting.monthlyWage)}</Fact>
        <Fact label={t('jobs.postingForm.requiredSkills')}>{list('skill', posting.requiredSkills)}</Fact>
        <Fact label={t('jobs.postingForm.preferredSkills')}>{list('skill', posting.preferredSkills)}</Fact>
        <Fact label={t('jobs.postingForm.requiredCertificates')}>
          {list('certificate', posting.requiredCertificates)}
        </Fact>
        <Fact label={t('jobs.postingForm.preferredCertificates')}>
          {list('certificate', posting.preferredCertificates)}
        </Fact>
        <Fact label={t('jobs.postingForm.requiredKoreanLevel')}>
          {`${t('jobs.levelName', { level: posting.requiredKoreanLevel })} — ${t(
            `jobs.koreanLevels.${String(posting.requiredKoreanLevel) as '1'}`,
          )}`}
        </Fact>
        <Fact label={t('jobs.postings.openings')}>
          {t('jobs.postings.placedOfOpenings', { placed: posting.placed, openings: posting.openings })}
        </Fact>
        <Fact label={t('jobs.postingForm.closingOn')}>{date(posting.closingOn)}</Fact>
        <Fact label={t('common.createdAt')}>{formatDateTime(posting.createdAt, locale)}</Fact>
      </Table.Tbody>
    </Table>
  );
}

/**
 * One posting: its facts, the ten best candidates in the reader's scope with their reasons (and a way to
 * register one), and the applications made to it.
 */
export default function PostingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const wellFormed = isUuid(id);
  const posting = usePosting(id, wellFormed);
  const applications = usePostingApplications(id, wellFormed);
  const [editing, setEditing] = useState(false);
  const canWrite = hasPermission(me, 'jobs.write');
  const refresh = () => queryClient.invalidateQueries({ queryKey: jobsKeys.all });

  if (!wellFormed || (isApiError(posting.error) && posting.error.status === 404))
    return (
      <Stack gap="md">
        <JobsHeader title={t('jobs.posting.notFoundTitle')} />
        <Alert color="yellow" data-testid="posting-not-found">
          {t('jobs.posting.notFound')}
        </Alert>
        <Anchor component={Link} to="/jobs/postings">
          {t('jobs.posting.back')}
        </Anchor>
      </Stack>
    );
  if (posting.isError) return <ProblemAlert problem={problemOf(posting.error, t('errors.unexpected'))} />;
  if (!posting.data) return <PageLoader />;
  const data = posting.data;

  return (
    <Stack gap="lg" data-testid="posting-page">
      <JobsHeader
        title={data.title}
        actions={
          <>
            <Button variant="default" component={Link} to="/jobs/postings">
              {t('jobs.posting.back')}
            </Button>
            {hasPermission(me, 'jobs.employers') ? (
              <Button onClick={() => setEditing(true)} data-testid="posting-edit">
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Section id="posting-facts" heading={t('jobs.posting.factsHeading')}>
        <PostingFacts posting={data} />
      </Section>
      <Section id="posting-candidates" heading={t('jobs.posting.candidatesHeading')}>
        <Candidates posting={data} canWrite={canWrite} onCreated={refresh} />
      </Section>
      <Section id="posting-applications" heading={t('jobs.posting.applicationsHeading')}>
        {applications.isError ? (
          <ProblemAlert problem={problemOf(applications.error, t('errors.loadFailed'))} />
        ) : applications.data ? (
          <Applications
            applications={applications.data.items}
            canWrite={canWrite}
            onMoved={refresh}
            show="person"
            label={t('jobs.posting.applicationsTableLabel')}
          />
        ) : (
          <PageLoader />
        )}
      </Section>
      <PostingDialog
        opened={editing}
        posting={data}
        onClose={() => setEditing(false)}
        onRefresh={refresh}
        onSaved={refresh}
      />
    </Stack>
  );
}
