import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { PERSON_TABS } from './person-tabs';
import { isApiError } from './platform/api';
import { RequirePermission, RequireSession } from './platform/auth/guards';
import { SessionProvider } from './platform/auth/session';
import { i18n } from './platform/i18n';
import { createAppTheme, cssVariablesResolver } from './platform/theme';
import { PageLoader } from './platform/ui/PageLoader';

// One chunk per page: a case worker's browser never downloads the admin screens.
const LoginPage = lazy(() => import('./platform/auth/LoginPage'));
const NotFoundPage = lazy(() => import('./platform/NotFoundPage'));
const HomePage = lazy(() => import('./modules/home/HomePage'));
const UsersPage = lazy(() => import('./modules/admin/UsersPage'));
const OrganizationsPage = lazy(() => import('./modules/admin/OrganizationsPage'));
const AccessLogPage = lazy(() => import('./modules/audit/AccessLogPage'));
const AccountPage = lazy(() => import('./modules/account/AccountPage'));
const PersonsPage = lazy(() => import('./modules/registry/PersonsPage'));
const PersonIntakePage = lazy(() => import('./modules/registry/PersonIntakePage'));
const ImportPage = lazy(() => import('./modules/imports/ImportPage'));
const PersonPage = lazy(() => import('./modules/registry/PersonPage'));
const CasesPage = lazy(() => import('./modules/cases/CasesPage'));
const ReferralsPage = lazy(() => import('./modules/referrals/ReferralsPage'));
const TransfersPage = lazy(() => import('./modules/transfers/TransfersPage'));
const ReferralPage = lazy(() => import('./modules/referrals/ReferralPage'));
const TasksPage = lazy(() => import('./modules/dashboard/TasksPage'));
const AlertsPage = lazy(() => import('./modules/protection/AlertsPage'));
const AlertPage = lazy(() => import('./modules/protection/AlertPage'));
const SignalImportPage = lazy(() => import('./modules/protection/SignalImportPage'));
const SurveysPage = lazy(() => import('./modules/protection/SurveysPage'));
const SurveyRoundPage = lazy(() => import('./modules/protection/SurveyRoundPage'));
const ProtectionReportsPage = lazy(() => import('./modules/protection/ReportsPage'));
const SeekersPage = lazy(() => import('./modules/jobs/SeekersPage'));
const PostingsPage = lazy(() => import('./modules/jobs/PostingsPage'));
const PostingPage = lazy(() => import('./modules/jobs/PostingPage'));
const EmployersPage = lazy(() => import('./modules/jobs/EmployersPage'));
const CoursesPage = lazy(() => import('./modules/jobs/CoursesPage'));
const JobFairPage = lazy(() => import('./modules/jobs/JobFairPage'));
const JobsReportsPage = lazy(() => import('./modules/jobs/JobsReportsPage'));
const PlansPage = lazy(() => import('./modules/plan/PlansPage'));
const PlanPage = lazy(() => import('./modules/plan/PlanPage'));
const PlanTaskPage = lazy(() => import('./modules/plan/tasks/TaskPage'));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A refusal or a lost session will not fix itself by asking again.
        retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

