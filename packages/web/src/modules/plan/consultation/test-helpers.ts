import type { Me } from '@ieum/domain';
import { fireEvent, waitFor, within } from '@testing-library/react';
import { makeMe } from '../../../testing/fake-server';

export const SLOW = { timeout: 10_000 };

export const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

/** Picks an option of a Mantine MultiSelect: open it by typing, then click the option in its list. */
export async function pick(input: HTMLElement, search: string, label: string) {
  fireEvent.click(input);
  type(input, search);
  const listbox = await waitFor(() => {
    const id = input.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error('the list did not open');
    return element;
  });
  // The dropdown is still in its opening transition here, so it is not "accessible" yet: find by text.
  const option = (await within(listbox).findByText(label)).closest('[role="option"]');
  if (!option) throw new Error(`no option ${label}`);
  fireEvent.click(option);
}

/** A task reporter of `organization` (a ministry, for the plan's purposes). */
export function reporterOf(
  organization: { id: string; name: string; nameEn: string },
  overrides: Partial<Me> = {},
): Me {
  return makeMe(['task_reporter'], {
    organization: { ...organization, type: 'ministry', region: null },
    ...overrides,
  });
}
