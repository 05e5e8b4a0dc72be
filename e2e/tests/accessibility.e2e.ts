import { describe, it } from 'vitest';
import { expectNoSeriousA11yViolations, htmlLang, signIn, signOut, useBrowser } from './support/browser';

// axe-core on every page of the platform, in Korean (the default language): no serious or critical
// violations. Minor and moderate ones are printed but do not fail.
describe('accessibility (axe-core, Korean)', () => {
  const { newPage } = useBrowser();

  it('login page', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').waitFor();
    if ((await htmlLang(page)) !== 'ko') throw new Error('the login page is not in Korean');
    await expectNoSeriousA11yViolations(page, 'the login page');
  });

  it('home, users (with the create dialog), organizations and account pages as demo-admin', async () => {
    const page = await newPage();
    await signIn(page, 'demo-admin');
    await expectNoSeriousA11yViolations(page, 'the home page');

    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-table').locator('tbody tr').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the users page');
    await page.getByTestId('user-create').click();
    await page.getByRole('dialog').waitFor();
    await expectNoSeriousA11yViolations(page, 'the create-user dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByTestId('nav-organizations').click();
    await page.waitForURL('**/admin/organizations');
    await page.locator('main table tbody tr').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the organizations page');

    await page.getByTestId('nav-account').click();
    await page.waitForURL('**/account');
    await page.locator('main h1').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the account page');
    await signOut(page);
  });

  it('access log as demo-privacy-auditor', async () => {
    const page = await newPage();
    await signIn(page, 'demo-privacy-auditor');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the access log page');
    await signOut(page);
  });
});
