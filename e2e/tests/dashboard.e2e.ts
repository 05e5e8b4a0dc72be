import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, settle, signIn, signOut, useBrowser } from './support/browser';

/** Tomorrow in Korea at 10:00, as a `datetime-local` value (Seoul wall-clock time). */
function tomorrowAtTenInSeoul(): string {
  const seoul = new Date(Date.now() + 9 * 3_600_000 + 86_400_000);
  return `${seoul.toISOString().slice(0, 10)}T10:00`;
}

describe('dashboards, work list and appointments', () => {
  const { newPage } = useBrowser();

  it("demo-case-worker sees today's work and the work list", async () => {
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    await page.getByTestId('dashboard-my-work').waitFor();
    await expectNoSeriousA11yViolations(page, 'the case worker home with today’s work');

    await page.getByTestId('nav-tasks').click();
    await page.waitForURL('**/tasks');
    await page.getByTestId('task-table').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('업무 목록');
    await page.getByTestId('task-filter').selectOption('soon');
    await settle(page);
    await expectNoSeriousA11yViolations(page, 'the work list');
    await signOut(page);
  });

  it('demo-case-worker books an appointment on a person’s schedule tab, then records it as held', async () => {
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    // A person of the center from the list, then their schedule tab.
    await page.getByTestId('nav-persons').click();
    await page.getByTestId('person-table').waitFor();
    await page.locator('[data-testid^="person-row-"] a').first().click();
    await page.getByTestId('person-tab-schedule').click();
    await page.getByTestId('appointment-table').waitFor();
    await page.getByTestId('appointment-add').click();
    await page.getByTestId('appointment-starts-at').fill(tomorrowAtTenInSeoul());
    await page.getByTestId('appointment-kind').selectOption('home_visit');
    await page.getByTestId('appointment-location').fill('센터 2층 상담실 (e2e)');
    const booked = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/appointments' && r.request().method() === 'POST',
    );
    await page.getByTestId('appointment-save').click();
    expect((await booked).status()).toBe(201);
    const row = page.locator('[data-testid^="appointment-row-"]', { hasText: '센터 2층 상담실 (e2e)' });
    await row.waitFor();
    const id = ((await row.getAttribute('data-testid')) ?? '').replace('appointment-row-', '');
    await expectNoSeriousA11yViolations(page, 'the person schedule tab');

    const recorded = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/appointments/${id}` && r.request().method() === 'PATCH',
    );
    await page.getByTestId(`appointment-done-${id}`).click();
    expect((await recorded).status()).toBe(204);
    await page.getByTestId(`appointment-done-${id}`).waitFor({ state: 'detached' });
    expect(await row.textContent()).toContain('완료');
    await signOut(page);
  });

  it('demo-center-manager sees the caseload by status and worker as charts with tables', async () => {
    const page = await newPage();
    await signIn(page, 'demo-center-manager');
    await page.getByTestId('dashboard-center').waitFor();
    await expectNoSeriousA11yViolations(page, 'the center manager home');
    await signOut(page);
  });

  it("demo-residence-officer sees the municipality's residents and the half-year reports", async () => {
    const page = await newPage();
    await signIn(page, 'demo-residence-officer');
    await page.getByTestId('dashboard-municipality').waitFor();
    await expectNoSeriousA11yViolations(page, 'the residence officer home');
    await page.getByTestId('stat-reports-overdue').getByRole('link').click();
    await page.waitForURL('**/tasks?view=overdue&kind=half_year_report');
    await page.getByTestId('task-table').waitFor();
    expect(await page.getByTestId('task-kind').inputValue()).toBe('half_year_report');
    await signOut(page);
  });
});
