import type { Permission } from '@ieum/domain';
import { Alert, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { AppLayout } from '../layout/AppLayout';
import { PageHeader } from '../ui/PageHeader';
import { hasPermission, useMe, useSession } from './session';

export const ACCOUNT_PATH = '/account';

/** Where the login page sends the user back to. */
export interface LoginRedirectState {
  from?: string;
}

function SessionCheck() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" role="status">
      <Stack align="center">
        <Loader aria-hidden="true" />
        <VisuallyHidden>{t('auth.checkingSession')}</VisuallyHidden>
      </Stack>
    </Center>
  );
}

/**
 * Everything but the login page sits behind this: no session → login (remembering where the user was);
 * two-factor enrolment required → the account page, before anything else.
 */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <SessionCheck />;
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from } satisfies LoginRedirectState} />;
  }
  if (state.me.totpEnrollmentRequired && location.pathname !== ACCOUNT_PATH) {
    return <Navigate to={ACCOUNT_PATH} replace />;
  }
  return <AppLayout />;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('guard.forbiddenTitle')} />
      <Alert color="yellow" role="status">
        <Text>{t('guard.forbiddenMessage')}</Text>
      </Alert>
    </>
  );
}

/** A page only for holders of `permission`; others see a plain refusal. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return hasPermission(me, permission) ? children : <ForbiddenPage />;
}
