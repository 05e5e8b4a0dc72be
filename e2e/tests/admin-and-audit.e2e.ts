import { describe, expect, it } from 'vitest';
import { ko } from '../../packages/web/src/i18n';
import { signIn, signOut, useBrowser } from './support/browser';

// The user created in the first test is looked up in the access log by the second one.
const username = `e2e-${Date.now().toString(36)}`;
const displayName = '이음 시험 사용자';
let createdId: string | null = null;

describe('administration and the access log', () => {
  const { newPage } = useBrowser();

  it('demo-admin creates a case worker and sees it in the user list', async () => {
    const page = await newPage();
    await signIn(page, 'demo-admin');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-table').waitFor();
    await page.getByTestId('user-create').click();

    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-displayName').fill(displayName);

    const organization = page.getByTestId('user-organization');
    await expect.poll(() => organization.isEnabled()).toBe(true);
    await organization.click();
    await organization.fill('서울남부');
    await page.getByRole('option', { name: /서울남부하나센터/ }).click();
    expect(await organization.inputValue()).toContain('서울남부하나센터');

    await page.getByTestId('user-role-case_worker').check();
    await page.getByTestId('user-password').fill('e2e-user-password-0123');

    const created = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/admin/users' && r.request().method() === 'POST',
    );
    await page.getByTestId('user-submit').click();
    const response = await created;
    expect(response.status(), await response.text()).toBe(201);
    createdId = ((await response.json()) as { id: string }).id;
    await dialog.waitFor({ state: 'hidden' });

    // Find it in the list (the list is paged: search for it rather than hope it is on page 1).
    await page.getByTestId('user-filter-q').fill(username);
    await page.getByTestId('user-filter-q').press('Enter');
    const row = page.getByTestId(`user-row-${username}`);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(displayName);
    expect(text).toContain('서울남부하나센터');
    expect(text).toContain(ko.roles.case_worker);

    await signOut(page);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('demo-privacy-auditor finds the create entry for that user by demo-admin in the access log', async () => {
    expect(createdId, 'the previous test did not create the user').not.toBeNull();
    const page = await newPage();
    await signIn(page, 'demo-privacy-auditor');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();

    await page.getByTestId('audit-filter-actor').fill('demo-admin');
    await page.getByTestId('audit-filter-action').click();
    await page.getByRole('option', { name: ko.auditActions.create, exact: true }).click();
    const filtered = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return (
        url.pathname === '/api/audit/entries' &&
        url.searchParams.get('actor') === 'demo-admin' &&
        url.searchParams.get('action') === 'create'
      );
    });
    await page.getByTestId('audit-search').click();
    expect((await filtered).status()).toBe(200);

    const table = page.getByTestId('audit-table');
    const entry = table.locator('tbody tr').filter({ hasText: createdId as string });
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('demo-admin');
    expect(text).toContain(ko.auditActions.create);
    expect(text).toContain('user');

    // The filter is applied: every row is a create by demo-admin.
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const each of rows) {
      expect(each).toContain('demo-admin');
      expect(each).toContain(ko.auditActions.create);
    }
    await signOut(page);
  });
});
