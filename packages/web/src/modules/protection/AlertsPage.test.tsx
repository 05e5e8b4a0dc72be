// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, problem, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import type { AlertItemData } from './api';
import { ALERT_ID, ALERT_ITEM, WORKER } from './fixtures';

const SLOW = { timeout: 10_000 };
const COUNTS = { crisis: 1, high: 4, watch: 12, overdue: 2 };
const NOW = new Date('2026-03-02T11:00:00Z');

function queueServer(roles: Parameters<typeof makeMe>[0], options: { stale?: boolean } = {}) {
  let alert: AlertItemData = ALERT_ITEM;
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles), 'csrf-protection'),
    'GET /api/protection/alerts': () =>
      json({ items: [alert], total: 1, page: 1, pageSize: 25, counts: COUNTS }),
    'GET /api/protection/screenings': () =>
      json({
        items: [
          {
            id: '0190a6b2-0000-7000-8000-0000000000e1',
            startedAt: '2026-03-01T17:00:00Z',
            finishedAt: '2026-03-01T17:00:04Z',
            trigger: 'nightly',
            rulesVersion: '2020-12',
            asOf: '2026-03-02',
            persons: 1200,
            scored: 1200,
            alertsOpened: 3,
            alertsRaised: 1,
            durationMs: 4200,
          },
        ],
      }),
    [`POST /api/protection/alerts/${ALERT_ID}/take`]: (request) => {
      if (options.stale) return problem(409, 'conflict.stale', '다른 사용자가 먼저 수정했습니다.');
      expect(request.body).toEqual({ version: 1 });
      alert = { ...alert, assignee: WORKER, status: 'in_progress', version: 2 };
      return noContent();
    },
  });
}

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the crisis alert queue', () => {
  it('shows the counts, the level in words, the reasons as sentences and the time left', async () => {
    const server = queueServer(['case_worker']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/protection');
    const row = await screen.findByTestId(`alert-row-${ALERT_ITEM.person.code}`, {}, SLOW);
    expect(screen.getByTestId('alert-count-crisis').textContent).toBe('1');
    expect(screen.getByTestId('alert-count-overdue').textContent).toBe('2');
    expect(within(row).getByTestId('alert-level').textContent).toBe('위기');
    const reasons = within(row).getByTestId('alert-top-reasons').textContent ?? '';
    expect(reasons).toContain(
      '임대료 체납: 한국토지주택공사(LH)·지방공사에서 2026-03-01에 확인, 최대 8개월 (+30점)',
    );
    expect(reasons).toContain('단수: 지방자치단체 상수도사업본부에서 2026-03-02에 확인 (+25점)');
    // Due 10:00 Korea time on 3 March; it is 20:00 on the 2nd: 14 hours left.
    expect(within(row).getByTestId('alert-remaining').textContent).toBe('14시간 남음');
    expect(within(row).getByRole('link', { name: 'P-7K3M-Q9XA' }).getAttribute('href')).toBe(
      `/persons/${ALERT_ITEM.person.id}`,
    );
    // A case worker neither runs the screening nor imports files.
    expect(screen.queryByTestId('screening-run')).toBeNull();
    expect(screen.queryByTestId('signal-import-link')).toBeNull();
    const query = server.requests.find((r) => r.path === '/api/protection/alerts')?.query;
    expect(query?.get('status')).toBe('active');
    expect(query?.get('assignee')).toBe('any');
  });

  it('marks an overdue alert in words', async () => {
    vi.setSystemTime(new Date('2026-03-03T02:00:00Z'));
    const server = fakeServer({
      'GET /api/auth/session': session(makeMe(['case_worker'])),
      'GET /api/protection/alerts': () =>
        json({ items: [{ ...ALERT_ITEM, overdue: true }], total: 1, page: 1, pageSize: 25, counts: COUNTS }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/protection');
    const row = await screen.findByTestId(`alert-row-${ALERT_ITEM.person.code}`, {}, SLOW);
    expect(within(row).getByTestId('alert-overdue').textContent).toBe('기한 경과');
    expect(row.getAttribute('data-overdue')).toBe('true');
  });

  it('sends the filters to the server', async () => {
    const server = queueServer(['case_worker']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/protection');
    await screen.findByTestId(`alert-row-${ALERT_ITEM.person.code}`, {}, SLOW);
    fireEvent.change(screen.getByTestId('alert-filter-level'), { target: { value: 'crisis' } });
    fireEvent.change(screen.getByTestId('alert-filter-assignee'), { target: { value: 'me' } });
    fireEvent.click(screen.getByTestId('alert-filter-overdue'));
    await waitFor(() => {
      const last = server.requests.filter((r) => r.path === '/api/protection/alerts').at(-1);
      expect(Object.fromEntries(last?.query ?? [])).toEqual({
        status: 'active',
        level: 'crisis',
        assignee: 'me',
        overdue: 'true',
        page: '1',
        pageSize: '25',
      });
    }, SLOW);
  });

  it('takes an alert with the version seen, and then shows the assignee', async () => {
    const server = queueServer(['case_worker']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/protection');
    const row = await screen.findByTestId(`alert-row-${ALERT_ITEM.person.code}`, {}, SLOW);
    fireEvent.click(within(row).getByRole('button', { name: 'P-7K3M-Q9XA 알림을 내가 맡기' }));
    await waitFor(() => expect(within(row).queryByTestId('alert-take')).toBeNull(), SLOW);
    expect(row.textContent).toContain('김하나');
    expect(server.requests.find((r) => r.method === 'POST')?.headers['x-csrf-token']).toBe('csrf-protection');
  });

  it('says plainly that someone else took it first, and offers to reload', async () => {
    vi.stubGlobal('fetch', vi.fn(queueServer(['case_worker'], { stale: true }).fetch));
    renderApp('/protection');
    const row = await screen.findByTestId(`alert-row-${ALERT_ITEM.person.code}`, {}, SLOW);
    fireEvent.click(within(row).getByTestId('alert-take'));
    const stale = await screen.findByTestId('protection-stale', {}, SLOW);
    expect(stale.textContent).toContain('다른 사용자가 먼저 변경했습니다');
    fireEvent.click(within(stale).getByTestId('protection-reload'));
    await waitFor(() => expect(screen.queryByTestId('protection-stale')).toBeNull(), SLOW);
  });

  it('offers the center manager the screening on demand with the last runs', async () => {
    vi.stubGlobal('fetch', vi.fn(queueServer(['center_manager']).fetch));
    renderApp('/protection');
    await screen.findByText('야간 정기', {}, SLOW);
    const runs = screen.getByTestId('screening-runs');
    expect(runs.textContent).toContain('1,200');
    expect(runs.textContent).toContain('4.2초');
    expect(screen.getByTestId('screening-run').textContent).toBe('지금 선별 실행');
    expect(screen.getByTestId('signal-import-link')).toBeTruthy();
  });
});
