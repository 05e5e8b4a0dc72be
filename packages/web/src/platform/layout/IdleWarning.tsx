import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api';
import { getLastActivity, subscribeActivity } from '../auth/activity';
import { useMe, useSession } from '../auth/session';

/** How long before the server's idle timeout the user is warned. */
export const IDLE_WARNING_MS = 2 * 60 * 1000;

/**
 * Warns before the server ends an idle session and offers to keep it (a session read restarts the server's
 * idle timer). If the time runs out, the session is ended here too and the login page says why.
 */
export function IdleWarning() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh, logout, expire } = useSession();
  const lastActivity = useSyncExternalStore(subscribeActivity, getLastActivity);
  const [now, setNow] = useState(() => Date.now());
  const [staying, setStaying] = useState(false);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const remaining = lastActivity + me.sessionIdleTimeoutSeconds * 1000 - now;
  const expired = remaining <= 0;
  useEffect(() => {
    if (expired) expire();
  }, [expired, expire]);

  const stay = () => {
    setStaying(true);
    // A 401 ends the session inside refresh(); any other failure (network) leaves it to the next try.
    refresh()
      .catch((error: unknown) =>
        notifications.show({ color: 'red', message: problemOf(error, t('errors.unexpected')).title }),
      )
      .finally(() => setStaying(false));
  };

  return (
    <Modal
      opened={!expired && remaining <= IDLE_WARNING_MS}
      onClose={stay}
      title={t('idle.title')}
      centered
      data-testid="idle-warning"
    >
      <Text mb="lg">{t('idle.message', { seconds: Math.max(0, Math.ceil(remaining / 1000)) })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void logout()}>
          {t('idle.logout')}
        </Button>
        <Button onClick={stay} loading={staying} data-autofocus>
          {t('idle.stay')}
        </Button>
      </Group>
    </Modal>
  );
}
