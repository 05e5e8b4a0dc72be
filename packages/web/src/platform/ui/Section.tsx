import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of a record's page; its heading names it for assistive technology. */
export function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {heading}
      </Title>
      {children}
    </Card>
  );
}
