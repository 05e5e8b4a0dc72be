// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from './platform/api';
import { i18n, LOCALE_STORAGE_KEY } from './platform/i18n';
import { fakeServer, json, makeMe, noContent, problem, session } from './testing/fake-server';
import { renderApp } from './testing/render';

function install(server: ReturnType<typeof fakeServer>) {
  vi.stubGlobal('fetch', vi.fn(server.fetch));
  return server;
}

function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('login', () => {
  it('asks for the 6-digit code when the server requires it, then resubmits with it', async () => {
    const me = makeMe(['case_worker']);
    const server = install(
      fakeServer({
        'GET /api/auth/session': () => problem(401, 'auth.unauthenticated', '로그인이 필요합니다.'),
        'POST /api/auth/login': (request) =>
          (request.body as { totp?: string }).totp === '123456'
            ? json({ csrfToken: 'csrf-1', me })
            : problem(401, 'auth.totp_required', '인증 코드를 입력해 주십시오.'),
      }),
    );
    renderApp('/');

    type(await screen.findByTestId('login-username'), 'kim.cw');
    type(screen.getByTestId('login-password'), 'correct horse battery');
    fireEvent.click(screen.getByTestId('login-submit'));

    const totp = await screen.findByTestId('login-totp');
    type(totp, '123456');
    fireEvent.click(screen.getByTestId('login-submit'));

    expect(await screen.findByText('김하나 님, 안녕하십니까.')).toBeTruthy();
    const logins = server.requests.filter((r) => r.path === '/api/auth/login');
    expect(logins.map((r) => r.body)).toEqual([
      { username: 'kim.cw', password: 'correct horse battery' },
      { username: 'kim.cw', password: 'correct horse battery', totp: '123456' },
    ]);
    expect(document.documentElement.lang).toBe('ko');
  });

  it('shows validation errors in place without sending anything, and keeps what was typed', async () => {
    const server = install(
      fakeServer({ 'GET /api/auth/session': () => problem(401, 'auth.unauthenticated', 'Unauthenticated') }),
    );
    renderApp('/login');
    const username = await screen.findByTestId('login-username');
    type(username, 'kim.cw');
    fireEvent.click(screen.getByTestId('login-submit'));

    expect(await screen.findByText('필수 입력 항목입니다.')).toBeTruthy();
    expect((username as HTMLInputElement).value).toBe('kim.cw');
    expect(server.requests.some((r) => r.path === '/api/auth/login')).toBe(false);
  });

  it("shows the server's title for wrong credentials", async () => {
    install(
      fakeServer({
        'GET /api/auth/session': () => problem(401, 'auth.unauthenticated', 'Unauthenticated'),
        'POST /api/auth/login': () =>
          problem(401, 'auth.invalid_credentials', '아이디 또는 비밀번호가 올바르지 않습니다.'),
      }),
    );
    renderApp('/login');
    type(await screen.findByTestId('login-username'), 'kim.cw');
    type(screen.getByTestId('login-password'), 'wrong');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('아이디 또는 비밀번호가 올바르지 않습니다.')).toBeTruthy();
  });
});

describe('session', () => {
  it('goes to the login page with a notice when a request finds the session expired', async () => {
    install(
      fakeServer({
        'GET /api/auth/session': session(makeMe(['admin'])),
        'GET /api/admin/users': () => problem(401, 'auth.session_expired', '세션이 만료되었습니다.'),
        'GET /api/admin/organizations': () => json({ items: [], total: 0 }),
      }),
    );
    renderApp('/admin/users');
    expect(await screen.findByText('세션이 만료되었습니다. 다시 로그인해 주십시오.')).toBeTruthy();
    expect(screen.getByTestId('login-username')).toBeTruthy();
  });

  it('sends a user who must enrol two-factor to the account page, with only that page in the menu', async () => {
    install(
      fakeServer({
        'GET /api/auth/session': session(makeMe(['case_worker'], { totpEnrollmentRequired: true })),
      }),
    );
    renderApp('/');
    expect(await screen.findByTestId('totp-required')).toBeTruthy();
    expect(screen.getByTestId('nav-account')).toBeTruthy();
    expect(screen.queryByTestId('nav-home')).toBeNull();
  });

  it('warns before the idle timeout and keeps the session when asked', async () => {
    const server = install(
      fakeServer({
        'GET /api/auth/session': session(makeMe(['case_worker'], { sessionIdleTimeoutSeconds: 90 })),
      }),
    );
    renderApp('/');
    // 90 s of idle time is already inside the 2-minute warning window.
    fireEvent.click(await screen.findByRole('button', { name: '로그인 유지' }));
    await waitFor(() =>
      expect(server.requests.filter((r) => r.path === '/api/auth/session')).toHaveLength(2),
    );
  });

  it('logs out with the CSRF token and returns to the login page', async () => {
    const server = install(
      fakeServer({
        'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-logout'),
        'POST /api/auth/logout': noContent,
      }),
    );
    renderApp('/');
    fireEvent.click(await screen.findByTestId('user-menu'));
    fireEvent.click(await screen.findByTestId('logout'));
    expect(await screen.findByText('로그아웃되었습니다.')).toBeTruthy();
    const logout = server.requests.find((r) => r.path === '/api/auth/logout');
    expect(logout?.headers['x-csrf-token']).toBe('csrf-logout');
  });
});

