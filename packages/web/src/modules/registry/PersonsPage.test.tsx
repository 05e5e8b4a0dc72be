// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, type RecordedRequest, session } from '../../testing/fake-server';
import { PERSON_SUMMARY } from '../../testing/persons';
import { renderApp } from '../../testing/render';

/** Pages load their code on first use: on a busy machine, allow time. */
const SLOW = { timeout: 5_000 };

function listServer(roles: Parameters<typeof makeMe>[0] = ['case_worker']) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles)),
    'GET /api/persons': (request: RecordedRequest) =>
      request.query.get('q') === '없는사람'
        ? json({ items: [], total: 0 })
        : json({ items: [PERSON_SUMMARY], total: 41 }),
  });
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

describe('person list', () => {
  it('lists persons with masked names and the columns a worker recognizes them by', async () => {
    vi.stubGlobal('fetch', vi.fn(listServer().fetch));
    renderApp('/persons');
    const row = await screen.findByTestId('person-row-P-7K3M-Q9XA', {}, SLOW);
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['P-7K3M-Q9XA', '김*희', '여성', '1985', '서울남부하나센터', '2024. 03. 05.']);
    expect(within(row).getByRole('link', { name: 'P-7K3M-Q9XA' }).getAttribute('href')).toBe(
      `/persons/${PERSON_SUMMARY.id}`,
    );
    expect(screen.getByText('총 41건 중 1–20건')).toBeTruthy();
  });

  it('searches on Enter, sends the text to the API only, pages on the server and says when nothing matched', async () => {
    const server = listServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons');
    await screen.findByTestId('person-row-P-7K3M-Q9XA', {}, SLOW);

    fireEvent.click(screen.getByRole('button', { name: '2쪽' }));
    await waitFor(() => expect(server.requests.at(-1)?.query.get('page')).toBe('2'));

    const search = screen.getByTestId('person-search');
    expect(search.getAttribute('autocomplete')).toBe('off');
    fireEvent.change(search, { target: { value: '없는사람' } });
    fireEvent.submit(search.closest('form') as HTMLFormElement);

    expect(await screen.findByText('검색 결과가 없습니다. 검색어를 확인해 주십시오.')).toBeTruthy();
    const last = server.requests.at(-1);
    expect(last?.path).toBe('/api/persons');
    expect(Object.fromEntries(last?.query ?? [])).toEqual({ q: '없는사람', page: '1', pageSize: '20' });
  });

  it('offers registration only to those who may register', async () => {
    vi.stubGlobal('fetch', vi.fn(listServer(['residence_officer']).fetch));
    renderApp('/persons');
    await screen.findByTestId('person-table', {}, SLOW);
    expect(screen.queryByTestId('person-create')).toBeNull();
    expect(screen.getByTestId('nav-persons')).toBeTruthy();
  });

  it('is not in the menu, and refused, for a role without persons.read', async () => {
    const server = listServer(['admin']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons');
    expect(await screen.findByText('접근 권한이 없습니다', {}, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('nav-persons')).toBeNull();
    expect(server.requests.some((r) => r.path === '/api/persons')).toBe(false);
  });
});
