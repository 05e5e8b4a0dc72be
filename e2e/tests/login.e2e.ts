import { describe, expect, it } from 'vitest';
import { demoPassword, htmlLang, useBrowser } from './support/browser';

describe('login page', () => {
  const { newPage } = useBrowser();

  it('is Korean by default and switches to English', async () => {
    const page = await newPage();
    await page.goto('/');
    // Not signed in: the app sends the visitor to the login page.
    await page.getByTestId('login-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await htmlLang(page)).toBe('ko');
    await page.getByRole('heading', { name: '로그인', level: 1 }).waitFor();
    await page.getByLabel('아이디').first().waitFor();
    expect(await page.getByTestId('login-submit').textContent()).toContain('로그인');
    expect(await page.title()).toContain('로그인');

    await page.getByTestId('locale-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await htmlLang(page)).toBe('en');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByLabel('Username').first().waitFor();
    expect(await page.getByTestId('login-submit').textContent()).toContain('Sign in');
    expect(await page.locator('body').textContent()).not.toContain('비밀번호');

    // And back: the switch works both ways.
    await page.getByTestId('locale-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await page.getByRole('heading', { name: '로그인', level: 1 }).waitFor();
  });

  it('shows the Korean error message for a wrong password', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('demo-admin');
    await page.getByTestId('login-password').fill('not-the-password-123');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByTestId('login-submit').click();
    expect((await answer).status()).toBe(401);
    await page.getByText('아이디 또는 비밀번호가 올바르지 않습니다.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await htmlLang(page)).toBe('ko');
  });

  it('can be completed with the keyboard only (Tab and Enter)', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

    // From the top of the page, Tab reaches the username field within a few presses.
    let presses = 0;
    while ((await focused()) !== 'login-username') {
      expect(presses, 'Tab never reached the username field').toBeLessThan(10);
      await page.keyboard.press('Tab');
      presses++;
    }
    await page.keyboard.type('demo-admin');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('login-password');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');

    await page.getByTestId('nav-home').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
