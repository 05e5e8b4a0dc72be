import { SurveyRoundInput, VULNERABILITY_CATEGORIES, type VulnerabilityCategory } from '@ieum/domain';
import { Button, Checkbox, Group, Input, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { createSurveyRound } from './api';
import { categoryLabel } from './text';

interface RoundValues extends Record<string, unknown> {
  name: string;
  startsOn: string;
  endsOn: string;
  categories: VulnerabilityCategory[];
  excludeOnLivelihoodOrMedicalAid: boolean;
  excludeInsuredRegularWorkers: boolean;
}

const EMPTY: RoundValues = {
  name: '',
  startsOn: '',
  endsOn: '',
  categories: [],
  excludeOnLivelihoodOrMedicalAid: true,
  excludeInsuredRegularWorkers: true,
};

/**
 * A new survey round: its name and period, the categories that select persons, and the two exclusions of the
 * 2019 rounds, each explained in words. Errors on the nested criteria are shown on their own fields.
 */
export function SurveyRoundForm({
  onCreated,
  onCancel,
}: {
  onCreated: (round: { id: string; selected: number }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<RoundValues>(EMPTY);
  const [saving, setSaving] = useState(false);
  const error = (field: keyof RoundValues & string) => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const { name, startsOn, endsOn, categories, ...exclusions } = form.values;
    // Validated flat, so that each message lands on its own field (the criteria nest on the wire).
    const flat = SurveyRoundInput.omit({ criteria: true }).extend(SurveyRoundInput.shape.criteria.shape);
    const checked = form.validate(flat, { name, startsOn, endsOn, categories, ...exclusions });
    if (!checked) return;
    if (checked.endsOn < checked.startsOn) {
      form.setErrors({ endsOn: { key: 'validation.dateRange' } });
      return;
    }
    setSaving(true);
    createSurveyRound({
      name: checked.name,
      startsOn: checked.startsOn,
      endsOn: checked.endsOn,
      criteria: {
        categories: checked.categories,
        excludeOnLivelihoodOrMedicalAid: checked.excludeOnLivelihoodOrMedicalAid,
        excludeInsuredRegularWorkers: checked.excludeInsuredRegularWorkers,
      },
    })
      .then(onCreated, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="survey-form">
      <Stack gap="md">
        <ProblemAlert problem={form.problem} onClose={() => form.setProblem(null)} />
        <TextInput
          label={t('protection.surveys.name')}
          required
          maxLength={200}
          autoComplete="off"
          error={error('name')}
          {...form.text('name')}
          data-testid="survey-name"
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('protection.surveys.startsOn')}
            required
            error={error('startsOn')}
            {...form.text('startsOn')}
            data-testid="survey-starts-on"
          />
          <TextInput
            type="date"
            label={t('protection.surveys.endsOn')}
            required
            error={error('endsOn')}
            {...form.text('endsOn')}
            data-testid="survey-ends-on"
          />
        </Group>
        <Checkbox.Group
          label={t('protection.surveys.categories')}
          description={t('protection.surveys.categoriesHint')}
          required
          value={form.values.categories}
          onChange={(categories) => form.setValue('categories', categories as VulnerabilityCategory[])}
          error={error('categories')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6} mt={6}>
            {VULNERABILITY_CATEGORIES.map((category) => (
              <Checkbox
                key={category}
                value={category}
                label={categoryLabel(category, locale)}
                data-testid={`survey-category-${category}`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Stack gap="xs" role="group" aria-labelledby="survey-exclusions">
          <Input.Label id="survey-exclusions" labelElement="div">
            {t('protection.surveys.exclusions')}
          </Input.Label>
          <Checkbox
            label={t('protection.surveys.excludeAid')}
            description={t('protection.surveys.excludeAidHint')}
            checked={form.values.excludeOnLivelihoodOrMedicalAid}
            onChange={(event) =>
              form.setValue('excludeOnLivelihoodOrMedicalAid', event.currentTarget.checked)
            }
            data-testid="survey-exclude-aid"
          />
          <Checkbox
            label={t('protection.surveys.excludeInsured')}
            description={t('protection.surveys.excludeInsuredHint')}
            checked={form.values.excludeInsuredRegularWorkers}
            onChange={(event) => form.setValue('excludeInsuredRegularWorkers', event.currentTarget.checked)}
            data-testid="survey-exclude-insured"
          />
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="survey-submit">
            {t('protection.surveys.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
