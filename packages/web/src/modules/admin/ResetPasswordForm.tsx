import type { User } from '@ieum/domain';
import { PasswordReset } from '@ieum/domain';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { resetUserPassword } from './api';

export function ResetPasswordForm({
  user,
  onDone,
  onCancel,
}: {
  user: User;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ password: '' });
  const [saving, setSaving] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(PasswordReset, form.values);
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    resetUserPassword(user.id, input)
      .then(onDone, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ProblemAlert problem={form.problem} />
        <PasswordInput
          label={t('users.newPassword')}
          description={t('users.passwordHint')}
          required
          autoComplete="new-password"
          data-testid="reset-password"
          error={messageText(t, form.errors.password)}
          {...form.text('password')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="reset-submit">
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
