// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import { BUSAN_CENTER, INCOMING_TRANSFER, OWN_CENTER } from './testing';

const SLOW = { timeout: 10_000 };
const WORKER = { id: '0190a6b2-0000-7000-8000-0000000000a7', displayName: '이사례' };

function server(roles: ('case_worker' | 'center_manager')[], locale: 'ko' | 'en' = 'ko') {
  let incoming = [INCOMING_TRANSFER];
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles, { locale }), 'csrf-transfers'),
    'GET /api/transfers': (request) =>
      json({ items: request.query.get('box') === 'incoming' ? incoming : [] }),
    'GET /api/cases/workers': () => json({ items: [WORKER] }),
    'GET /api/reference/organizations': () => json({ items: [BUSAN_CENTER, OWN_CENTER] }),
    [`POST /api/transfers/${INCOMING_TRANSFER.id}/accept`]: () => {
      incoming = incoming.map((t) => ({
        ...t,
        status: 'accepted' as const,
        decidedAt: '2026-03-04T00:00:00Z',
      }));
      return json({ caseId: '0190a6b2-0000-7000-8000-0000000000d9' });
    },
    [`POST /api/transfers/${INCOMING_TRANSFER.id}/decline`]: () => noContent(),
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

describe('the transfers page', () => {
  it('lets the manager accept an incoming request, naming the case worker who takes it', async () => {
    const fake = server(['center_manager']);
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    renderApp('/transfers');
    const row = await screen.findByTestId('transfer-row-incoming', {}, SLOW);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.querySelector('h1')?.textContent).toBe('사례 이관');
    expect(row.textContent).toContain('P-7K3M-Q9XA');
    expect(row.textContent).toContain('김*희 (1985년생)');
    expect(row.textContent).toContain('부산하나센터');
    expect(row.textContent).toContain('요청됨');

    fireEvent.click(within(row).getByTestId('transfer-accept'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('transfer-accept-submit'));
    expect(await within(dialog).findByText('항목을 선택해 주십시오.')).toBeTruthy();
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);

    const select = within(dialog).getByTestId('transfer-assigned-worker');
    await waitFor(() => expect((select as HTMLInputElement).disabled).toBe(false), SLOW);
    fireEvent.click(select);
    const listbox = await waitFor(() => {
      const id = select.getAttribute('aria-controls');
      const element = id ? document.getElementById(id) : null;
      if (!element) throw new Error('the worker list did not open');
      return element;
    });
    fireEvent.click(
      (await within(listbox).findByText(WORKER.displayName)).closest('[role="option"]') as HTMLElement,
    );
    fireEvent.click(within(dialog).getByTestId('transfer-accept-submit'));

    await waitFor(
      () => expect(screen.getByTestId('transfer-row-incoming').textContent).toContain('수락됨'),
      SLOW,
    );
    const accept = fake.requests.find((r) => r.method === 'POST');
    expect(accept?.path).toBe(`/api/transfers/${INCOMING_TRANSFER.id}/accept`);
    expect(accept?.body).toEqual({ assignedWorkerId: WORKER.id });
    expect(accept?.headers['x-csrf-token']).toBe('csrf-transfers');
    expect(within(screen.getByTestId('transfer-row-incoming')).queryByTestId('transfer-accept')).toBeNull();
  });

  it('asks for a reason before declining', async () => {
    const fake = server(['center_manager']);
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    renderApp('/transfers');
    fireEvent.click(await screen.findByTestId('transfer-decline', {}, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('transfer-decline-submit'));
    expect(await within(dialog).findByText('필수 입력 항목입니다.')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('transfer-decline-reason'), {
      target: { value: '관할 지역이 아닙니다' },
    });
    fireEvent.click(within(dialog).getByTestId('transfer-decline-submit'));
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '관할 지역이 아닙니다' });
  });

  it('shows a case worker the requests but leaves the decision to the manager', async () => {
    vi.stubGlobal('fetch', vi.fn(server(['case_worker']).fetch));
    renderApp('/transfers');
    const row = await screen.findByTestId('transfer-row-incoming', {}, SLOW);
    expect(screen.getByTestId('transfer-manager-decides')).toBeTruthy();
    expect(within(row).queryByTestId('transfer-accept')).toBeNull();
    fireEvent.click(screen.getByTestId('transfer-box-outgoing'));
    expect(await screen.findByTestId('transfer-empty-outgoing', {}, SLOW)).toBeTruthy();
  });

  it('reads in English too', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', vi.fn(server(['center_manager'], 'en').fetch));
    renderApp('/transfers');
    const row = await screen.findByTestId('transfer-row-incoming', {}, SLOW);
    expect(document.querySelector('h1')?.textContent).toBe('Case transfers');
    expect(row.textContent).toContain('김*희 (born 1985)');
    // Centers by their English names where recorded.
    await waitFor(() => expect(row.textContent).toContain('Busan Hana Center'), SLOW);
    expect(within(row).getByTestId('transfer-accept').getAttribute('aria-label')).toBe(
      'Accept transfer of P-7K3M-Q9XA',
    );
  });
});
