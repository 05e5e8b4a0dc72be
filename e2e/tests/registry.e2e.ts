import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import ko from '../../packages/web/src/i18n/ko.json' with { type: 'json' };
import { expectNoSeriousA11yViolations, signIn, signOut, useBrowser } from './support/browser';

// A birth date of this run's own, so the two registrations below meet each other and nothing else.
const stamp = Date.now();
const birthDate = `${1950 + (stamp % 45)}-${String(1 + (Math.floor(stamp / 45) % 12)).padStart(2, '0')}-${String(13 + (Math.floor(stamp / 540) % 15)).padStart(2, '0')}`;
const unmaskReason = '초기상담 중 본인 확인 (e2e)';
// The person registered second (the near-duplicate) is looked up in the access log by the second test.
let unmaskedPersonId: string | null = null;

function isIntake(response: { url(): string; request(): { method(): string } }): boolean {
  return new URL(response.url()).pathname === '/api/persons' && response.request().method() === 'POST';
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

  it('demo-case-worker registers a person, then a near-duplicate after reviewing the explained warning, and unmasks it with a reason', async () => {
    const page = await newPage();
    await signIn(page, 'demo-case-worker');

    // 1. 김영희, with a birth date only this run uses.
    await openIntakeForm(page);
    await expectNoSeriousA11yViolations(page, 'the person intake form');
    await page.getByTestId('person-name').fill('김영희');
    await page.getByTestId('person-birthDate').fill(birthDate);
    await page.getByTestId('person-phone').fill('010-2345-6789');
    const first = await saveIntake(page);
    expect(await page.locator('main h1').textContent()).toBe(first.code);
    expect(await page.getByTestId('person-header-name').textContent()).toBe('김*희');
    expect(await page.getByTestId('identity-name').textContent()).toBe('김*희');

    // 2. 김영혜, same birth date: warned as soon as the birth date is left, with the reasons spelled out.
    await openIntakeForm(page);
    await page.getByTestId('person-name').fill('김영혜');
    await page.getByTestId('person-birthDate').fill(birthDate);
    const checked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/persons/duplicate-check');
    await page.getByTestId('person-birthDate').press('Tab');
    expect((await checked).status()).toBe(200);
    const panel = page.getByTestId('duplicate-panel');
    await panel.waitFor();
    const candidate = panel.getByTestId('duplicate-candidate').filter({ hasText: first.code });
    await candidate.waitFor();
    const explained = await candidate.textContent();
    expect(explained).toContain('김*희');
    expect(explained).toMatch(/이름 유사\(자모 유사도 \d+%\)/);
    expect(explained).toContain(ko.persons.duplicates.reasons.birth_date_equal);
    await expectNoSeriousA11yViolations(page, 'the person intake form with the duplicate warning');

    // Saving without a decision is refused, and nothing typed is lost.
    const refused = page.waitForResponse(isIntake);
    await page.getByTestId('person-submit').click();
    expect((await refused).status()).toBe(409);
    await panel.getByText(ko.persons.duplicates.refusedTitle).waitFor();
    expect(await page.getByTestId('person-name').inputValue()).toBe('김영혜');
    expect(await page.getByTestId('person-birthDate').inputValue()).toBe(birthDate);

    // The worker confirms each candidate is someone else, and saves.
    const acknowledgements = panel.locator('[data-testid^="duplicate-ack-"]');
    expect(await acknowledgements.count()).toBeGreaterThan(0);
    for (const box of await acknowledgements.all()) await box.check();
    await expect.poll(() => page.getByTestId(`duplicate-ack-${first.code}`).isChecked()).toBe(true);
    const second = await saveIntake(page);
    unmaskedPersonId = second.id;
    expect(second.code).not.toBe(first.code);
    await expectNoSeriousA11yViolations(page, 'the person page (masked)');

    // 3. Unmask with a reason: the full name for this session, recorded in the access log.
    await page.getByTestId('unmask-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(ko.persons.unmask.notice);
    await expectNoSeriousA11yViolations(page, 'the unmask dialog');
    await page.getByTestId('unmask-reason').fill(unmaskReason);
    const unmasked = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/persons/${second.id}/unmask`,
    );
    await page.getByTestId('unmask-submit').click();
    expect((await unmasked).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('identity-name').textContent()).toBe('김영혜');
    expect(await page.getByTestId('identity-state').textContent()).toBe(ko.persons.identityUnmasked);

    // 4. The list finds both by part of the name, with masked names, and the search text stays out of the address.
    await page.getByTestId('nav-persons').click();
    await page.getByTestId('person-table').waitFor();
    await expectNoSeriousA11yViolations(page, 'the person list');
    const searched = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/persons' && url.searchParams.get('q') === '김영';
    });
    await page.getByTestId('person-search').fill('김영');
    await page.getByTestId('person-search').press('Enter');
    expect((await searched).status()).toBe(200);
    await page.getByTestId(`person-row-${first.code}`).waitFor();
    const row = await page.getByTestId(`person-row-${second.code}`).textContent();
    expect(row).toContain('김*혜');
    expect(row).not.toContain('김영혜');
    expect(new URL(page.url()).pathname).toBe('/persons');
    expect(new URL(page.url()).search).toBe('');
    expect(decodeURIComponent(page.url())).not.toContain('김영');

    await signOut(page);
  });

  it('demo-privacy-auditor finds the unmask entry, with its reason, for that person', async () => {
    expect(unmaskedPersonId, 'the previous test did not register and unmask the person').not.toBeNull();
    const page = await newPage();
    await signIn(page, 'demo-privacy-auditor');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();

    await page.getByTestId('audit-filter-actor').fill('demo-case-worker');
    await page.getByTestId('audit-filter-subject').fill(unmaskedPersonId as string);
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
    expect(text).toContain(unmaskedPersonId as string);
    expect(await rows.count()).toBe(1);
    await signOut(page);
  });
});
