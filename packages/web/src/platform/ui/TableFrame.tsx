import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a narrow screen. The frame is focusable and named so keyboard users
 * can scroll it too (axe: scrollable-region-focusable).
 */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }} className="table-frame">
      {children}
    </Box>
  );
}
