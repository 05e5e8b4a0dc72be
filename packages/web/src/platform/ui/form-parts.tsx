import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sending a form's change: `saving` while the request runs (the submit button spins), then the success
 * announced and `done` run, or the failure handed to the form (`form.fail`) to show in place.
 */
export function useSaving(fail: (error: unknown) => void) {
  const [saving, setSaving] = useState(false);
  const save = <T,>(request: () => Promise<T>, message: string, done: (saved: T) => unknown) => {
    setSaving(true);
    request()
      .then(async (saved) => {
        notifications.show({ color: 'teal', message });
        await done(saved);
      }, fail)
      .finally(() => setSaving(false));
  };
  return { saving, save };
}

/** Cancel and submit at the foot of a dialog's form; both wait while it saves. */
export function FormActions({
  saving,
  onCancel,
  submitTestId,
  submitLabel,
}: {
  saving: boolean;
  onCancel: () => void;
  submitTestId: string;
  /** Defaults to "Save". */
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={saving}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving} data-testid={submitTestId}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
