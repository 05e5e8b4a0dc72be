import type { Page, Response } from 'playwright-core';
import { expect } from 'vitest';

/** Small steps the browser tests share: dates as the date inputs want them, waiting for a call, picking. */

/** A date `days` after today in Seoul (negative: before), as `YYYY-MM-DD`. */
export function seoulDatePlus(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A predicate for `page.waitForResponse`: this method on this path (exact, or a pattern). */
export const isCall = (method: string, path: string | RegExp) => (response: Response) =>
  response.request().method() === method &&
  (typeof path === 'string'
    ? new URL(response.url()).pathname === path
    : path.test(new URL(response.url()).pathname));

/** What an earlier test of the file left for this one; a clear failure when it did not. */
export function registered<T>(value: T | null, what: string): T {
  expect(value, `an earlier test did not leave ${what}`).not.toBeNull();
  return value as T;
}

/** Picks an option of a Mantine select or multi-select by typing part of it, then closes its list. */
export async function pick(page: Page, testId: string, search: string, label: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(search);
  // The list is the input's own (aria-controls); while it opens it is not yet in the accessibility tree.
  const listId = await input.getAttribute('aria-controls');
  expect(listId, `${testId} controls no list`).toBeTruthy();
  await page.locator(`[id="${listId}"] [role="option"]`).getByText(label, { exact: true }).click();
  // Leaving the input closes the list (Escape would also close a dialog the select sits in).
  await input.evaluate((element) => (element as HTMLElement).blur());
  await page.locator(`[id="${listId}"]`).waitFor({ state: 'hidden' });
}
