import { ConsultationWriteInput } from '@ieum/domain';
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../../platform/api';
import { collectIssues, messageText, useForm } from '../../../platform/forms';
import { useLocale } from '../../../platform/i18n';
import { StaleProblem } from '../../../platform/ui/StaleProblem';
import {
  type ConsultationData,
  type PlanDetailData,
  planKeys,
  setConsultation,
  useCouncilCandidates,
  useOrganizations,
} from '../api';
import { orgName } from '../text';

interface SetupValues extends Record<string, unknown> {
  startsOn: string;
  endsOn: string;
  message: string;
  organizationIds: string[];
  councilMemberIds: string[];
}

function valuesOf(consultation: ConsultationData | null): SetupValues {
  const ids = (kind: 'organization' | 'council_member') =>
    (consultation?.invitees ?? []).filter((i) => i.kind === kind).map((i) => i.id);
  return {
    startsOn: consultation?.startsOn ?? '',
    endsOn: consultation?.endsOn ?? '',
    message: consultation?.message ?? '',
    organizationIds: ids('organization'),
    councilMemberIds: ids('council_member'),
  };
}

/** Options for the invitees already chosen, so they keep their names even when a list fails to load. */
function chosen(consultation: ConsultationData | null, kind: 'organization' | 'council_member') {
  return (consultation?.invitees ?? [])
    .filter((i) => i.kind === kind)
    .map((i) => ({ value: i.id, label: i.name }));
}

function mergeOptions(...lists: { value: string; label: string }[][]) {
  const seen = new Map<string, string>();
  for (const list of lists)
    for (const option of list) if (!seen.has(option.value)) seen.set(option.value, option.label);
  return [...seen].map(([value, label]) => ({ value, label }));
}

/**
 * The plan manager's form for the period, the covering message and the invitees of a draft's consultation.
 * Sent at the plan's version as the page last read it, so a change made meanwhile by someone else is refused
 * rather than overwritten.
 */
export function ConsultationSetupForm({
  plan,
  consultation,
}: {
  plan: PlanDetailData;
  consultation: ConsultationData | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const form = useForm<SetupValues>(valuesOf(consultation));
  const [saving, setSaving] = useState(false);
  const organizations = useOrganizations();
  const candidates = useCouncilCandidates(true);
  const error = (field: keyof SetupValues & string) => messageText(t, form.errors[field]);

  const organizationOptions = mergeOptions(
    (organizations.data ?? []).map((o) => ({ value: o.id, label: orgName(o, locale) })),
    chosen(consultation, 'organization'),
  );
  const memberOptions = mergeOptions(
    (candidates.data?.items ?? []).map((c) => ({
      value: c.id,
      label: t('plan.consultation.councilMemberLabel', {
        name: c.displayName,
        organization: orgName(c.organization, locale),
      }),
    })),
    chosen(consultation, 'council_member'),
  );

  /** Server field paths name the nested object (`consultation.endsOn`): shown beside the field all the same. */
  const fail = (failure: unknown) => {
    if (isApiError(failure) && failure.problem.errors) {
      const placed = failure.problem.errors.map((e) => ({
        ...e,
        path: e.path.replace(/^(\/body)?[./]?consultation[./]/, ''),
      }));
      form.fail(new ApiError({ ...failure.problem, errors: placed }, failure.extensions));
      return;
    }
    form.fail(failure);
  };

  /** Reads the plan again and takes its version; what the user typed stays, to be checked and saved again. */
  const reload = async () => {
    form.setProblem(null);
    await queryClient.invalidateQueries({ queryKey: planKeys.plan(plan.id) });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const v = form.values;
    const consultationInput = {
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      message: v.message,
      organizationIds: v.organizationIds,
      councilMemberIds: v.councilMemberIds,
    };
    // The consultation is saved at the plan's version, read when sending (a task saved meanwhile moved it on).
    const parsed = ConsultationWriteInput.safeParse({
      consultation: consultationInput,
      version: plan.version,
    });
    if (!parsed.success) {
      // The write input nests the consultation: its issues are placed on the form's own fields.
      const issues = parsed.error.issues.map((issue) => ({
        ...issue,
        path: issue.path[0] === 'consultation' ? issue.path.slice(1) : issue.path,
      }));
      form.setErrors(collectIssues(issues, undefined, consultationInput));
      return;
    }
    setSaving(true);
    void setConsultation(plan.id, parsed.data)
      .then(async (saved) => {
        notifications.show({ color: 'teal', message: t('plan.consultation.saved') });
        queryClient.setQueryData(planKeys.consultation(plan.id), saved);
        await queryClient.invalidateQueries({ queryKey: planKeys.detail(plan.id) });
      }, fail)
      .finally(() => setSaving(false));
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('plan.consultation.formLabel')}
      data-testid="plan-consultation-form"
    >
      <Stack gap="md">
        {consultation === null ? <Text size="sm">{t('plan.consultation.notSetManager')}</Text> : null}
        <StaleProblem
          problem={form.problem}
          onReload={() => void reload()}
          testIdPrefix="plan-consultation"
          words={{
            title: t('plan.stale.title'),
            message: t('plan.stale.message'),
            reload: t('plan.stale.reload'),
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('plan.consultation.startsOn')}
            required
            error={error('startsOn')}
            {...form.text('startsOn')}
            data-testid="plan-consultation-starts-on"
          />
          <TextInput
            type="date"
            label={t('plan.consultation.endsOn')}
            required
            error={error('endsOn')}
            {...form.text('endsOn')}
            data-testid="plan-consultation-ends-on"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-8}>
          {t('plan.consultation.periodHelp')}
        </Text>
        <Textarea
          label={t('plan.consultation.message')}
          description={t('plan.consultation.messageHint')}
          rows={3}
          maxLength={2000}
          error={error('message')}
          {...form.text('message')}
          data-testid="plan-consultation-message"
        />
        <MultiSelect
          label={t('plan.consultation.organizations')}
          description={t('plan.consultation.organizationsHint')}
          data={organizationOptions}
          value={form.values.organizationIds}
          onChange={(value) => form.setValue('organizationIds', value)}
          searchable
          clearable
          nothingFoundMessage={t('common.noResults')}
          comboboxProps={{ withinPortal: true }}
          error={error('organizationIds')}
          data-testid="plan-consultation-organizations"
        />
        {organizations.isError ? (
          <Alert color="yellow">{t('plan.consultation.organizationsUnavailable')}</Alert>
        ) : null}
        <MultiSelect
          label={t('plan.consultation.councilMembers')}
          description={t('plan.consultation.councilMembersHint')}
          data={memberOptions}
          value={form.values.councilMemberIds}
          onChange={(value) => form.setValue('councilMemberIds', value)}
          searchable
          clearable
          nothingFoundMessage={t('common.noResults')}
          comboboxProps={{ withinPortal: true }}
          error={error('councilMemberIds')}
          data-testid="plan-consultation-members"
        />
        {candidates.isError ? (
          <Alert color="yellow" data-testid="plan-consultation-members-unavailable">
            {t('plan.consultation.councilUnavailable')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={saving} data-testid="plan-consultation-submit">
            {t('plan.consultation.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
