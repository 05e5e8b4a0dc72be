// @vitest-environment happy-dom
import type { ProtectionReport } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';

const SLOW = { timeout: 10_000 };

const REPORT: ReturnType<typeof ProtectionReport.parse> = {
  from: '2026-01-01',
  to: '2026-03-31',
  scope: 'national',
  alertsByLevel: { crisis: 12, high: 40, watch: null },
  alertsByRegion: [
    { region: 'seoul', crisis: 7, high: 22, watch: null },
    { region: 'gyeonggi', crisis: 5, high: 18, watch: 9 },
  ],
  firstContact: { reached: 31, medianHours: 17.5, withinDeadlineShare: 0.8125 },
  outcomes: {
    supported: 14,
    no_crisis_found: 9,
    case_management: null,
    declined_support: null,
    unreachable_police_notified: null,
    moved_away: null,
    deceased: null,
  },
  servicesByProvider: { local_government: 20, foundation: 11, private: 6, hana_center: null, other: null },
  openOverdue: null,
};

function reportServer() {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['plan_manager'])),
    'GET /api/protection/reports': () => json(REPORT),
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

describe('protection statistics', () => {
  it('shows every figure with "<5" for withheld cells and tables beside hidden charts', async () => {
    vi.stubGlobal('fetch', vi.fn(reportServer().fetch));
    renderApp('/protection/reports');
    await screen.findByTestId('protection-report', {}, SLOW);
    expect(screen.getByTestId('report-scope').textContent).toBe('전국 기준');
    expect(screen.getByTestId('report-by-level-crisis').textContent).toBe('12');
    expect(screen.getByTestId('report-by-level-watch').textContent).toBe('<5');
    expect(screen.getByTestId('report-medianHours').textContent).toBe('17.5시간');
    expect(screen.getByTestId('report-withinDeadline').textContent).toBe('81.3%');
    expect(screen.getByTestId('report-openOverdue').textContent).toBe('<5');
    expect(screen.getByTestId('report-by-region-table').textContent).toContain('서울');
    expect(screen.getByTestId('report-outcomes-supported').textContent).toBe('14');
    expect(screen.getByTestId('report-services-foundation').textContent).toBe('11');
    for (const id of ['report-by-level', 'report-by-region', 'report-outcomes', 'report-services']) {
      const section = document.getElementById(id)?.closest('section') as HTMLElement;
      expect(section.querySelector('[aria-hidden="true"]')).not.toBeNull();
      expect(section.querySelector('table')).not.toBeNull();
    }
  });

  it('asks for the chosen period, refusing an end before the start', async () => {
    const server = reportServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/protection/reports');
    await screen.findByTestId('protection-report', {}, SLOW);
    fireEvent.change(screen.getByTestId('report-from'), { target: { value: '2026-02-01' } });
    fireEvent.change(screen.getByTestId('report-to'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByTestId('report-show'));
    expect(await screen.findByText('시작일이 종료일보다 늦을 수 없습니다.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('report-to'), { target: { value: '2026-02-28' } });
    fireEvent.click(screen.getByTestId('report-show'));
    await waitFor(() => {
      const last = server.requests.filter((r) => r.path === '/api/protection/reports').at(-1);
      expect(Object.fromEntries(last?.query ?? [])).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    }, SLOW);
  });
});
