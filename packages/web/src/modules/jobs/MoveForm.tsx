import {
  APPLICATION_END_REASONS,
  APPLICATION_STAGES,
  ApplicationMove,
  type ApplicationStage,
  canMoveApplication,
} from '@ieum/domain';
import { Group, Modal, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { FormActions, useSaving } from '../../platform/ui/form-parts';
import { type ApplicationData, moveApplication } from './api';
import { StaleProblem } from './StaleProblem';

interface MoveValues extends Record<string, unknown> {
  to: string;
  reason: string;
  startOn: string;
  insured: '' | 'yes' | 'no';
}

const EMPTY: MoveValues = { to: '', reason: '', startOn: '', insured: '' };

/** The stages an application may go to from where it is: the pipeline's rule, never a list of our own. */
export function allowedMoves(from: ApplicationStage): ApplicationStage[] {
  return APPLICATION_STAGES.filter((to) => canMoveApplication(from, to));
}

const withoutUndefined = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

function MoveFields({
  application,
  onMoved,
  onCancel,
}: {
  application: ApplicationData;
  onMoved: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<MoveValues>(EMPTY);
  const { saving, save } = useSaving(form.fail);
  const error = (field: keyof MoveValues & string) => messageText(t, form.errors[field]);
  const to = form.values.to;
  const ending = to === 'withdrawn' || to === 'rejected';
  const placing = to === 'placed';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    // Fields left out rather than sent empty: the schema's own messages ("choose a reason") then apply.
    const input = form.validate(
      ApplicationMove,
      withoutUndefined({
        to: to === '' ? undefined : to,
        reason: ending && form.values.reason !== '' ? form.values.reason : undefined,
        startOn: placing && form.values.startOn !== '' ? form.values.startOn : undefined,
        insured: placing && form.values.insured !== '' ? form.values.insured === 'yes' : undefined,
        version: application.version,
      }),
    );
    if (!input) return;
    if (placing && input.insured === undefined) {
      form.setErrors({ insured: { key: 'jobs.move.insuredRequired' } });
      return;
    }
    save(
      () => moveApplication(application.id, input),
      t('jobs.move.done'),
      () => onMoved(),
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('jobs.move.formLabel')} data-testid="move-form">
      <Stack gap="md">
        <Text size="sm">{t('jobs.move.current', { stage: t(`jobs.stages.${application.stage}`) })}</Text>
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onMoved();
          }}
        />
        <NativeSelect
          label={t('jobs.move.to')}
          required
          value={to}
          onChange={(event) => form.setValue('to', event.currentTarget.value)}
          data={[
            { value: '', label: t('jobs.choose'), disabled: true },
            ...allowedMoves(application.stage).map((stage) => ({
              value: stage,
              label: t(`jobs.stages.${stage}`),
            })),
          ]}
          error={error('to')}
          data-testid="move-to"
        />
        {placing ? (
          <>
            <Text size="sm" c="dimmed">
              {t('jobs.move.placedHint')}
            </Text>
            <TextInput
              type="date"
              label={t('jobs.move.startOn')}
              required
              error={error('startOn')}
              {...form.text('startOn')}
              data-testid="move-start-on"
            />
            <Radio.Group
              label={t('jobs.move.insured')}
              description={t('jobs.move.insuredHint')}
              required
              value={form.values.insured}
              onChange={(value) => form.setValue('insured', value as MoveValues['insured'])}
              error={error('insured')}
            >
              <Group gap="lg" mt={6}>
                <Radio value="yes" label={t('common.yes')} data-testid="move-insured-yes" />
                <Radio value="no" label={t('common.no')} data-testid="move-insured-no" />
              </Group>
            </Radio.Group>
          </>
        ) : null}
        {ending ? (
          <NativeSelect
            label={t('jobs.move.reason')}
            required
            value={form.values.reason}
            onChange={(event) => form.setValue('reason', event.currentTarget.value)}
            data={[
              { value: '', label: t('jobs.choose'), disabled: true },
              ...APPLICATION_END_REASONS.map((reason) => ({
                value: reason,
                label: t(`jobs.endReasons.${reason}`),
              })),
            ]}
            error={error('reason')}
            data-testid="move-reason"
          />
        ) : null}
        <FormActions
          saving={saving}
          onCancel={onCancel}
          submitTestId="move-submit"
          submitLabel={t('jobs.move.submit')}
        />
      </Stack>
    </form>
  );
}

/** Moving an application on, in a dialog: only the stages the pipeline allows from where it is. */
export function MoveDialog({
  application,
  onClose,
  onMoved,
}: {
  application: ApplicationData | null;
  onClose: () => void;
  onMoved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={application !== null}
      onClose={onClose}
      title={application ? t('jobs.move.heading', { title: application.posting.title }) : ''}
    >
      {application ? (
        <MoveFields
          key={application.id}
          application={application}
          onCancel={onClose}
          onMoved={async () => {
            onClose();
            await onMoved();
          }}
        />
      ) : null}
    </Modal>
  );
}
