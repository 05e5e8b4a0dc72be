import { NOTE_SENSITIVITIES, NoteInput, type NoteSensitivity } from '@ieum/domain';
import { Alert, Button, Card, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { addNote, type CaseDetailData } from './api';
import { SensitivityBadge } from './CaseStatusBadge';

const EMPTY_NOTE = { body: '', sensitivity: 'normal' as NoteSensitivity };

function NoteForm({ caseId, onSaved }: { caseId: string; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const form = useForm(EMPTY_NOTE);
  const [saving, setSaving] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(NoteInput, form.values);
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    addNote(caseId, input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('cases.notes.saved') });
        form.reset(EMPTY_NOTE);
        await onSaved();
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="case-note-form">
      <Title order={3} size="h5" id="case-note-form" mb="xs">
        {t('cases.notes.formHeading')}
      </Title>
      <Stack gap="sm">
        <ProblemAlert problem={form.problem} />
        <Textarea
          label={t('cases.notes.body')}
          required
          rows={5}
          resize="vertical"
          maxLength={10_000}
          error={messageText(t, form.errors.body)}
          data-testid="note-body"
          {...form.text('body')}
        />
        <Radio.Group
          label={t('cases.notes.sensitivityLabel')}
          value={form.values.sensitivity}
          onChange={(value) => form.setValue('sensitivity', value as NoteSensitivity)}
          error={messageText(t, form.errors.sensitivity)}
        >
          <Stack gap={6} mt={6}>
            {NOTE_SENSITIVITIES.map((level) => (
              <Radio
                key={level}
                value={level}
                label={t(`cases.sensitivity.${level}`)}
                description={t(`cases.sensitivityHint.${level}`)}
                data-testid={`note-sensitivity-${level}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <div>
          <Button type="submit" loading={saving} data-testid="note-submit">
            {t('cases.notes.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** Case notes the reader may open, newest first; the ones they may not are counted, never shown. */
export function NotesSection({
  caseData,
  canWrite,
  onChanged,
}: {
  caseData: CaseDetailData;
  canWrite: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-notes">
      <Title order={2} size="h4" id="case-notes" mb="md">
        {t('cases.notes.heading')}
      </Title>
      <Stack gap="md">
        {caseData.withheldNotes > 0 ? (
          <Alert color="gray" variant="light" data-testid="notes-withheld">
            {t('cases.notes.withheld', { count: caseData.withheldNotes })}
          </Alert>
        ) : null}
        {caseData.notes.length === 0 ? (
          <Text size="sm" data-testid="notes-empty">
            {t('cases.notes.empty')}
          </Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {caseData.notes.map((note) => (
              <Paper key={note.id} component="li" withBorder p="sm" data-testid={`note-${note.id}`}>
                <Group gap="sm" mb={4} wrap="wrap">
                  <Text size="sm" fw={600} className="mono">
                    {note.authorUsername}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatDateTime(note.createdAt, locale)}
                  </Text>
                  <SensitivityBadge sensitivity={note.sensitivity} />
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {note.body}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
        {canWrite ? <NoteForm caseId={caseData.id} onSaved={onChanged} /> : null}
      </Stack>
    </Card>
  );
}
