// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, problem, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID, UNMASKED_PERSON } from '../../testing/persons';
import { renderApp } from '../../testing/render';

/** Pages load their code on first use: on a busy machine, allow time. */
const SLOW = { timeout: 5_000 };

function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

function personServer() {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-person'),
    [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
    [`POST /api/persons/${PERSON_ID}/unmask`]: () => json(UNMASKED_PERSON),
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

describe('person record', () => {
  it('leads with the pseudonymous ID and shows the identity masked, with the protection facts', async () => {
    vi.stubGlobal('fetch', vi.fn(personServer().fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const card = await screen.findByTestId('identity-card', {}, SLOW);
    expect(document.querySelector('h1')?.textContent).toBe('P-7K3M-Q9XA');
    expect(document.title).toBe('P-7K3M-Q9XA | 이음');
    expect(screen.getByTestId('person-header-name').textContent).toBe('김*희');
    expect(within(card).getByTestId('identity-name').textContent).toBe('김*희');
    expect(within(card).getByTestId('identity-state').textContent).toBe('가림');
    expect(card.textContent).toContain('850305-2******');
    expect(card.textContent).not.toContain('김영희');
    expect(screen.getByText('함경북도')).toBeTruthy();
    expect(screen.getByText('2024. 02. 01.')).toBeTruthy();
  });

  it('unmasks for a stated reason after checking it in place, and shows the full identity', async () => {
    const server = personServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    fireEvent.click(await screen.findByTestId('unmask-button', {}, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/접속기록에 남으며/)).toBeTruthy();
    expect(within(dialog).getByText(/이 로그인 세션 동안만/)).toBeTruthy();

    fireEvent.click(within(dialog).getByTestId('unmask-submit'));
    expect(await within(dialog).findByText('필수 입력 항목입니다.')).toBeTruthy();
    type(within(dialog).getByTestId('unmask-reason'), '본인');
    fireEvent.click(within(dialog).getByTestId('unmask-submit'));
    expect(await within(dialog).findByText('5자 이상 입력해 주십시오.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    type(within(dialog).getByTestId('unmask-reason'), '초기상담 중 본인 확인');
    fireEvent.click(within(dialog).getByTestId('unmask-submit'));

    await waitFor(() => expect(screen.getByTestId('identity-name').textContent).toBe('김영희'), SLOW);
    const unmask = server.requests.find((r) => r.method === 'POST');
    expect(unmask?.path).toBe(`/api/persons/${PERSON_ID}/unmask`);
    expect(unmask?.body).toEqual({ reason: '초기상담 중 본인 확인' });
    expect(unmask?.headers['x-csrf-token']).toBe('csrf-person');
    const card = screen.getByTestId('identity-card');
    expect(within(card).getByTestId('identity-state').textContent).toBe('열람 중');
    expect(card.textContent).toContain('850305-2123456');
    expect(card.textContent).toContain('010-1234-5678');
    expect(screen.queryByTestId('unmask-button')).toBeNull();
    // The header keeps the masked name: only the identity card is opened.
    expect(screen.getByTestId('person-header-name').textContent).toBe('김*희');
  });

  it('says "not found" alike for a missing record and one outside the worker\'s scope', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fakeServer({
          'GET /api/auth/session': session(makeMe(['case_worker'])),
          [`GET /api/persons/${PERSON_ID}`]: () =>
            problem(404, 'resource.not_found', '요청한 항목을 찾을 수 없습니다.'),
        }).fetch,
      ),
    );
    renderApp(`/persons/${PERSON_ID}`);
    expect(await screen.findByText('대상자를 찾을 수 없습니다', {}, SLOW)).toBeTruthy();
  });

  it('does not ask the server about an address that cannot be a person', async () => {
    const server = personServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/not-a-person');
    expect(await screen.findByTestId('person-not-found', {}, SLOW)).toBeTruthy();
    expect(server.requests.some((r) => r.path.startsWith('/api/persons'))).toBe(false);
  });
});
