import { PersonMergeRequest } from '@ieum/domain';
import { Alert, Button, Card, Group, Modal, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { problemOf } from '../../platform/api';
import { formatDate, formatDateTime } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import type { PersonDetailData } from '../registry/api';
import { mergePersons, useOtherPerson } from './api';

const REASON_MAX_LENGTH = 500;

function CompareRow({ label, values }: { label: string; values: [ReactNode, ReactNode] }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{values[0]}</Table.Td>
      <Table.Td>{values[1]}</Table.Td>
    </Table.Tr>
  );
}

/** The two masked records side by side: enough to tell whether they are one person, no more than a look shows. */
function ComparisonTable({ records }: { records: [PersonDetailData, PersonDetailData] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t('persons.notRecorded');
  const both = (value: (person: PersonDetailData) => string | null | undefined): [string, string] => [
    value(records[0]) || none,
    value(records[1]) || none,
  ];
  const date = (value: string | null) => (value ? formatDate(value, locale) : null);
  return (
    <Table withTableBorder layout="fixed" aria-label={t('merge.compareLabel')} data-testid="merge-compare">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={170}>
            {t('merge.field')}
          </Table.Th>
          <Table.Th scope="col">{t('merge.thisRecord')}</Table.Th>
          <Table.Th scope="col">{t('merge.otherRecord')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <CompareRow label={t('persons.code')} values={both((p) => p.code)} />
        <CompareRow label={t('persons.maskedName')} values={both((p) => p.identity.name)} />
        <CompareRow label={t('persons.otherNames')} values={both((p) => p.identity.otherNames.join(', '))} />
        <CompareRow label={t('persons.rrn')} values={both((p) => p.identity.rrn)} />
        <CompareRow label={t('persons.birthDate')} values={both((p) => p.identity.birthDate)} />
        <CompareRow label={t('persons.sex')} values={both((p) => (p.sex ? t(`sex.${p.sex}`) : null))} />
        <CompareRow label={t('persons.phone')} values={both((p) => p.identity.phone)} />
        <CompareRow label={t('persons.address')} values={both((p) => p.identity.address)} />
        <CompareRow label={t('persons.hanaCenter')} values={both((p) => p.hanaCenter.name)} />
        <CompareRow label={t('persons.arrivalDate')} values={both((p) => date(p.arrivalDate))} />
        <CompareRow label={t('persons.hanawonClass')} values={both((p) => p.hanawonClass)} />
        <CompareRow
          label={t('persons.protectionDecisionDate')}
          values={both((p) => date(p.protectionDecisionDate))}
        />
        <CompareRow
          label={t('persons.createdAt')}
          values={both((p) => formatDateTime(p.createdAt, locale))}
        />
      </Table.Tbody>
    </Table>
  );
}

/**
 * Comparing this person with one candidate and merging them: the worker chooses which record survives, states
 * why, and confirms. The other record's cases, tasks, consents and referrals then belong to the survivor.
 */
export function MergeCompare({
  person,
  otherId,
  onClose,
}: {
  person: PersonDetailData;
  otherId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const other = useOtherPerson(otherId);
  const form = useForm({ survivor: 'this', reason: '' });
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);

  if (other.isError) return <ProblemAlert problem={problemOf(other.error, t('errors.loadFailed'))} />;
  if (!other.data) return <PageLoader />;
  const otherPerson = other.data;
  const [survivor, merged] = form.values.survivor === 'this' ? [person, otherPerson] : [otherPerson, person];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(PersonMergeRequest, {
      mergedId: merged.id,
      survivorVersion: survivor.version,
      mergedVersion: merged.version,
      reason: form.values.reason,
    });
    if (input) setConfirming(true);
  };

  const onConfirm = () => {
    const input = PersonMergeRequest.parse({
      mergedId: merged.id,
      survivorVersion: survivor.version,
      mergedVersion: merged.version,
      reason: form.values.reason,
    });
    form.setProblem(null);
    setSaving(true);
    mergePersons(survivor.id, input)
      .then(
        async () => {
          notifications.show({
            color: 'teal',
            message: t('merge.done', { merged: merged.code, survivor: survivor.code }),
          });
          await queryClient.invalidateQueries({ queryKey: ['persons'] });
          if (survivor.id !== person.id) void navigate(`/persons/${survivor.id}`);
          else onClose();
        },
        (failure: unknown) => {
          setConfirming(false);
          form.fail(failure);
        },
      )
      .finally(() => setSaving(false));
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="merge-compare-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="merge-compare-heading">
            {t('merge.compareHeading', { other: otherPerson.code })}
          </Title>
          <ComparisonTable records={[person, otherPerson]} />
          <Radio.Group
            label={t('merge.survivor')}
            description={t('merge.survivorHint')}
            value={form.values.survivor}
            onChange={(value) => form.setValue('survivor', value)}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="this"
                label={t('merge.keepThis', { code: person.code })}
                data-testid="merge-keep-this"
              />
              <Radio
                value="other"
                label={t('merge.keepOther', { code: otherPerson.code })}
                data-testid="merge-keep-other"
              />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('merge.reason')}
            description={t('merge.reasonHint')}
            required
            rows={3}
            maxLength={REASON_MAX_LENGTH}
            error={messageText(t, form.errors.reason)}
            data-testid="merge-reason"
            {...form.text('reason')}
          />
          <ProblemAlert problem={form.problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" data-testid="merge-submit">
              {t('merge.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('merge.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm" data-testid="merge-confirm-text">
            {t('merge.confirmText', { merged: merged.code, survivor: survivor.code })}
          </Text>
          <Alert color="blue">
            <Text size="sm">{t('merge.confirmUndo')}</Text>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={saving} onClick={onConfirm} data-testid="merge-confirm">
              {t('merge.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
