import { TotpCode, TotpDisable } from '@ieum/domain';
import { Button, Code, CopyButton, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../../platform/auth/session';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { disableTotp, enableTotp, groupSecret, startTotpSetup, type TotpSetup } from './api';

function CopyValue({ value, testId }: { value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant="default" onClick={copy} data-testid={testId} aria-live="polite">
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      )}
    </CopyButton>
  );
}

/** Enrolment: ask the server for a secret, show it (no QR library: grouped key and the otpauth URI), confirm a code. */
function TotpEnrolment() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [starting, setStarting] = useState(false);
  const [saving, setSaving] = useState(false);
  const form = useForm({ code: '' });

  const start = () => {
    form.setProblem(null);
    setStarting(true);
    startTotpSetup()
      .then(setSetup, form.fail)
      .finally(() => setStarting(false));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(
      TotpCode,
      { code: form.values.code.replace(/\s+/g, '') },
      { messages: { code: 'validation.totpCode' } },
    );
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    enableTotp(input)
      .then(
        () => {
          notifications.show({ color: 'teal', message: t('account.totpEnabledDone') });
          return refresh();
        },
        (failure: unknown) => form.fail(failure, { 'auth.totp_invalid': 'code' }),
      )
      .finally(() => setSaving(false));
  };

  if (!setup) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('account.totpIntro')}</Text>
        <ProblemAlert problem={form.problem} />
        <Button onClick={start} loading={starting} data-testid="totp-start">
          {t('account.totpStart')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fw={600} id="totp-secret-label">
          {t('account.totpSecret')}
        </Text>
        <Text size="sm">{t('account.totpSecretHint')}</Text>
        <Group gap="sm">
          <Code
            fz="lg"
            aria-labelledby="totp-secret-label"
            data-testid="totp-secret"
            data-secret={setup.secret}
          >
            {groupSecret(setup.secret)}
          </Code>
          <CopyValue value={setup.secret} testId="totp-secret-copy" />
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text fw={600} id="totp-uri-label">
          {t('account.totpUri')}
        </Text>
        <Text size="sm">{t('account.totpUriHint')}</Text>
        <Code block className="mono" aria-labelledby="totp-uri-label" data-testid="totp-uri">
          {setup.otpauthUri}
        </Code>
        <div>
          <CopyValue value={setup.otpauthUri} testId="totp-uri-copy" />
        </div>
      </Stack>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={320}>
          <ProblemAlert problem={form.problem} />
          <TextInput
            label={t('account.totpCode')}
            description={t('account.totpCodeHint')}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            error={messageText(t, form.errors.code)}
            data-testid="totp-code"
            {...form.text('code')}
          />
          <div>
            <Button type="submit" loading={saving} data-testid="totp-enable">
              {t('account.totpEnable')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}

function TotpDisableForm() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const form = useForm({ password: '' });
  const [saving, setSaving] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(TotpDisable, form.values);
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    disableTotp(input)
      .then(
        () => {
          form.reset({ password: '' });
          notifications.show({ color: 'teal', message: t('account.totpDisabledDone') });
          return refresh();
        },
        (failure: unknown) => form.fail(failure, { 'auth.password_incorrect': 'password' }),
      )
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="totp-disable-heading">
      <Stack gap="md" maw={420}>
        <Title order={3} size="h5" id="totp-disable-heading">
          {t('account.totpDisableHeading')}
        </Title>
        <ProblemAlert problem={form.problem} />
        <PasswordInput
          label={t('account.totpDisablePassword')}
          required
          autoComplete="current-password"
          error={messageText(t, form.errors.password)}
          data-testid="totp-disable-password"
          {...form.text('password')}
        />
        <div>
          <Button type="submit" color="red" variant="light" loading={saving} data-testid="totp-disable">
            {t('account.totpDisable')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export function TotpSection() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="md">
      <Text fw={600} data-testid="totp-status">
        {me.totpEnabled ? t('account.totpEnabled') : t('account.totpDisabled')}
      </Text>
      {me.totpEnabled ? <TotpDisableForm /> : <TotpEnrolment />}
    </Stack>
  );
}
