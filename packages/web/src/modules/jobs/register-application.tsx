import type { Problem } from '@ieum/domain';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { type ApplicationCreateInput, createApplication } from './api';

/**
 * Registering a match as an application (a recommendation, or an application already made) from a list of
 * matches. `busy` names the button at work (the caller's key), so only it spins while every other waits.
 */
export function useRegisterApplication(onCreated: () => Promise<unknown>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const register = (busyKey: string, personId: string, input: ApplicationCreateInput) => {
    setBusy(busyKey);
    setProblem(null);
    createApplication(personId, input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('jobs.recommendations.created') });
        await onCreated();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unexpected'))))
      .finally(() => setBusy(null));
  };

  return { busy, problem, clearProblem: () => setProblem(null), register };
}

/** One register button of a match's row: it spins while its own request runs, and waits while any other does. */
export function RegisterButton({
  busy,
  busyKey,
  onClick,
  label,
  testId,
  variant,
  children,
}: {
  busy: string | null;
  busyKey: string;
  onClick: () => void;
  /** The button's accessible name, which says whom or what it registers. */
  label: string;
  testId: string;
  variant?: 'default';
  children: ReactNode;
}) {
  return (
    <Button
      size="xs"
      variant={variant}
      loading={busy === busyKey}
      disabled={busy !== null}
      onClick={onClick}
      aria-label={label}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
