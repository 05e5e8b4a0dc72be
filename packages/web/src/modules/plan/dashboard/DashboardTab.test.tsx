// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../platform/api';
import { i18n } from '../../../platform/i18n';
import { fakeServer, json, makeMe, session } from '../../../testing/fake-server';
import { renderApp } from '../../../testing/render';
import { DASHBOARD, KPI_COUNT, KPI_RATE, MOEL, PLAN, PLAN_ID } from './fixtures';
import { chartDomain } from './KpiSection';

const SLOW = { timeout: 10_000 };

function planServer(locale: 'ko' | 'en' = 'ko', dashboard: typeof DASHBOARD = DASHBOARD) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['plan_manager'], { locale })),
    [`GET /api/plans/${PLAN_ID}`]: () => json(PLAN),
    [`GET /api/plans/${PLAN_ID}/dashboard`]: (request) =>
      json({
        ...dashboard,
        filters: {
          organizationId: request.query.get('organizationId'),
          categoryCode: request.query.has('categoryCode') ? Number(request.query.get('categoryCode')) : null,
        },
      }),
    [`GET /api/plans/${PLAN_ID}/kpis/${KPI_RATE}/regions`]: () =>
      json({
        items: [
          { ...DASHBOARD.kpis[0]?.kpi.values[1], region: 'seoul' },
          {
            ...DASHBOARD.kpis[0]?.kpi.values[1],
            region: 'jeju',
            value: null,
            suppressed: true,
            progress: null,
          },
        ],
      }),
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

describe('plan dashboard', () => {
  it('opens a plan in execution on its dashboard with figures, categories, matrix, overdue and KPIs', async () => {
    vi.stubGlobal('fetch', vi.fn(planServer().fetch));
    renderApp(`/plans/${PLAN_ID}`);
    await screen.findByTestId('plan-dashboard-matrix', {}, SLOW);
    expect(screen.getByTestId('plan-status').textContent).toBe('시행 중');
    expect(screen.getByTestId('plan-dashboard-tasks').textContent).toBe('2');
    expect(screen.getByTestId('plan-dashboard-mean').textContent).toBe('37.5%');
    expect(screen.getByTestId('plan-dashboard-attention').textContent).toBe('1');
    expect(screen.getByTestId('plan-dashboard-overdue-count').textContent).toBe('1');
    const education = screen.getByTestId('plan-dashboard-category-2');
    expect(education.textContent).toContain('2. 교육지원');
    expect(education.textContent).toContain('25%');
    expect(screen.getByTestId('plan-matrix-1-1-q1').textContent).toBe('정상 추진 25%');
    expect(screen.getByTestId('plan-matrix-1-1-q2').textContent).toBe('정상 추진 50% · 기한 후 제출');
    expect(screen.getByTestId('plan-matrix-2-1-q2').textContent).toBe('기한 경과');
    expect(screen.getByTestId('plan-matrix-2-1-q3').textContent).toBe('보고 전');
    const overdue = screen.getByTestId('plan-dashboard-overdue');
    expect(within(overdue).getByText('2-1 학습 멘토링').getAttribute('href')).toBe(
      `/plans/${PLAN_ID}/tasks/${DASHBOARD.matrix[1]?.task.key}`,
    );
    expect(overdue.textContent).toContain('10일');
    expect(screen.getByTestId(`plan-kpi-${KPI_RATE}-latest`).textContent).toBe('56% (2분기)');
    expect(screen.getByTestId(`plan-kpi-${KPI_COUNT}-latest`).textContent).toBe('<5 (1분기)');
    expect(screen.getByTestId(`plan-kpi-${KPI_RATE}`).textContent).toContain('중간목표 달성');
    expect(screen.getByTestId('plan-kpi-charts')).toBeTruthy();
  });

  it('asks the server again with the organization filter', async () => {
    const server = planServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/dashboard`);
    await screen.findByTestId('plan-dashboard-matrix', {}, SLOW);
    fireEvent.change(screen.getByTestId('plan-dashboard-organization'), { target: { value: MOEL.id } });
    await waitFor(() =>
      expect(
        server.requests.some(
          (r) => r.path === `/api/plans/${PLAN_ID}/dashboard` && r.query.get('organizationId') === MOEL.id,
        ),
      ).toBe(true),
    );
  });

  it('takes its filters from the address, so a filtered dashboard can be shared', async () => {
    const server = planServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/dashboard?category=2&organization=${MOEL.id}`);
    await screen.findByTestId('plan-dashboard-matrix', {}, SLOW);
    const asked = server.requests.find((r) => r.path === `/api/plans/${PLAN_ID}/dashboard`);
    expect(asked?.query.get('categoryCode')).toBe('2');
    expect(asked?.query.get('organizationId')).toBe(MOEL.id);
    expect((screen.getByTestId('plan-dashboard-category') as HTMLSelectElement).value).toBe('2');
  });

  it('shows a metric KPI by region with withheld counts as "<5"', async () => {
    vi.stubGlobal('fetch', vi.fn(planServer().fetch));
    renderApp(`/plans/${PLAN_ID}/dashboard`);
    await screen.findByTestId('plan-dashboard-matrix', {}, SLOW);
    fireEvent.click(screen.getByRole('button', { name: '지역별 보기' }));
    const table = await screen.findByTestId('plan-kpi-regions', {}, SLOW);
    expect(within(table).getByText('서울특별시').closest('tr')?.textContent).toContain('56%');
    expect(within(table).getByText('제주특별자치도').closest('tr')?.textContent).toContain('<5');
  });

  it('opens a long overdue list on its first 20 rows, with the count per quarter above', async () => {
    const first = DASHBOARD.overdue[0];
    if (!first) throw new Error('the fixture has an overdue report');
    const overdue = Array.from({ length: 25 }, (_, i) => ({
      ...first,
      quarter: (i < 5 ? 2 : 3) as 2 | 3,
      daysOverdue: 100 - i,
    }));
    vi.stubGlobal('fetch', vi.fn(planServer('ko', { ...DASHBOARD, overdue }).fetch));
    renderApp(`/plans/${PLAN_ID}/dashboard`);
    const table = await screen.findByTestId('plan-dashboard-overdue', {}, SLOW);
    expect(screen.getByTestId('plan-dashboard-overdue-by-quarter').textContent).toBe(
      '2020년 2분기 5건 · 2020년 3분기 20건',
    );
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    fireEvent.click(screen.getByRole('button', { name: '모두 보기(25건)' }));
    expect(within(table).getAllByRole('row')).toHaveLength(26);
  });

  it('keeps the target in the chart even when every value is far below it', () => {
    expect(chartDomain([0, 120, 14, 30])).toEqual([0, 132]);
    expect(chartDomain([1200, 1800, 1524])).toEqual([1140, 1860]);
    expect(chartDomain([50, 50])).toEqual([45, 55]);
  });

  it('reads in English', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', vi.fn(planServer('en').fetch));
    renderApp(`/plans/${PLAN_ID}/dashboard`);
    await screen.findByTestId('plan-dashboard-matrix', {}, SLOW);
    expect(screen.getByTestId('plan-status').textContent).toBe('In execution');
    expect(screen.getByTestId('plan-matrix-2-1-q2').textContent).toBe('Overdue');
    expect(screen.getByTestId('plan-dashboard-category-1').textContent).toContain('1. Jobs');
  });
});
