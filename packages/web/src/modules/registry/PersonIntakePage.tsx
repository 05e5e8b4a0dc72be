import { PersonIntake } from '@ieum/domain';
import { Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../platform/api';
import { useMe } from '../../platform/auth/session';
import { useForm } from '../../platform/forms';
import { organizationName, useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import {
  createPerson,
  type DuplicateCandidateData,
  DuplicateCandidates,
  registryKeys,
  useMunicipalities,
} from './api';
import { canAcknowledge, DuplicatePanel } from './DuplicatePanel';
import { IdentityFields, ProtectionFields } from './IntakeFields';
import { duplicateCheckInput, EMPTY_INTAKE, intakeInput } from './intake-form';
import { useDuplicateCheck } from './use-duplicate-check';

interface Duplicates {
  readonly candidates: readonly DuplicateCandidateData[];
  /** True when the intake itself was refused because of them. */
  readonly refused: boolean;
}

/**
 * Intake of a person. Possible duplicates are looked for while the identity is typed and again on saving;
 * each is explained, and the worker confirms per candidate that it is someone else. Nothing typed is lost.
 */
export default function PersonIntakePage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm(EMPTY_INTAKE);
  const [saving, setSaving] = useState(false);
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(() => new Set());
  const panelRef = useRef<HTMLElement>(null);
  const focusPanel = useRef(false);

  // Without the list (refused, or unreachable) the field is left out: the municipality can be added later.
  const municipalityQuery = useMunicipalities();
  const municipalities = useMemo(
    () =>
      municipalityQuery.isSuccess
        ? municipalityQuery.data.items.map((organization) => ({
            value: organization.id,
            label: organizationName(organization, locale),
          }))
        : null,
    [municipalityQuery.isSuccess, municipalityQuery.data, locale],
  );

  const scheduleCheck = useDuplicateCheck((candidates) =>
    setDuplicates(candidates.length > 0 ? { candidates, refused: false } : null),
  );

  // A refused intake moves the reading position to the candidates (keyboard and screen reader users too).
  useEffect(() => {
    if (!focusPanel.current || !duplicates) return;
    focusPanel.current = false;
    panelRef.current?.focus();
    panelRef.current?.scrollIntoView?.({ block: 'start' });
  }, [duplicates]);

  const acknowledge = (code: string, checked: boolean) =>
    setAcknowledged((current) => {
      const next = new Set(current);
      if (checked) next.add(code);
      else next.delete(code);
      return next;
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const acknowledgedCodes = (duplicates?.candidates ?? [])
      .filter((candidate) => canAcknowledge(candidate) && acknowledged.has(candidate.code))
      .map((candidate) => candidate.code);
    const input = form.validate(PersonIntake, intakeInput(form.values, acknowledgedCodes));
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    createPerson(input)
      .then(
        (created) => {
          void queryClient.invalidateQueries({ queryKey: registryKeys.persons });
          notifications.show({ color: 'teal', message: t('persons.created', { code: created.code }) });
          void navigate(`/persons/${created.id}`);
        },
        (failure: unknown) => {
          const candidates = isApiError(failure, 'person.possible_duplicate')
            ? failure.extension('duplicates', DuplicateCandidates)
            : undefined;
          if (candidates && candidates.length > 0) {
            focusPanel.current = true;
            setDuplicates({ candidates, refused: true });
            return;
          }
          form.fail(failure);
        },
      )
      .finally(() => setSaving(false));
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('persons.createTitle')} />
      <Text size="sm">{t('persons.createIntro', { center: organizationName(me.organization, locale) })}</Text>
      <form onSubmit={onSubmit} noValidate aria-label={t('persons.createTitle')}>
        <Stack gap="lg">
          <ProblemAlert problem={form.problem} />
          <IdentityFields
            form={form}
            onIdentityLeft={() => scheduleCheck(duplicateCheckInput(form.values))}
          />
          <VisuallyHidden role="status">
            {duplicates ? t('persons.duplicates.found', { count: duplicates.candidates.length }) : ''}
          </VisuallyHidden>
          {duplicates ? (
            <DuplicatePanel
              ref={panelRef}
              candidates={duplicates.candidates}
              acknowledged={acknowledged}
              onAcknowledge={acknowledge}
              refused={duplicates.refused}
            />
          ) : null}
          <ProtectionFields form={form} municipalities={municipalities} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/persons">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="person-submit">
              {t('persons.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
