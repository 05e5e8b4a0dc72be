import { describe, expect, it } from 'vitest';
import {
  api,
  expectNoSeriousA11yViolations,
  htmlLang,
  settle,
  signIn,
  signOut,
  useBrowser,
} from './support/browser';

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

// The case worker's pages and every tab of a person's record, in English: the second language must be as
// accessible as the first (labels, names and headings all come from the translation).
describe('accessibility (axe-core, English)', () => {
  const { newPage } = useBrowser();

  // Six pages and every tab of a person (eight and counting), an axe pass each: well over the default 90 s
  // on a loaded two-core machine.
  it("a case worker's pages and a person's tabs", async () => {
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    await page.getByTestId('locale-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const person = await api<{ id: string }>(page, 'POST', '/api/persons', {
      name: '제갈은혜',
      birthDate: '1979-11-23',
      sex: 'female',
    });
    await api(page, 'POST', '/api/cases', { personId: person.id });

    for (const [path, label] of [
      ['/', 'home (today)'],
      ['/cases', 'cases'],
      ['/tasks', 'work list'],
      ['/referrals', 'referrals'],
      ['/transfers', 'transfers'],
      ['/persons/import', 'cohort import'],
    ] as const) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await settle(page);
      expect(await htmlLang(page)).toBe('en');
      await expectNoSeriousA11yViolations(page, `${label} (en)`);
    }

    await page.goto(`/persons/${person.id}`);
    await page.getByTestId('person-tab-overview').waitFor();
    const tabs = page.locator('[data-testid^="person-tab-"][role="tab"]');
    const values = await tabs.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-testid') ?? ''),
    );
    expect(values.length).toBeGreaterThanOrEqual(5);
    for (const testId of values) {
      await page.getByTestId(testId).click();
      await settle(page);
      await expectNoSeriousA11yViolations(page, `person ${testId} (en)`);
    }
    // The choice is saved on the account: give the shared demo account its Korean back for the other tests.
    await page.getByTestId('locale-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await settle(page);
    await signOut(page);
  }, 240_000);
});
