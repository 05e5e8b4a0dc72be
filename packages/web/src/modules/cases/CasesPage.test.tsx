// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, session } from '../../testing/fake-server';
import { PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import { CASE_SUMMARY } from './fixtures';

function listServer(roles: Parameters<typeof makeMe>[0] = ['center_manager']) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles)),
    'GET /api/cases': () => json({ items: [{ ...CASE_SUMMARY, status: 'active' }], total: 41 }),
  });
}

const listQueries = (server: ReturnType<typeof fakeServer>) =>
  server.requests.filter((r) => r.path === '/api/cases').map((r) => r.query.toString());

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('case list', () => {
  it('lists cases with masked names, linking to the person by id only', async () => {
    vi.stubGlobal('fetch', vi.fn(listServer().fetch));
    renderApp('/cases');
    const row = await screen.findByTestId(`case-row-${CASE_SUMMARY.person.code}`);
    expect(document.querySelector('h1')?.textContent).toBe('사례 목록');
    expect(within(row).getByRole('link').getAttribute('href')).toBe(`/persons/${PERSON_ID}`);
    expect(row.textContent).toContain('김*희');
    expect(within(row).getByTestId('case-status').textContent).toBe('개입');
    expect(screen.getByText('총 41건 중 1–20건')).toBeTruthy();
  });

  it('filters on the server by stage and by "only mine", starting again at the first page', async () => {
    const server = listServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/cases');
    await screen.findByTestId(`case-row-${CASE_SUMMARY.person.code}`);
    expect(listQueries(server)[0]).toBe('page=1&pageSize=20');

    fireEvent.change(screen.getByTestId('case-filter-status'), { target: { value: 'review' } });
    await waitFor(() => expect(listQueries(server)).toContain('status=review&page=1&pageSize=20'));
    fireEvent.click(screen.getByTestId('case-filter-mine'));
    await waitFor(() => expect(listQueries(server)).toContain('status=review&mine=true&page=1&pageSize=20'));
  });

  it('is in the menu for those who may read cases, and not for an administrator', async () => {
    vi.stubGlobal('fetch', vi.fn(listServer(['case_worker']).fetch));
    renderApp('/');
    expect((await screen.findByTestId('nav-cases')).textContent).toBe('사례 목록');
    cleanup();
    vi.stubGlobal('fetch', vi.fn(listServer(['admin']).fetch));
    renderApp('/');
    await screen.findByTestId('nav-users');
    expect(screen.queryByTestId('nav-cases')).toBeNull();
  });
});
