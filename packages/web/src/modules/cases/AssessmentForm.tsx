import { AssessmentInput, NEED_DOMAINS, type NeedDomain } from '@ieum/domain';
import { Button, Card, NativeSelect, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { recordAssessment } from './api';

const SCORES = [0, 1, 2, 3, 4] as const;
type ScoreField = `score_${NeedDomain}`;
type AssessmentValues = Record<ScoreField, string> & { summary: string };

function emptyValues(): AssessmentValues {
  const values = { summary: '' } as AssessmentValues;
  for (const domain of NEED_DOMAINS) values[`score_${domain}`] = '';
  return values;
}

/** A new needs assessment: each of the nine domains scored 0 (no need) to 4 (severe), or left unassessed. */
export function AssessmentForm({ caseId, onSaved }: { caseId: string; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const form = useForm<AssessmentValues>(emptyValues());
  const [saving, setSaving] = useState(false);
  const scoreOptions = [
    { value: '', label: t('cases.assessment.notAssessed') },
    ...SCORES.map((score) => ({ value: String(score), label: t(`cases.assessment.score.${score}`) })),
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const scores: Partial<Record<NeedDomain, number>> = {};
    for (const domain of NEED_DOMAINS) {
      const value = form.values[`score_${domain}`];
      if (value !== '') scores[domain] = Number(value);
    }
    if (Object.keys(scores).length === 0) {
      form.setErrors({ scores: { key: 'cases.assessment.scoreAtLeastOne' } });
      return;
    }
    const summary = form.values.summary.trim();
    const input = form.validate(AssessmentInput, { scores, ...(summary ? { summary } : {}) });
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    recordAssessment(caseId, input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('cases.assessment.saved') });
        form.reset(emptyValues());
        await onSaved();
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-assessment-form">
      <Title order={3} size="h5" id="case-assessment-form" mb={4}>
        {t('cases.assessment.formHeading')}
      </Title>
      <Text size="sm" mb="md">
        {t('cases.assessment.formIntro')}
      </Text>
      <form onSubmit={onSubmit} noValidate aria-labelledby="case-assessment-form">
        <Stack gap="md">
          <ProblemAlert problem={form.problem} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {NEED_DOMAINS.map((domain) => (
              <NativeSelect
                key={domain}
                label={t(`cases.domain.${domain}`)}
                data={scoreOptions}
                value={form.values[`score_${domain}`]}
                onChange={(event) => form.setValue(`score_${domain}`, event.currentTarget.value)}
                data-testid={`assessment-score-${domain}`}
              />
            ))}
          </SimpleGrid>
          {form.errors.scores ? (
            <Text c="red" size="sm" role="alert" data-testid="assessment-scores-error">
              {messageText(t, form.errors.scores)}
            </Text>
          ) : null}
          <Textarea
            label={t('cases.assessment.summary')}
            rows={3}
            resize="vertical"
            maxLength={4000}
            error={messageText(t, form.errors.summary)}
            data-testid="assessment-summary"
            {...form.text('summary')}
          />
          <div>
            <Button type="submit" loading={saving} data-testid="assessment-submit">
              {t('cases.assessment.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
