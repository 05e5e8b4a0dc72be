import { DATA_CATEGORIES, type DataCategory } from '@ieum/domain';
import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The data categories a consent covers or a referral carries: one checkbox each, in the domain's order. */
export function CategoriesField({
  description,
  value,
  onChange,
  error,
  testIdPrefix,
}: {
  description: string;
  value: DataCategory[];
  onChange: (categories: DataCategory[]) => void;
  error: string | undefined;
  /** Each checkbox's test id is `<prefix>-<category>`. */
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('referrals.fields.categories')}
      description={description}
      required
      value={value}
      onChange={(categories) => onChange(categories as DataCategory[])}
      error={error}
    >
      <Stack gap={6} mt={6}>
        {DATA_CATEGORIES.map((category) => (
          <Checkbox
            key={category}
            value={category}
            label={t(`referrals.categories.${category}`)}
            data-testid={`${testIdPrefix}-${category}`}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
