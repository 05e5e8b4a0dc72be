import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, signIn, signOut, useBrowser } from './support/browser';

function apiCall(path: string, method: string) {
  return (response: { url(): string; request(): { method(): string } }) =>
    new URL(response.url()).pathname === path && response.request().method() === method;
}

/** Registers a person of this run (a surname the demo population never uses) and opens their case tab. */
async function registerAndOpenCaseTab(page: Page): Promise<string> {
  await page.getByTestId('nav-persons').click();
  await page.getByTestId('person-create').click();
  await page.waitForURL('**/persons/new');
  await page.getByTestId('person-name').fill('남궁사례');
  await page.getByTestId('person-birthDate').fill(`19${50 + (Date.now() % 45)}-06-1${Date.now() % 10}`);
  const created = page.waitForResponse(apiCall('/api/persons', 'POST'));
  await page.getByTestId('person-submit').click();
  const response = await created;
  // A duplicate warning would need an acknowledgement; this run's name and date meet no one.
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await page.waitForURL(`**/persons/${id}`);
  await page.getByTestId('person-tab-cases').click();
  await page.getByTestId('case-tab').waitFor();
  return id;
}

// Each test goes on from the one before: the person registered with a case, then worked on, then listed.
let personId: string | null = null;

async function openPersonCaseTab(page: Page): Promise<string> {
  expect(personId, 'an earlier test did not open a case').not.toBeNull();
  await page.goto(`/persons/${personId}`);
  await page.getByTestId('person-tab-cases').click();
  await page.getByTestId('case-view').waitFor();
  return personId as string;
}

describe('case management', () => {
  const { newPage } = useBrowser();

  it('demo-case-worker opens a case for a new person and moves it to assessment', async () => {
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    const id = await registerAndOpenCaseTab(page);
    await expectNoSeriousA11yViolations(page, 'the case tab without a case');

    await page.getByTestId('case-open-submit').click();
    await page.getByTestId('case-view').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('접수');

    await page.getByTestId('case-transition-assessment').click();
    await page.getByTestId('case-transition-reason').fill('초기 상담 완료');
    const moved = page.waitForResponse((r) => r.url().endsWith('/transition'));
    await page.getByTestId('case-transition-submit').click();
    expect((await moved).status()).toBe(204);
    await page.getByTestId('case-transition-active').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('사정');
    personId = id;
    await signOut(page);
  });

  it('demo-case-worker assesses needs, plans a goal and writes a note', async () => {
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    await openPersonCaseTab(page);

    await page.getByTestId('assessment-score-employment').selectOption('4');
    await page.getByTestId('assessment-score-housing').selectOption('3');
    await page.getByTestId('assessment-summary').fill('구직 의사 높음');
    await page.getByTestId('assessment-submit').click();
    await page.getByTestId('assessment-table').waitFor();
    expect(await page.getByTestId('assessment-priorities').textContent()).toBe('우선 개입 영역: 취업, 주거');

    await page.getByTestId('goal-domain').selectOption('employment');
    await page.getByTestId('goal-text').fill('직업훈련 등록');
    await page.getByTestId('goal-target').fill('2020-01-31');
    await page.getByTestId('goal-submit').click();
    await page.getByTestId('goal-overdue').waitFor();

    await page.getByTestId('note-body').fill('첫 상담 완료');
    await page.getByTestId('note-sensitivity-sensitive').check();
    await page.getByTestId('note-submit').click();
    await page.getByText('첫 상담 완료', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the case tab with a case');
    await signOut(page);
  });

  it('demo-center-manager finds the case in the center caseload, linked by id', async () => {
    const page = await newPage();
    await signIn(page, 'demo-center-manager');
    expect(personId, 'an earlier test did not open a case').not.toBeNull();
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('case-table').waitFor();
    await page.locator(`a[href="/persons/${personId}"]`).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the case list');
    await page.locator(`a[href="/persons/${personId}"]`).first().click();
    await page.getByTestId('person-tab-cases').click();
    await page.getByTestId('case-assign-worker').waitFor();
    expect(await page.getByTestId('case-worker').textContent()).toBe('데모 사례관리자');
    await signOut(page);
  });
});
