import { Anchor, Card, Text } from '@mantine/core';
import { Link } from 'react-router';

/** One number with what it counts; a link when there is a list behind it. */
export function StatCard({
  label,
  value,
  to,
  alert = false,
  testId,
}: {
  label: string;
  value: string;
  to?: string;
  alert?: boolean;
  testId: string;
}) {
  const number = (
    <Text component="span" fz={28} fw={700} c={alert ? 'red.8' : undefined} display="block">
      {value}
    </Text>
  );
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="sm" fw={600} component="p" m={0}>
        {to ? (
          <Anchor component={Link} to={to} inherit>
            {label}
          </Anchor>
        ) : (
          label
        )}
      </Text>
      {number}
    </Card>
  );
}