describe('shell', () => {
  it('builds the menu from permissions and says plainly which modules are still coming', async () => {
    install(fakeServer({ 'GET /api/auth/session': session(makeMe(['case_worker'])) }));
    renderApp('/');
    expect(await screen.findByTestId('nav-home')).toBeTruthy();
    expect(screen.getByTestId('nav-account')).toBeTruthy();
    expect(screen.queryByTestId('nav-users')).toBeNull();
    expect(screen.queryByTestId('nav-audit')).toBeNull();
    expect(screen.getByTestId('home-upcoming').textContent).toContain('공동체 프로그램');
    expect(screen.getByTestId('home-upcoming').textContent).not.toContain('사례관리');
  });

  it('lists nothing as coming for a role whose work is all built', async () => {
    install(fakeServer({ 'GET /api/auth/session': session(makeMe(['employment_officer'])) }));
    renderApp('/');
    expect(await screen.findByTestId('nav-jobs')).toBeTruthy();
    expect(screen.queryByTestId('home-upcoming')).toBeNull();
  });

  it('offers the person registry to a case worker and no longer lists it as coming', async () => {
    install(fakeServer({ 'GET /api/auth/session': session(makeMe(['case_worker'])) }));
    renderApp('/');
    expect(await screen.findByTestId('nav-persons')).toBeTruthy();
    const card = screen.getByTestId('home-card-persons');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/persons');
    expect(screen.getByTestId('home-upcoming').textContent).not.toContain('대상자 등록부');
  });

  it('offers the admin pages to an administrator but not the access log', async () => {
    install(fakeServer({ 'GET /api/auth/session': session(makeMe(['admin'])) }));
    renderApp('/');
    expect(await screen.findByTestId('nav-users')).toBeTruthy();
    expect(screen.getByTestId('nav-organizations')).toBeTruthy();
    expect(screen.queryByTestId('nav-audit')).toBeNull();
    expect(screen.queryByTestId('nav-persons')).toBeNull();
    expect(screen.queryByTestId('home-card-persons')).toBeNull();
  });

  it('refuses a page the user has no permission for', async () => {
    install(fakeServer({ 'GET /api/auth/session': session(makeMe(['case_worker'])) }));
    renderApp('/audit');
    expect(await screen.findByText('접근 권한이 없습니다')).toBeTruthy();
  });

  it('shows a not-found page for an unknown address', async () => {
    install(fakeServer({ 'GET /api/auth/session': session(makeMe(['case_worker'])) }));
    renderApp('/no/such/page');
    expect(await screen.findByText('페이지를 찾을 수 없습니다')).toBeTruthy();
  });

  it('switches the language, remembers it, sets <html lang> and saves it for the signed-in user', async () => {
    const server = install(
      fakeServer({
        'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-locale'),
        'PATCH /api/me/locale': noContent,
      }),
    );
    renderApp('/');
    fireEvent.click(await screen.findByTestId('locale-switch'));
    expect(await screen.findByText('Welcome, 김하나.')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    await waitFor(() => expect(server.requests.some((r) => r.path === '/api/me/locale')).toBe(true));
    const patch = server.requests.find((r) => r.path === '/api/me/locale');
    expect(patch?.body).toEqual({ locale: 'en' });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-locale');
  });
});
