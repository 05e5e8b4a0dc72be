import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A chart for the eye with a table of the same numbers for reading and for screen readers. The chart is hidden
 * from assistive technology and, drawn without recharts' keyboard layer, holds nothing focusable
 * (axe: aria-hidden-focus).
 */
export function Figure({
  id,
  heading,
  chart,
  table,
  note,
}: {
  id: string;
  heading: string;
  chart: ReactNode;
  table: ReactNode;
  note?: string;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {heading}
      </Title>
      <Stack gap="md">
        <div aria-hidden="true">{chart}</div>
        {note ? (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        ) : null}
        {table}
      </Stack>
    </Card>
  );
}
