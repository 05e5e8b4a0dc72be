import { LoginRequest } from '@ieum/domain';
import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api';
import { messageText, useForm } from '../forms';
import { LocaleSwitch } from '../layout/LocaleSwitch';
import { MAIN_CONTENT_ID } from '../layout/SkipLink';
import { useDocumentTitle } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';
import { ProblemAlert } from '../ui/ProblemAlert';
import type { LoginRedirectState } from './guards';
import { type SessionNotice, useSession } from './session';

const NOTICE_KEY = {
  expired: 'auth.sessionExpired',
  loggedOut: 'auth.loggedOut',
  loggedOutAll: 'auth.loggedOutAll',
} as const satisfies Record<SessionNotice, string>;

function safeRedirect(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  // Only same-app paths: never an absolute URL handed in through history state.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login'
    ? from
    : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { state, login } = useSession();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [submitting, setSubmitting] = useState(false);
  const form = useForm({ username: '', password: '', totp: '' });
  useDocumentTitle(t('auth.title'));

  if (state.status === 'loading') return <PageLoader />;
  if (state.status === 'authenticated') return <Navigate to={safeRedirect(location.state)} replace />;

  const notice = state.notice;
  const error = (field: 'username' | 'password' | 'totp') => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const credentials = form.validate(
      LoginRequest,
      {
        username: form.values.username,
        password: form.values.password,
        totp: step === 'totp' ? form.values.totp.trim() : undefined,
      },
      { messages: { totp: 'validation.totpCode' } },
    );
    if (!credentials) return;
    form.setProblem(null);
    setSubmitting(true);
    login(credentials)
      .catch((failure: unknown) => {
        if (isApiError(failure, 'auth.totp_required')) {
          setStep('totp');
          return;
        }
        if (isApiError(failure, 'auth.totp_invalid')) {
          form.setErrors({ totp: { text: failure.problem.title } });
          return;
        }
        form.fail(failure);
      })
      .finally(() => setSubmitting(false));
  };

  const startOver = () => {
    setStep('password');
    form.reset({ username: form.values.username, password: '', totp: '' });
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Box
        component="header"
        px="md"
        py="sm"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between">
          <Text fw={800} fz="xl" c="blue.9">
            {t('app.name')}
          </Text>
          <LocaleSwitch />
        </Group>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} size={440} py={48}>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {step === 'password' ? t('auth.title') : t('auth.totpTitle')}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {step === 'password' ? t('auth.intro') : t('auth.totpIntro')}
              </Text>
            </div>
            {notice ? (
              <Alert color={notice === 'expired' ? 'yellow' : 'blue'} data-testid="login-notice">
                {t(NOTICE_KEY[notice])}
              </Alert>
            ) : null}
            <ProblemAlert problem={form.problem} />
            <form onSubmit={onSubmit} noValidate aria-label={t('auth.title')}>
              <Stack gap="md">
                {step === 'password' ? (
                  <>
                    <TextInput
                      label={t('auth.username')}
                      autoComplete="username"
                      autoCapitalize="none"
                      spellCheck={false}
                      required
                      data-testid="login-username"
                      error={error('username')}
                      {...form.text('username')}
                    />
                    <PasswordInput
                      label={t('auth.password')}
                      autoComplete="current-password"
                      required
                      data-testid="login-password"
                      error={error('password')}
                      {...form.text('password')}
                    />
                  </>
                ) : (
                  <TextInput
                    label={t('auth.totp')}
                    description={t('auth.totpHint')}
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    maxLength={6}
                    required
                    autoFocus
                    data-testid="login-totp"
                    error={error('totp')}
                    {...form.text('totp')}
                  />
                )}
                <Button type="submit" loading={submitting} data-testid="login-submit" fullWidth>
                  {step === 'password' ? t('auth.submit') : t('auth.totpSubmit')}
                </Button>
                {step === 'totp' ? (
                  <Button variant="subtle" onClick={startOver}>
                    {t('auth.back')}
                  </Button>
                ) : null}
              </Stack>
            </form>
            <Text size="xs" c="dimmed">
              {t('auth.notice')}
            </Text>
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
