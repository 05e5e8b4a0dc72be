import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export const baseUrl = inject('baseUrl');
export const demoPassword = inject('demoPassword');

/** Timeouts for one UI step: generous, the CI machine has 2 cores and PGlite answers on one thread. */
export const STEP_TIMEOUT = 20_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * One browser per test file and a new context (cookies, storage) per test. Page errors and failed
 * API calls are printed, so a failing test says what the app complained about.
 */
export function useBrowser(): { newPage(): Promise<Page> } {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage() {
      if (!browser) throw new Error('the browser is not running');
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(STEP_TIMEOUT);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[browser] page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.url().includes('/api/') && response.status() >= 500)
          console.error(`[browser] ${response.request().method()} ${response.url()} -> ${response.status()}`);
      });
      return page;
    },
  };
}

export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-home').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** Waits for the network to go quiet and for Mantine loaders (the app's PageLoader among them) to go away. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.mantine-Loader-root')
    .first()
    .waitFor({ state: 'detached', timeout: STEP_TIMEOUT })
    .catch(() => undefined);
}

/**
 * Runs axe-core on the page and fails on violations of impact serious or critical, listing each rule,
 * its help text and the elements it found, so the report can be acted on.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  await settle(page);
  // Check the resting state: the pointer left over a clicked menu item would put it in its hover colours.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(250); // let colour transitions finish
  // A notification ("저장되었습니다") fading in or out is half transparent, and axe would measure its text
  // against the page as nearly invisible: wait until every notification is fully shown (or gone).
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.mantine-Notification-root')].every((element) => {
          for (let node: Element | null = element; node; node = node.parentElement)
            if (Number(getComputedStyle(node).opacity) < 1) return false;
          return true;
        }),
      null,
      { timeout: STEP_TIMEOUT },
    )
    .catch(() => undefined);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !serious.includes(v));
  if (minor.length > 0)
    console.log(
      `[axe] ${label}: ${minor.length} minor/moderate rule(s) (not failing): ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`,
    );
  const report = serious
    .map((v) =>
      [
        `  [${v.impact}] ${v.id}: ${v.help}`,
        `    ${v.helpUrl}`,
        ...v.nodes
          .slice(0, 10)
          .map(
            (node) =>
              `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
          ),
        ...(v.nodes.length > 10 ? [`    ... and ${v.nodes.length - 10} more`] : []),
      ].join('\n'),
    )
    .join('\n');
  if (serious.length > 0)
    throw new Error(
      `axe-core found ${serious.length} serious/critical accessibility violation(s) on ${label} (${page.url()}):\n${report}`,
    );
}

/** Calls the API as the signed-in user of the page (its cookie, and the session's CSRF token). */
export async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const session = await page.request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}
