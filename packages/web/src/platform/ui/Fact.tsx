import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled row of a vertical facts table (a record's overview): the label as the row's header. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
