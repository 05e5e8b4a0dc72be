import { CONTACT_METHODS, ContactInput, NEEDS, type Need } from '@ieum/domain';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { instantToSeoulInput, seoulInputToInstant } from '../dashboard/api';
import { recordContact } from './api';
import { StaleProblem } from './StaleProblem';

interface ContactValues extends Record<string, unknown> {
  contactedAt: string;
  method: string;
  reached: '' | 'yes' | 'no';
  findings: string;
  needs: Need[];
}

const empty = (): ContactValues => ({
  contactedAt: instantToSeoulInput(new Date().toISOString()),
  method: 'phone',
  reached: '',
  findings: '',
  needs: [],
});

const MINUTE_MS = 60_000;

/**
 * The instant of a contact typed to the minute. A contact in the very minute the alert opened (the form's own
 * default, when someone acts at once) reads as that minute's start, before the alert: it is taken as the
 * opening itself, which is what the worker meant.
 */
export function contactInstant(typed: string, openedAt: string): string | null {
  const instant = seoulInputToInstant(typed);
  if (instant === null) return null;
  const opened = new Date(openedAt).getTime();
  const at = new Date(instant).getTime();
  return at < opened && opened - at < MINUTE_MS ? new Date(opened).toISOString() : instant;
}

/** A contact attempt: when (Korea time), how, whether the person was reached, what was found and needed. */
export function ContactForm({
  alertId,
  openedAt,
  version,
  onSaved,
}: {
  alertId: string;
  openedAt: string;
  version: number;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useForm<ContactValues>(empty());
  const [saving, setSaving] = useState(false);
  const error = (field: keyof ContactValues & string) => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(
      ContactInput,
      {
        contactedAt: contactInstant(form.values.contactedAt, openedAt) ?? '',
        method: form.values.method,
        reached: form.values.reached === '' ? undefined : form.values.reached === 'yes',
        findings: form.values.findings.trim() === '' ? undefined : form.values.findings,
        needs: form.values.needs,
        version,
      },
      { messages: { contactedAt: 'protection.contact.invalidContactedAt' } },
    );
    if (!input) return;
    setSaving(true);
    recordContact(alertId, input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('protection.contact.saved') });
        form.reset(empty());
        await onSaved();
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="contact-form-heading" data-testid="contact-form">
      <Title order={3} size="h5" id="contact-form-heading" mb="xs">
        {t('protection.contact.formHeading')}
      </Title>
      <Stack gap="sm">
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onSaved();
          }}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            type="datetime-local"
            label={t('protection.contact.contactedAt')}
            description={t('protection.contact.contactedAtHint')}
            required
            error={error('contactedAt')}
            {...form.text('contactedAt')}
            data-testid="contact-at"
          />
          <NativeSelect
            label={t('protection.contact.method')}
            required
            value={form.values.method}
            onChange={(event) => form.setValue('method', event.currentTarget.value)}
            error={error('method')}
            data={CONTACT_METHODS.map((method) => ({
              value: method,
              label: t(`protection.contact.methods.${method}`),
            }))}
            data-testid="contact-method"
          />
        </Group>
        <Radio.Group
          label={t('protection.contact.reached')}
          required
          value={form.values.reached}
          onChange={(value) => form.setValue('reached', value as ContactValues['reached'])}
          error={error('reached')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="yes" label={t('protection.contact.reachedYes')} data-testid="contact-reached-yes" />
            <Radio value="no" label={t('protection.contact.reachedNo')} data-testid="contact-reached-no" />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('protection.contact.findings')}
          description={t('protection.contact.findingsHint')}
          rows={4}
          maxLength={4000}
          error={error('findings')}
          {...form.text('findings')}
          data-testid="contact-findings"
        />
        <Checkbox.Group
          label={t('protection.contact.needs')}
          description={t('protection.contact.needsHint')}
          value={form.values.needs}
          onChange={(needs) => form.setValue('needs', needs as Need[])}
          error={error('needs')}
        >
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing={6} mt={6}>
            {NEEDS.map((need) => (
              <Checkbox
                key={need}
                value={need}
                label={t(`protection.contact.needLabels.${need}`)}
                data-testid={`contact-need-${need}`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <div>
          <Button type="submit" loading={saving} disabled={saving} data-testid="contact-submit">
            {t('protection.contact.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
