import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { Section } from '../../platform/ui/Section';
import type { PersonDetailData } from '../registry/api';
import { Applications } from './Applications';
import { jobsKeys, usePersonJobs } from './api';
import { EmploymentHistory } from './EmploymentHistory';
import { IncentiveStatement } from './IncentiveStatement';
import { Recommendations } from './Recommendations';
import { SeekerProfileForm } from './SeekerProfileForm';
import { Training } from './Training';

/**
 * The person page's 취업 tab: the seeker profile, the postings recommended with their reasons, applications
 * through the pipeline, employment and tenure, training, and the incentive statement with its ledger.
 */
export default function PersonJobsPanel({ person }: { person: PersonDetailData }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const jobs = usePersonJobs(person.id);
  const canWrite = hasPermission(me, 'jobs.write');
  // Any change here can move a score, a stage or an incentive line: everything of the module is asked again.
  const refresh = () => queryClient.invalidateQueries({ queryKey: jobsKeys.all });

  if (jobs.isError) return <ProblemAlert problem={problemOf(jobs.error, t('errors.unexpected'))} />;
  if (!jobs.data) return <PageLoader />;
  const data = jobs.data;
  return (
    <Stack gap="lg" data-testid="jobs-tab">
      <Section id="jobs-profile" heading={t('jobs.person.profileHeading')}>
        <SeekerProfileForm person={person} profile={data.profile} canEdit={canWrite} onSaved={refresh} />
      </Section>
      <Section id="jobs-recommendations" heading={t('jobs.person.recommendationsHeading')}>
        <Recommendations
          personId={person.id}
          enabled={data.profile !== null}
          canWrite={canWrite}
          onCreated={refresh}
        />
      </Section>
      <Section id="jobs-applications" heading={t('jobs.person.applicationsHeading')}>
        <Applications
          applications={data.applications}
          canWrite={canWrite}
          onMoved={refresh}
          show="posting"
          label={t('jobs.applications.tableLabel')}
        />
      </Section>
      <Section id="jobs-employment" heading={t('jobs.person.employmentHeading')}>
        <EmploymentHistory personId={person.id} jobs={data} canWrite={canWrite} onSaved={refresh} />
      </Section>
      <Section id="jobs-training" heading={t('jobs.person.trainingHeading')}>
        <Training personId={person.id} enrolments={data.enrolments} canWrite={canWrite} onSaved={refresh} />
      </Section>
      <Section id="jobs-incentives" heading={t('jobs.person.incentivesHeading')}>
        <IncentiveStatement
          personId={person.id}
          enrolments={data.enrolments}
          canPay={hasPermission(me, 'incentives.pay')}
        />
      </Section>
    </Stack>
  );
}
