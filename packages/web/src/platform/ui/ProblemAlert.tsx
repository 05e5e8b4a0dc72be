import type { Problem } from '@ieum/domain';
import { Alert, List, Text } from '@mantine/core';

/** A failed request as the server explained it: its (localized) title, detail and unplaced field errors. */
export function ProblemAlert({ problem, onClose }: { problem: Problem | null; onClose?: () => void }) {
  if (!problem) return null;
  return (
    <Alert color="red" title={problem.title} withCloseButton={onClose !== undefined} onClose={onClose}>
      {problem.detail ? <Text size="sm">{problem.detail}</Text> : null}
      {problem.errors && problem.errors.length > 0 ? (
        <List size="sm">
          {problem.errors.map((error) => (
            <List.Item key={`${error.path}:${error.message}`}>{error.message}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
