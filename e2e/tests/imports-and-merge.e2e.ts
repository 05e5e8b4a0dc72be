import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, signIn, signOut, useBrowser } from './support/browser';

/** A birth date of this run's own (day 1-12, unlike the registry test's), so the cohort meets only itself. */
function birthDateOfRun(seed: number): string {
  const year = 1950 + (seed % 45);
  const month = 1 + (Math.floor(seed / 45) % 12);
  const day = 1 + (Math.floor(seed / 540) % 12);
  return `${year}.${String(month).padStart(2, '0')}.${String(day).padStart(2, '0')}`;
}

const birthDate = birthDateOfRun(Date.now());
// Two spellings of one person (the kind of near-duplicate a merge is for) and one row with a bad number.
const COHORT = [
  '성명,생년월일,성별,하나원 기수,비고',
  `남궁순녀,${birthDate},여,411,`,
  `남궁순녜,${birthDate},여,411,`,
  '남궁철,1999.02.31,남,411,날짜 오류',
].join('\n');

let imported: { id: string; code: string }[] = [];

function isCommit(response: { url(): string; request(): { method(): string } }): boolean {
  return /\/api\/persons\/imports\/[^/]+\/commit$/.test(new URL(response.url()).pathname);
}

async function openPersonTab(page: Page, personId: string, tab: string): Promise<void> {
  await page.goto(`/persons/${personId}`);
  await page.getByTestId(`person-tab-${tab}`).click();
}

describe('cohort import and merging duplicates', () => {
  const { newPage } = useBrowser();

  it('demo-case-worker imports a cohort: preview with a Korean row error, only the valid rows, links', async () => {
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    await page.getByTestId('nav-persons').click();
    await page.getByTestId('person-import').click();
    await page.waitForURL('**/persons/import');
    await page.getByTestId('import-columns').waitFor();
    await expectNoSeriousA11yViolations(page, 'the cohort import page');

    await page.locator('input[type="file"]').setInputFiles({
      name: '411기.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${COHORT}`),
    });
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-totals').waitFor();
    expect(await page.getByTestId('import-total-total').textContent()).toBe('3');
    expect(await page.getByTestId('import-total-invalid').textContent()).toBe('1');
    expect(await page.getByTestId('import-row-4').textContent()).toContain('4행');
    expect(await page.getByTestId('import-commit-all').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'the cohort import preview');

    await page.getByTestId('import-confirm-skip').check();
    const committed = page.waitForResponse(isCommit);
    await page.getByTestId('import-commit-valid').click();
    const response = await committed;
    expect(response.status(), await response.text()).toBe(200);
    imported = ((await response.json()) as { persons: { id: string; code: string }[] }).persons;
    expect(imported).toHaveLength(2);
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-result-list').getByRole('link').count()).toBe(2);
    await expectNoSeriousA11yViolations(page, 'the cohort import result');
    await signOut(page);
  });

  it('demo-center-manager merges the second spelling into the first, then undoes it', async () => {
    expect(imported, 'the import test did not run').toHaveLength(2);
    const [survivor, duplicate] = imported as [{ id: string; code: string }, { id: string; code: string }];
    const page = await newPage();
    await signIn(page, 'demo-center-manager');
    await openPersonTab(page, survivor.id, 'merge');
    const candidate = page.getByTestId(`merge-candidate-${duplicate.code}`);
    await candidate.waitFor();
    await expectNoSeriousA11yViolations(page, 'the merge tab');

    await page.getByTestId(`merge-compare-${duplicate.code}`).click();
    await page.getByTestId('merge-compare').waitFor();
    await page.getByTestId('merge-reason').fill('하나원 명단과 대조하여 같은 사람 확인 (e2e)');
    await expectNoSeriousA11yViolations(page, 'the merge comparison');
    await page.getByTestId('merge-submit').click();
    const merged = page.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === `/api/persons/${survivor.id}/merges` && r.request().method() === 'POST',
    );
    await page.getByTestId('merge-confirm').click();
    const mergeResponse = await merged;
    expect(mergeResponse.status(), await mergeResponse.text()).toBe(201);
    const mergeId = ((await mergeResponse.json()) as { id: string }).id;
    await page.getByTestId(`merge-entry-${mergeId}`).waitFor();
    await expectNoSeriousA11yViolations(page, 'the merge history');

    await page.goto(`/persons/${duplicate.id}`);
    await page.getByTestId('person-merged-away').waitFor();

    await openPersonTab(page, survivor.id, 'merge');
    await page.getByTestId(`merge-undo-${mergeId}`).click();
    await page.getByTestId('merge-undo-reason').fill('다른 사람으로 확인되어 되돌림 (e2e)');
    const undone = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/persons/merges/${mergeId}/undo`,
    );
    await page.getByTestId('merge-undo-submit').click();
    expect((await undone).status()).toBe(200);
    await page.goto(`/persons/${duplicate.id}`);
    await page.getByTestId('identity-card').waitFor();
    await signOut(page);
  });
});
