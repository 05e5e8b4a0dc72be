// @vitest-environment happy-dom
import type { Appointment, Dashboard } from '@ieum/domain';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';

const SLOW = { timeout: 10_000 };
const WORKER_ID = '0190a6b2-0000-7000-8000-0000000000b1';

const MY_WORK: Dashboard['myWork'] = {
  tasksDueToday: 2,
  tasksDueThisWeek: 5,
  tasksOverdue: 3,
  appointmentsToday: 4,
  protectionEndingSoon: 1,
};

const TODAY_VISIT: Appointment = {
  id: '0190a6b2-0000-7000-8000-0000000000e1',
  person: { id: '0190a6b2-0000-7000-8000-0000000000c1', code: 'P-7K3M-Q9XA', maskedName: '김*희' },
  assignee: { id: '0190a6b2-0000-7000-8000-0000000000aa', displayName: '김하나' },
  startsAt: '2025-01-10T05:30:00.000Z',
  durationMinutes: 60,
  kind: 'home_visit',
  status: 'scheduled',
  location: null,
  note: null,
  version: 1,
};

function dashboardServer(
  roles: Parameters<typeof makeMe>[0],
  dashboard: Partial<Dashboard>,
  locale: 'ko' | 'en' = 'ko',
) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles, { locale })),
    'GET /api/dashboard': () =>
      json({ today: '2025-01-10', myWork: MY_WORK, center: null, municipality: null, ...dashboard }),
    'GET /api/appointments': () => json({ items: [TODAY_VISIT], total: 1 }),
  });
}

function cellsOf(row: HTMLElement): (string | null)[] {
  return [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
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

describe('home dashboards', () => {
  it("shows a case worker today's work, each count leading to its list", async () => {
    const server = dashboardServer(['case_worker'], {});
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/');
    const section = await screen.findByTestId('dashboard-my-work', {}, SLOW);
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('오늘의 업무');
    expect(screen.getByTestId('stat-overdue').textContent).toBe('기한 경과3건');
    expect(screen.getByTestId('stat-due-today').textContent).toBe('오늘 마감2건');
    expect(screen.getByTestId('stat-due-week').textContent).toBe('7일 이내 마감5건');
    expect(screen.getByTestId('stat-appointments').textContent).toBe('오늘 일정4건');
    expect(screen.getByTestId('stat-protection').textContent).toBe('3개월 내 보호기간 종료1명');
    expect(within(screen.getByTestId('stat-overdue')).getByRole('link').getAttribute('href')).toBe(
      '/tasks?view=overdue',
    );
    expect(screen.queryByTestId('dashboard-center')).toBeNull();
    expect(screen.queryByTestId('dashboard-municipality')).toBeNull();
    // Today's own appointments, asked for by the Seoul day's bounds.
    const today = await screen.findByTestId('today-appointments');
    expect(within(today).getAllByRole('row').slice(1).map(cellsOf)).toEqual([
      ['14:30', 'P-7K3M-Q9XA', '김*희', '가정 방문', '예정'],
    ]);
    const asked = server.requests.find((request) => request.path === '/api/appointments')?.query;
    expect(asked?.get('mine')).toBe('true');
    expect(asked?.get('from')).toBe('2025-01-09T15:00:00.000Z');
    expect(asked?.get('to')).toBe('2025-01-10T15:00:00.000Z');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('gives a center manager the caseload by status and by worker as tables beside the charts, and overdue work', async () => {
    const center: Dashboard['center'] = {
      casesByStatus: [
        { status: 'intake', count: 2 },
        { status: 'active', count: 7 },
        { status: 'closed', count: 4 },
      ],
      caseloadByWorker: [
        { id: WORKER_ID, displayName: '이사례', openCases: 8, byStatus: { intake: 1, active: 7 } },
        { id: null, displayName: null, openCases: 1, byStatus: { intake: 1 } },
      ],
      overdueByWorker: [{ id: WORKER_ID, displayName: '이사례', overdueTasks: 3, overdueAppointments: 1 }],
    };
    vi.stubGlobal('fetch', vi.fn(dashboardServer(['center_manager'], { center }).fetch));
    renderApp('/');
    const byStatus = await screen.findByTestId('table-by-status', {}, SLOW);
    expect(within(byStatus).getAllByRole('row').slice(1).map(cellsOf)).toEqual([
      ['접수', '2'],
      ['개입', '7'],
      ['종결', '4'],
    ]);
    const byWorker = screen.getByTestId('table-by-worker');
    expect(within(byWorker).getAllByRole('row').map(cellsOf)).toEqual([
      ['담당자', '접수', '사정', '개입', '점검', '진행 중 합계'],
      ['이사례', '1', '0', '7', '0', '8'],
      ['담당 사례 없음', '1', '0', '0', '0', '1'],
    ]);
    expect(within(screen.getByTestId('table-overdue')).getAllByRole('row').slice(1).map(cellsOf)).toEqual([
      ['이사례', '3', '1'],
    ]);
  });

  it("gives a residence officer the municipality's residents and the half-year reports, in English too", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        dashboardServer(
          ['residence_officer'],
          {
            myWork: { ...MY_WORK, appointmentsToday: null },
            municipality: { residents: 120, reportsDue: 6, reportsOverdue: 2 },
          },
          'en',
        ).fetch,
      ),
    );
    renderApp('/');
    const section = await screen.findByTestId('dashboard-municipality', {}, SLOW);
    expect(within(section).getByRole('heading').textContent).toBe(
      'Residence protection in your municipality',
    );
    expect(screen.getByTestId('stat-residents').textContent).toBe('Residents under protection120 persons');
    expect(within(screen.getByTestId('stat-reports-overdue')).getByRole('link').getAttribute('href')).toBe(
      '/tasks?view=overdue&kind=half_year_report',
    );
    expect(screen.queryByTestId('stat-appointments')).toBeNull();
    expect(screen.queryByTestId('today-appointments')).toBeNull();
  });

  it('asks nothing of the dashboard for a role without a work list', async () => {
    const server = dashboardServer(['admin'], {});
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/');
    await screen.findByTestId('nav-users', {}, SLOW);
    expect(screen.queryByTestId('home-dashboard')).toBeNull();
    expect(server.requests.some((request) => request.path === '/api/dashboard')).toBe(false);
  });
});
