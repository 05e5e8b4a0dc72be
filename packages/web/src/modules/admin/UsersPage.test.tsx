// @vitest-environment happy-dom
import { ROLES_BY_ORGANIZATION_TYPE } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import {
  fakeServer,
  json,
  MINISTRY,
  makeMe,
  problem,
  SEOUL_CENTER,
  session,
} from '../../testing/fake-server';
import { renderApp } from '../../testing/render';

function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

function usersServer() {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['admin']), 'csrf-admin'),
    'GET /api/admin/organizations': () => json({ items: [SEOUL_CENTER, MINISTRY], total: 2 }),
    'GET /api/admin/users': () => json({ items: [], total: 0 }),
    'POST /api/admin/users': (request) => {
      const body = request.body as { username: string; displayName: string; roles: string[] };
      if (body.username === 'taken') {
        return problem(422, 'validation.failed', '입력값을 확인해 주십시오.', {
          errors: [{ path: 'username', message: '이미 사용 중인 아이디입니다.' }],
        });
      }
      return json(
        {
          id: '0190a6b2-0000-7000-8000-0000000000bb',
          username: body.username,
          displayName: body.displayName,
          organization: SEOUL_CENTER,
          roles: body.roles,
          active: true,
          totpEnabled: false,
          lockedUntil: null,
          lastLoginAt: null,
          createdAt: '2025-05-01T00:00:00Z',
          version: 1,
        },
        201,
      );
    },
  });
}

async function openCreateForm() {
  fireEvent.click(await screen.findByTestId('user-create'));
  const dialog = await screen.findByRole('dialog');
  // The organization picker is enabled once every organization has loaded.
  await waitFor(() =>
    expect((within(dialog).getByTestId('user-organization') as HTMLInputElement).disabled).toBe(false),
  );
  return dialog;
}

async function chooseOrganization(dialog: HTMLElement, search: string, optionLabel: string) {
  const select = within(dialog).getByTestId('user-organization');
  fireEvent.click(select);
  type(select, search);
  const listbox = await waitFor(() => {
    const id = select.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error('the organization list did not open');
    return element;
  });
  // The dropdown is still in its opening transition here, so it is not "accessible" yet: find by text.
  const option = (await within(listbox).findByText(optionLabel)).closest('[role="option"]');
  if (!option) throw new Error(`no option ${optionLabel}`);
  fireEvent.click(option);
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

describe('user form', () => {
  it('offers only the roles allowed for the chosen type of organization', async () => {
    vi.stubGlobal('fetch', vi.fn(usersServer().fetch));
    renderApp('/admin/users');
    const dialog = await openCreateForm();
    expect(within(dialog).queryAllByRole('checkbox')).toHaveLength(0);

    await chooseOrganization(dialog, '서울', '서울남부하나센터 (하나센터)');

    const offered = within(dialog)
      .getAllByRole('checkbox')
      .map((box) => (box as HTMLInputElement).value);
    expect(offered).toEqual([...ROLES_BY_ORGANIZATION_TYPE.hana_center]);
    expect(offered).not.toContain('admin');
  });

  it('validates in place with the shared schema, keeps the input, then creates the user with the CSRF token', async () => {
    const server = usersServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/admin/users');
    const dialog = await openCreateForm();

    type(within(dialog).getByTestId('user-username'), 'lee.cw');
    type(within(dialog).getByTestId('user-displayName'), '이상담');
    await chooseOrganization(dialog, '서울', '서울남부하나센터 (하나센터)');
    fireEvent.click(within(dialog).getByTestId('user-role-case_worker'));
    type(within(dialog).getByTestId('user-password'), 'short');
    fireEvent.click(within(dialog).getByTestId('user-submit'));

    expect(await within(dialog).findByText('비밀번호는 12자 이상이어야 합니다.')).toBeTruthy();
    expect((within(dialog).getByTestId('user-username') as HTMLInputElement).value).toBe('lee.cw');
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    type(within(dialog).getByTestId('user-password'), 'a long enough passphrase');
    fireEvent.click(within(dialog).getByTestId('user-submit'));

    expect(await screen.findByText('사용자 lee.cw을(를) 등록했습니다.')).toBeTruthy();
    const create = server.requests.find((r) => r.method === 'POST' && r.path === '/api/admin/users');
    expect(create?.headers['x-csrf-token']).toBe('csrf-admin');
    expect(create?.body).toEqual({
      username: 'lee.cw',
      displayName: '이상담',
      organizationId: SEOUL_CENTER.id,
      roles: ['case_worker'],
      password: 'a long enough passphrase',
    });
  });

  it("shows the server's field errors beside the field", async () => {
    vi.stubGlobal('fetch', vi.fn(usersServer().fetch));
    renderApp('/admin/users');
    const dialog = await openCreateForm();

    type(within(dialog).getByTestId('user-username'), 'taken');
    type(within(dialog).getByTestId('user-displayName'), '이상담');
    await chooseOrganization(dialog, '서울', '서울남부하나센터 (하나센터)');
    fireEvent.click(within(dialog).getByTestId('user-role-case_worker'));
    type(within(dialog).getByTestId('user-password'), 'a long enough passphrase');
    fireEvent.click(within(dialog).getByTestId('user-submit'));

    expect(await within(dialog).findByText('이미 사용 중인 아이디입니다.')).toBeTruthy();
    expect(within(dialog).getByText('입력값을 확인해 주십시오.')).toBeTruthy();
    const username = within(dialog).getByTestId('user-username');
    expect(username.getAttribute('aria-invalid')).toBe('true');
  });
});
