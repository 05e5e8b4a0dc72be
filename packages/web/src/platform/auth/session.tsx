import type { LoginRequest, Me, Permission } from '@ieum/domain';
import { LoginResponse, SessionResponse } from '@ieum/domain';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { isApiError, onActivity, onSessionLost, request, setCsrfToken } from '../api';
import { changeLocale, currentLocale, i18n, storedLocale } from '../i18n';
import { recordActivity, resetActivity } from './activity';

/** Why the user is looking at the login page, when it is worth telling them. */
export type SessionNotice = 'expired' | 'loggedOut' | 'loggedOutAll';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous'; readonly notice: SessionNotice | null }
  | { readonly status: 'authenticated'; readonly me: Me };

export interface SessionContextValue {
  readonly state: SessionState;
  /** Signs in; rejects with an ApiError (auth.totp_required, auth.invalid_credentials, ...). */
  login(credentials: LoginRequest): Promise<Me>;
  logout(options?: { everywhere?: boolean }): Promise<void>;
  /** Re-reads the session (and so keeps it alive); returns null when there is none. */
  refresh(): Promise<Me | null>;
  /** Ends the session locally because it expired; the login page then says so. */
  expire(): void;
  clearNotice(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

// With no choice remembered on this device, the user's saved preference decides the language. A choice made
// on this device (also on the login page) wins, so a shared workstation does not flip languages under a user.
function adoptUserLocale(me: Me): void {
  if (storedLocale() === null && me.locale !== currentLocale()) void i18n.changeLanguage(me.locale);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((csrfToken: string, me: Me) => {
    setCsrfToken(csrfToken);
    resetActivity();
    adoptUserLocale(me);
    setState({ status: 'authenticated', me });
  }, []);

  const signedOut = useCallback(
    (notice: SessionNotice | null) => {
      setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'anonymous', notice });
    },
    [queryClient],
  );

  const refresh = useCallback(async (): Promise<Me | null> => {
    try {
      const session = await request('/api/auth/session', {
        schema: SessionResponse,
        expectUnauthenticated: true,
      });
      setCsrfToken(session.csrfToken);
      setState({ status: 'authenticated', me: session.me });
      return session.me;
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  }, []);

  useEffect(() => {
    onActivity(() => recordActivity());
    onSessionLost(() => signedOut('expired'));
    return () => {
      onActivity(null);
      onSessionLost(null);
    };
  }, [signedOut]);

  // On load: is there a session cookie with a live session behind it?
  useEffect(() => {
    let cancelled = false;
    request('/api/auth/session', { schema: SessionResponse, expectUnauthenticated: true }).then(
      (session) => {
        if (!cancelled) signedIn(session.csrfToken, session.me);
      },
      () => {
        if (!cancelled) setState({ status: 'anonymous', notice: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      async login(credentials) {
        const response = await request('/api/auth/login', {
          method: 'POST',
          body: credentials,
          schema: LoginResponse,
          expectUnauthenticated: true,
        });
        queryClient.clear();
        signedIn(response.csrfToken, response.me);
        return response.me;
      },
      async logout(options) {
        const everywhere = options?.everywhere === true;
        try {
          await request(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', {
            method: 'POST',
            expectUnauthenticated: true,
          });
        } catch (error) {
          // The session may already be gone; signing out locally is still right.
          console.warn('Logout request failed', error);
        }
        signedOut(everywhere ? 'loggedOutAll' : 'loggedOut');
      },
      refresh: async () => {
        const me = await refresh();
        if (me === null) signedOut('expired');
        return me;
      },
      expire() {
        // Best effort: if the server still counts the session (clock skew), end it there too.
        void request('/api/auth/logout', { method: 'POST', expectUnauthenticated: true }).catch(
          () => undefined,
        );
        signedOut('expired');
      },
      clearNotice() {
        setState((current) =>
          current.status === 'anonymous' ? { status: 'anonymous', notice: null } : current,
        );
      },
    }),
    [state, queryClient, signedIn, signedOut, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside <SessionProvider>');
  return context;
}

/** The signed-in user; only for components rendered behind <RequireSession>. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe needs a signed-in user');
  return state.me;
}

export function hasPermission(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function useLocaleSwitch(): (locale: 'ko' | 'en') => Promise<void> {
  const { state } = useSession();
  const signedInUser = state.status === 'authenticated';
  return useCallback(
    async (locale) => {
      await changeLocale(locale);
      if (!signedInUser) return;
      try {
        await request('/api/me/locale', { method: 'PATCH', body: { locale } });
      } catch (error) {
        if (isApiError(error) && error.status === 401) return;
        notifications.show({ color: 'yellow', message: i18n.t('locale.saveFailed') });
      }
    },
    [signedInUser],
  );
}
