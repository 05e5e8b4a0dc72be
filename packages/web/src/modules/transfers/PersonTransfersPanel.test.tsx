// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, problem, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import { BUSAN_CENTER, CASE_ID, DECLINED_TRANSFER, OWN_CENTER } from './testing';

const SLOW = { timeout: 10_000 };
const OPEN_CASE = {
  id: CASE_ID,
  person: { id: PERSON_ID, code: MASKED_PERSON.code, maskedName: MASKED_PERSON.maskedName },
  status: 'active',
  assignedWorker: null,
  openedOn: '2026-01-05',
  closedOn: null,
  version: 3,
};

function server(options: { roles?: ('case_worker' | 'residence_officer')[]; history?: unknown[] } = {}) {
  let history = options.history ?? [DECLINED_TRANSFER];
  return fakeServer({
    'GET /api/auth/session': session(makeMe(options.roles ?? ['case_worker']), 'csrf-transfer'),
    [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
    [`GET /api/persons/${PERSON_ID}/transfers`]: () => json({ items: history }),
    'GET /api/cases': () => json({ items: [OPEN_CASE], total: 1 }),
    'GET /api/reference/organizations': () => json({ items: [BUSAN_CENTER, OWN_CENTER] }),
    [`POST /api/cases/${CASE_ID}/transfer`]: (request) => {
      const body = request.body as { toCenterId: string; reason: string };
      history = [
        {
          ...DECLINED_TRANSFER,
          id: '0190a6b2-0000-7000-8000-0000000000e9',
          status: 'requested',
          reason: body.reason,
          decisionReason: null,
          decidedBy: null,
          decidedAt: null,
          cancellable: true,
        },
        ...history,
      ];
      return json({ id: '0190a6b2-0000-7000-8000-0000000000e9' }, 201);
    },
    'POST /api/transfers/0190a6b2-0000-7000-8000-0000000000e9/cancel': () => {
      history = history.map((t) => ({ ...(t as object), status: 'cancelled', cancellable: false }));
      return noContent();
    },
  });
}

function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

async function openTab() {
  fireEvent.click(await screen.findByTestId('person-tab-transfers', {}, SLOW));
}

async function chooseCenter(label: string) {
  const select = await screen.findByTestId('transfer-to-center');
  // The centers load when the form opens; the field is disabled until they are in.
  await waitFor(() => expect((select as HTMLInputElement).disabled).toBe(false), SLOW);
  fireEvent.click(select);
  const listbox = await waitFor(() => {
    const id = select.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error('the center list did not open');
    return element;
  });
  expect(within(listbox).queryByText(OWN_CENTER.name)).toBeNull();
  const option = (await within(listbox).findByText(label)).closest('[role="option"]');
  fireEvent.click(option as HTMLElement);
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

describe("the person's transfer tab", () => {
  it('shows the history with who asked, why, and how it was decided', async () => {
    vi.stubGlobal('fetch', vi.fn(server().fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openTab();
    const [row] = await screen.findAllByTestId('person-transfer-row', {}, SLOW);
    expect(row?.textContent).toContain('서울남부하나센터 → 부산하나센터');
    expect(row?.textContent).toContain('김하나');
    expect(row?.textContent).toContain('부산 전입 예정');
    expect(row?.textContent).toContain('거절됨');
    expect(row?.textContent).toContain('전입 일정이 확정되지 않음');
    expect(within(row as HTMLElement).queryByTestId('transfer-withdraw')).toBeNull();
  });

  it('refuses an empty request in place, then sends the chosen center and reason, then withdraws it', async () => {
    const fake = server();
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openTab();
    fireEvent.click(await screen.findByTestId('transfer-request-open', {}, SLOW));
    fireEvent.click(await screen.findByTestId('transfer-request-submit'));
    expect(await screen.findByText('항목을 선택해 주십시오.')).toBeTruthy();
    expect(screen.getByText('필수 입력 항목입니다.')).toBeTruthy();
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);

    await chooseCenter('부산하나센터');
    type(screen.getByTestId('transfer-reason'), '부산 해운대구로 전입');
    fireEvent.click(screen.getByTestId('transfer-request-submit'));

    expect(await screen.findByTestId('transfer-pending', {}, SLOW)).toBeTruthy();
    const sent = fake.requests.find((r) => r.method === 'POST');
    expect(sent?.path).toBe(`/api/cases/${CASE_ID}/transfer`);
    expect(sent?.body).toEqual({ toCenterId: BUSAN_CENTER.id, reason: '부산 해운대구로 전입' });
    expect(sent?.headers['x-csrf-token']).toBe('csrf-transfer');

    fireEvent.click(await screen.findByTestId('transfer-withdraw'));
    fireEvent.click(await screen.findByTestId('transfer-withdraw-confirm'));
    await waitFor(() => expect(screen.queryByTestId('transfer-pending')).toBeNull(), SLOW);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/api/cases/${CASE_ID}/transfer`,
      '/api/transfers/0190a6b2-0000-7000-8000-0000000000e9/cancel',
    ]);
  });

  it("shows the server's field error beside the field and keeps what was typed", async () => {
    const fake = server();
    fake.routes[`POST /api/cases/${CASE_ID}/transfer`] = () =>
      problem(422, 'request.invalid', '입력값을 확인해 주십시오.', {
        errors: [{ path: 'toCenterId', message: '옮겨 갈 다른 하나센터를 선택해 주십시오.' }],
      });
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openTab();
    fireEvent.click(await screen.findByTestId('transfer-request-open', {}, SLOW));
    await chooseCenter('부산하나센터');
    type(screen.getByTestId('transfer-reason'), '부산 전입');
    fireEvent.click(screen.getByTestId('transfer-request-submit'));
    expect(await screen.findByText('옮겨 갈 다른 하나센터를 선택해 주십시오.')).toBeTruthy();
    expect((screen.getByTestId('transfer-reason') as HTMLTextAreaElement).value).toBe('부산 전입');
  });

  it('offers no tab to a role without case access', async () => {
    vi.stubGlobal('fetch', vi.fn(server({ roles: ['residence_officer'] }).fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await screen.findByTestId('identity-card', {}, SLOW);
    expect(screen.queryByTestId('person-tab-transfers')).toBeNull();
    expect(screen.getByTestId('person-tab-timeline')).toBeTruthy();
  });
});
