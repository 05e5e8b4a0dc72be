import { Card, SimpleGrid, Text } from '@mantine/core';

export interface FigureItem {
  key: string;
  /** What the number counts. */
  label: string;
  /** The number as it is read (a suppressed count, a rate, "not available"). */
  value: string;
  testId: string;
}

/** A report's headline numbers as a description list: each a term and its value, in a grid of cards. */
export function FigureList({ items }: { items: readonly FigureItem[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} component="dl" m={0}>
      {items.map((item) => (
        <Card key={item.key} withBorder padding="sm">
          <Text component="dt" size="sm">
            {item.label}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl" data-testid={item.testId}>
            {item.value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
