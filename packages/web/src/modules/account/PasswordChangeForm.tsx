import { PasswordChange } from '@ieum/domain';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/session';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { changePassword } from './api';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function PasswordChangeForm() {
  const { t } = useTranslation();
  const form = useForm(EMPTY);
  const [saving, setSaving] = useState(false);
  const { refresh } = useSession();
  const error = (field: keyof typeof EMPTY) => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { values } = form;
    const input = form.validate(PasswordChange, {
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    if (!input) return;
    if (values.confirmPassword !== values.newPassword) {
      form.setErrors({ confirmPassword: { key: 'validation.passwordMismatch' } });
      return;
    }
    form.setProblem(null);
    setSaving(true);
    changePassword(input)
      .then(
        () => {
          form.reset(EMPTY);
          notifications.show({ color: 'teal', message: t('account.passwordChanged') });
          // The server may rotate the session (and its CSRF token) on a password change.
          return refresh();
        },
        (failure: unknown) => form.fail(failure, { 'auth.password_incorrect': 'currentPassword' }),
      )
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="account-password">
      <Stack gap="md" maw={420}>
        <ProblemAlert problem={form.problem} />
        <PasswordInput
          label={t('account.currentPassword')}
          required
          autoComplete="current-password"
          error={error('currentPassword')}
          data-testid="account-current-password"
          {...form.text('currentPassword')}
        />
        <PasswordInput
          label={t('account.newPassword')}
          description={t('account.newPasswordHint')}
          required
          autoComplete="new-password"
          error={error('newPassword')}
          data-testid="account-new-password"
          {...form.text('newPassword')}
        />
        <PasswordInput
          label={t('account.confirmPassword')}
          required
          autoComplete="new-password"
          error={error('confirmPassword')}
          data-testid="account-confirm-password"
          {...form.text('confirmPassword')}
        />
        <div>
          <Button type="submit" loading={saving} data-testid="account-password-submit">
            {t('account.changePassword')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
