import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** PersonIntake's limit on other names. */
export const MAX_OTHER_NAMES = 10;

export interface OtherNamesInputProps {
  values: readonly string[];
  onChange: (values: string[]) => void;
  onBlur?: () => void;
  error?: string;
}

/** Former names, aliases and the name used in North Korea: a list the worker grows and shrinks. */
export function OtherNamesInput({ values, onChange, onBlur, error }: OtherNamesInputProps) {
  const { t } = useTranslation();
  const focusIndex = useRef<number | null>(null);

  // A name just added gets the focus, so typing can go on from the keyboard.
  useEffect(() => {
    if (focusIndex.current === null) return;
    document.getElementById(`person-otherName-${focusIndex.current}`)?.focus();
    focusIndex.current = null;
  });

  const add = () => {
    focusIndex.current = values.length;
    onChange([...values, '']);
  };
  const remove = (index: number) => onChange(values.filter((_, i) => i !== index));
  const change = (index: number, value: string) =>
    onChange(values.map((existing, i) => (i === index ? value : existing)));

  return (
    <Fieldset variant="unstyled" legend={t('persons.otherNames')} data-testid="person-otherNames">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('persons.otherNamesHint')}
        </Text>
        {values.map((value, index) => (
          // Index keys are right here: the inputs are controlled, their position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              id={`person-otherName-${index}`}
              label={t('persons.otherNameN', { n: index + 1 })}
              value={value}
              onChange={(event) => change(index, event.currentTarget.value)}
              onBlur={onBlur}
              error={error !== undefined && value.trim() !== ''}
              autoComplete="off"
              maxLength={50}
              style={{ flex: 1 }}
              data-testid={`person-otherName-${index}`}
            />
            <Button
              variant="default"
              onClick={() => remove(index)}
              aria-label={t('persons.removeOtherName', { n: index + 1 })}
            >
              {t('common.delete')}
            </Button>
          </Group>
        ))}
        {error ? (
          <Text size="sm" c="red.9">
            {error}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="light"
            onClick={add}
            disabled={values.length >= MAX_OTHER_NAMES}
            data-testid="person-otherNames-add"
          >
            {t('persons.addOtherName')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
