import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ko } from '../../packages/web/src/i18n';
import { expectNoSeriousA11yViolations, signIn, signOut, useBrowser } from './support/browser';

/**
 * A birth date of this run's own, on day 13-27 so that no other date is it with month and day swapped; with a
 * surname the demo population never uses (제갈), the two registrations below meet each other and nothing else.
 */
function birthDateOfRun(seed: number): string {
  const year = 1950 + (seed % 45);
  const month = 1 + (Math.floor(seed / 45) % 12);
  const day = 13 + (Math.floor(seed / 540) % 15);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const birthDate = birthDateOfRun(Date.now());
const unmaskReason = '초기상담 중 본인 확인 (e2e)';
// Each test goes on from the one before: the people registered, then unmasked, then found in the access log.
let first: { id: string; code: string } | null = null;
let second: { id: string; code: string } | null = null;
let unmasked = false;

function isIntake(response: { url(): string; request(): { method(): string } }): boolean {
  return new URL(response.url()).pathname === '/api/persons' && response.request().method() === 'POST';
}

function registered(person: { id: string; code: string } | null, what: string): { id: string; code: string } {
  expect(person, `an earlier test did not register ${what}`).not.toBeNull();
  return person as { id: string; code: string };
}

async function openIntakeForm(page: Page): Promise<void> {
  await page.getByTestId('nav-persons').click();
  await page.getByTestId('person-table').waitFor();
  await page.getByTestId('person-create').click();
  await page.waitForURL('**/persons/new');
  await page.getByTestId('person-name').waitFor();
}

/** Saves the intake and waits for the person's page; returns the new person's id and ID code. */
async function saveIntake(page: Page): Promise<{ id: string; code: string }> {
  const created = page.waitForResponse(isIntake);
  await page.getByTestId('person-submit').click();
  const response = await created;
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { id: string; code: string };
  await page.waitForURL(`**/persons/${body.id}`);
  await page.getByTestId('identity-card').waitFor();
  return body;
}

describe('person registry', () => {
  const { newPage } = useBrowser();

  it('demo-case-worker registers 제갈영희 and lands on the record, masked', async () => {
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    await openIntakeForm(page);
    await expectNoSeriousA11yViolations(page, 'the person intake form');
    await page.getByTestId('person-name').fill('제갈영희');
    await page.getByTestId('person-birthDate').fill(birthDate);
    await page.getByTestId('person-phone').fill('010-2345-6789');
    first = await saveIntake(page);
    expect(await page.locator('main h1').textContent()).toBe(first.code);
    expect(await page.getByTestId('person-header-name').textContent()).toBe('제**희');
    expect(await page.getByTestId('identity-name').textContent()).toBe('제**희');
    await expectNoSeriousA11yViolations(page, 'the person page (masked)');
    await signOut(page);
  });

  it('warns about 제갈영혜 with the same birth date, explains why, refuses, then saves once acknowledged', async () => {
    const existing = registered(first, '제갈영희');
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    await openIntakeForm(page);
    await page.getByTestId('person-name').fill('제갈영혜');
    await page.getByTestId('person-birthDate').fill(birthDate);
    const checked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/persons/duplicate-check');
    // Moving on to the next field leaves the birth date (Tab would first step through the date's own parts).
    await page.getByTestId('person-phone').click();
    expect((await checked).status()).toBe(200);
    const panel = page.getByTestId('duplicate-panel');
    await panel.waitFor();
    const candidate = panel.getByTestId('duplicate-candidate').filter({ hasText: existing.code });
    await candidate.waitFor();
    const explained = await candidate.textContent();
    expect(explained).toContain('제**희');
    expect(explained).toMatch(/이름 유사\(자모 유사도 \d+%\)/);
    expect(explained).toContain(ko.persons.duplicates.reasons.birth_date_equal);
    await expectNoSeriousA11yViolations(page, 'the person intake form with the duplicate warning');

    // Saving without a decision is refused, and nothing typed is lost.
    const refused = page.waitForResponse(isIntake);
    await page.getByTestId('person-submit').click();
    expect((await refused).status()).toBe(409);
    await panel.getByText(ko.persons.duplicates.refusedTitle).waitFor();
    expect(await page.getByTestId('person-name').inputValue()).toBe('제갈영혜');
    expect(await page.getByTestId('person-birthDate').inputValue()).toBe(birthDate);

    // The worker confirms each candidate is someone else, and saves.
    const acknowledgements = panel.locator('[data-testid^="duplicate-ack-"]');
    expect(await acknowledgements.count()).toBeGreaterThan(0);
    for (const box of await acknowledgements.all()) await box.check();
    expect(await page.getByTestId(`duplicate-ack-${existing.code}`).isChecked()).toBe(true);
    second = await saveIntake(page);
    expect(second.code).not.toBe(existing.code);
    await signOut(page);
  });

  it('shows the full name of 제갈영혜 after unmasking with a reason, for this session', async () => {
    const person = registered(second, '제갈영혜');
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    await page.goto(`/persons/${person.id}`);
    await page.getByTestId('identity-card').waitFor();
    expect(await page.getByTestId('identity-name').textContent()).toBe('제**혜');

    await page.getByTestId('unmask-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(ko.persons.unmask.notice);
    await expectNoSeriousA11yViolations(page, 'the unmask dialog');
    await page.getByTestId('unmask-reason').fill(unmaskReason);
    const answer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/persons/${person.id}/unmask`,
    );
    await page.getByTestId('unmask-submit').click();
    expect((await answer).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('identity-name').textContent()).toBe('제갈영혜');
    expect(await page.getByTestId('identity-state').textContent()).toBe(ko.persons.identityUnmasked);
    // The header keeps the masked name.
    expect(await page.getByTestId('person-header-name').textContent()).toBe('제**혜');
    unmasked = true;

    // It stays shown for the rest of this session.
    await page.reload();
    await expect.poll(() => page.getByTestId('identity-name').textContent()).toBe('제갈영혜');
    await signOut(page);
  });

  it('finds both by part of the name with masked names, keeping the search text out of the address', async () => {
    const one = registered(first, '제갈영희');
    const other = registered(second, '제갈영혜');
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    await page.getByTestId('nav-persons').click();
    await page.getByTestId('person-table').waitFor();
    await expectNoSeriousA11yViolations(page, 'the person list');
    const searched = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/persons' && url.searchParams.get('q') === '제갈영';
    });
    await page.getByTestId('person-search').fill('제갈영');
    await page.getByTestId('person-search').press('Enter');
    expect((await searched).status()).toBe(200);
    await page.getByTestId(`person-row-${one.code}`).waitFor();
    const row = await page.getByTestId(`person-row-${other.code}`).textContent();
    expect(row).toContain('제**혜');
    expect(row).not.toContain('제갈영혜');
    expect(new URL(page.url()).pathname).toBe('/persons');
    expect(new URL(page.url()).search).toBe('');
    expect(decodeURIComponent(page.url())).not.toContain('제갈');
    await signOut(page);
  });

  it('demo-privacy-auditor finds the unmask entry, with its reason, for that person', async () => {
    const person = registered(second, '제갈영혜');
    expect(unmasked, 'an earlier test did not unmask 제갈영혜').toBe(true);
    const page = await newPage();
    await signIn(page, 'demo-privacy-auditor');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();

    await page.getByTestId('audit-filter-actor').fill('demo-case-worker');
    await page.getByTestId('audit-filter-subject').fill(person.id);
    await page.getByTestId('audit-filter-action').click();
    await page.getByRole('option', { name: ko.auditActions.unmask, exact: true }).click();
    const filtered = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/audit/entries' && url.searchParams.get('action') === 'unmask';
    });
    await page.getByTestId('audit-search').click();
    expect((await filtered).status()).toBe(200);

    const rows = page.getByTestId('audit-table').locator('tbody tr');
    const entry = rows.filter({ hasText: unmaskReason });
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('demo-case-worker');
    expect(text).toContain(ko.auditActions.unmask);
    expect(text).toContain(person.id);
    expect(await rows.count()).toBe(1);
    await signOut(page);
  });
});
