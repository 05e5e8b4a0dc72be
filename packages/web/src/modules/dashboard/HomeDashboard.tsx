import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { useDashboard } from './api';
import { CenterSection } from './CenterSection';
import { MunicipalitySection } from './MunicipalitySection';
import { MyWorkSection } from './MyWorkSection';

/** The role sections of the home page, from one request of counts for the user's roles and scope. */
export default function HomeDashboard() {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  if (dashboard.isPending) return <PageLoader />;
  if (dashboard.isError)
    return <ProblemAlert problem={problemOf(dashboard.error, t('dashboard.loadFailed'))} />;
  const data = dashboard.data;
  return (
    <Stack gap="xl" data-testid="home-dashboard">
      <MyWorkSection dashboard={data} />
      {data.center ? <CenterSection center={data.center} /> : null}
      {data.municipality ? <MunicipalitySection municipality={data.municipality} /> : null}
    </Stack>
  );
}
