// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import { REPORT } from './fixtures';

const SLOW = { timeout: 10_000 };

function reportServer(roles: Parameters<typeof makeMe>[0]) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles)),
    'GET /api/jobs/reports': () => json(REPORT),
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

describe('jobs statistics', () => {
  it('shows the figures with "<5" for withheld counts, and tables beside hidden charts', async () => {
    vi.stubGlobal('fetch', vi.fn(reportServer(['plan_manager']).fetch));
    renderApp('/jobs/reports');
    await screen.findByTestId('jobs-report', {}, SLOW);
    expect(screen.getByTestId('jobs-report-scope').textContent).toBe('전국 기준');
    expect(screen.getByTestId('jobs-report-employed').textContent).toBe('1,012');
    expect(screen.getByTestId('jobs-report-employmentRate').textContent).toBe('55%');
    expect(screen.getByTestId('jobs-report-averageMonthlyWage').textContent).toBe('2,310,000원');
    expect(screen.getByTestId('jobs-report-medianTenureMonths').textContent).toBe('14.5개월');
    expect(screen.getByTestId('jobs-report-endedBeforeSixMonths').textContent).toBe('<5');
    expect(screen.getByTestId('jobs-report-by-region-seoul').textContent).toBe('88');
    expect(screen.getByTestId('jobs-report-by-region-jeju').textContent).toBe('<5');
    expect(screen.getByTestId('jobs-report-by-occupation-1921').textContent).toBe('<5');
    expect(screen.getByTestId('jobs-report-by-occupation-table').textContent).toContain('지게차 운전원');
    for (const id of ['jobs-report-by-region', 'jobs-report-by-occupation']) {
      const section = document.getElementById(id)?.closest('section') as HTMLElement;
      expect(section.querySelector('[aria-hidden="true"]')).not.toBeNull();
      expect(section.querySelector('table')?.getAttribute('aria-label')).toBeTruthy();
    }
  });

  it('gives a plan manager the statistics only: no jobs hub in the menu, no jobs sub-menu', async () => {
    vi.stubGlobal('fetch', vi.fn(reportServer(['plan_manager']).fetch));
    renderApp('/jobs/reports');
    await screen.findByTestId('jobs-report', {}, SLOW);
    expect(screen.getByTestId('nav-jobsReports').getAttribute('aria-current')).toBe('page');
    expect(screen.queryByTestId('nav-jobs')).toBeNull();
    expect(screen.queryByTestId('jobs-nav')).toBeNull();
  });

  it('gives an employment officer the hub and its sub-menu, statistics included', async () => {
    vi.stubGlobal('fetch', vi.fn(reportServer(['employment_officer']).fetch));
    renderApp('/jobs/reports');
    await screen.findByTestId('jobs-report', {}, SLOW);
    expect(screen.getByTestId('nav-jobs')).toBeTruthy();
    expect(screen.getByTestId('jobs-nav-reports').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('jobs-nav-seekers').getAttribute('href')).toBe('/jobs');
  });

  it('refuses the hub to a plan manager who types its address', async () => {
    vi.stubGlobal('fetch', vi.fn(reportServer(['plan_manager']).fetch));
    renderApp('/jobs');
    expect(await screen.findByText('접근 권한이 없습니다', {}, SLOW)).toBeTruthy();
  });

  it('asks for the chosen period, refusing an end before the start', async () => {
    const server = reportServer(['foundation_staff']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/jobs/reports');
    await screen.findByTestId('jobs-report', {}, SLOW);
    fireEvent.change(screen.getByTestId('jobs-report-from'), { target: { value: '2026-02-01' } });
    fireEvent.change(screen.getByTestId('jobs-report-to'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByTestId('jobs-report-show'));
    expect(await screen.findByText('시작일이 종료일보다 늦을 수 없습니다.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('jobs-report-to'), { target: { value: '2026-02-28' } });
    fireEvent.click(screen.getByTestId('jobs-report-show'));
    await waitFor(() => {
      const last = server.requests.filter((r) => r.path === '/api/jobs/reports').at(-1);
      expect(Object.fromEntries(last?.query ?? [])).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    }, SLOW);
  });
});