function ThemedProviders({ children }: { children: ReactNode }) {
  const { t, i18n: instance } = useTranslation();
  // The theme carries the accessible names of Mantine's own buttons, so it follows the language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language changes.
  const theme = useMemo(() => createAppTheme(t), [t, instance.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      {children}
    </MantineProvider>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<HomePage />} />
          <Route
            path="persons"
            element={
              <RequirePermission permission="persons.read">
                <PersonsPage />
              </RequirePermission>
            }
          />
          <Route
            path="persons/new"
            element={
              <RequirePermission permission="persons.create">
                <PersonIntakePage />
              </RequirePermission>
            }
          />
          <Route
            path="persons/import"
            element={
              <RequirePermission permission="persons.create">
                <ImportPage />
              </RequirePermission>
            }
          />
          <Route
            path="persons/:id"
            element={
              <RequirePermission permission="persons.read">
                <PersonPage tabs={PERSON_TABS} />
              </RequirePermission>
            }
          />
          <Route
            path="tasks"
            element={
              <RequirePermission permission="tasks.read">
                <TasksPage />
              </RequirePermission>
            }
          />
          <Route
            path="referrals"
            element={
              <RequirePermission permission="referrals.read">
                <ReferralsPage />
              </RequirePermission>
            }
          />
          <Route
            path="transfers"
            element={
              <RequirePermission permission="cases.read">
                <TransfersPage />
              </RequirePermission>
            }
          />
          <Route
            path="referrals/:id"
            element={
              <RequirePermission permission="referrals.read">
                <ReferralPage />
              </RequirePermission>
            }
          />
          <Route
            path="cases"
            element={
              <RequirePermission permission="cases.read">
                <CasesPage />
              </RequirePermission>
            }
          />
          <Route
            path="protection"
            element={
              <RequirePermission permission="protection.read">
                <AlertsPage />
              </RequirePermission>
            }
          />
          <Route
            path="protection/alerts/:id"
            element={
              <RequirePermission permission="protection.read">
                <AlertPage />
              </RequirePermission>
            }
          />
          <Route
            path="protection/signal-imports"
            element={
              <RequirePermission permission="protection.import">
                <SignalImportPage />
              </RequirePermission>
            }
          />
          <Route
            path="protection/surveys"
            element={
              <RequirePermission permission="surveys.read">
                <SurveysPage />
              </RequirePermission>
            }
          />
          <Route
            path="protection/surveys/:id"
            element={
              <RequirePermission permission="surveys.read">
                <SurveyRoundPage />
              </RequirePermission>
            }
          />
          <Route
            path="protection/reports"
            element={
              <RequirePermission permission="protection.reports">
                <ProtectionReportsPage />
              </RequirePermission>
            }
          />
          <Route
            path="jobs"
            element={
              <RequirePermission permission="jobs.read">
                <SeekersPage />
              </RequirePermission>
            }
          />
          <Route
            path="jobs/postings"
            element={
              <RequirePermission permission="jobs.read">
                <PostingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="jobs/postings/:id"
            element={
              <RequirePermission permission="jobs.read">
                <PostingPage />
              </RequirePermission>
            }
          />
          <Route
            path="jobs/employers"
            element={
              <RequirePermission permission="jobs.read">
                <EmployersPage />
              </RequirePermission>
            }
          />
          <Route
            path="jobs/courses"
            element={
              <RequirePermission permission="jobs.read">
                <CoursesPage />
              </RequirePermission>
            }
          />
          <Route
            path="jobs/fair"
            element={
              <RequirePermission permission="jobs.read">
                <JobFairPage />
              </RequirePermission>
            }
          />
          <Route
            path="jobs/reports"
            element={
              <RequirePermission permission="jobs.reports">
                <JobsReportsPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequirePermission permission="users.read">
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/organizations"
            element={
              <RequirePermission permission="organizations.read">
                <OrganizationsPage />
              </RequirePermission>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePermission permission="audit.read">
                <AccessLogPage />
              </RequirePermission>
            }
          />
          <Route
            path="plans"
            element={
              <RequirePermission permission="plans.read">
                <PlansPage />
              </RequirePermission>
            }
          />
          <Route
            path="plans/:id"
            element={
              <RequirePermission permission="plans.read">
                <PlanPage />
              </RequirePermission>
            }
          />
          <Route
            path="plans/:id/:tab"
            element={
              <RequirePermission permission="plans.read">
                <PlanPage />
              </RequirePermission>
            }
          />
          <Route
            path="plans/:id/tasks/:key"
            element={
              <RequirePermission permission="plans.read">
                <PlanTaskPage />
              </RequirePermission>
            }
          />
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

/** Everything around the routes: language, theme, server state and the session. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemedProviders>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>{children}</SessionProvider>
        </QueryClientProvider>
      </ThemedProviders>
    </I18nextProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
