// @vitest-environment happy-dom
import type { Task } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import {
  fakeServer,
  json,
  makeMe,
  noContent,
  problem,
  type RecordedRequest,
  session,
} from '../../testing/fake-server';
import { PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';

const SLOW = { timeout: 10_000 };

const REPORT: Task = {
  id: '0190a6b2-0000-7000-8000-0000000000d1',
  person: { id: PERSON_ID, code: 'P-7K3M-Q9XA', maskedName: '김*희' },
  source: 'statutory',
  kind: 'half_year_report',
  periodStart: '2024-07-01',
  periodEnd: '2024-12-31',
  organizationName: '노원구청',
  role: 'residence_officer',
  dueOn: '2025-01-20',
  remindOn: '2025-01-06',
  status: 'open',
  overdue: true,
  version: 3,
};
const EDUCATION: Task = {
  ...REPORT,
  id: '0190a6b2-0000-7000-8000-0000000000d2',
  kind: 'initial_education',
  periodStart: null,
  periodEnd: null,
  organizationName: '서울남부하나센터',
  role: 'case_worker',
  overdue: false,
  version: 1,
};

function tasksServer(complete: (request: RecordedRequest) => Response = () => noContent()) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['residence_officer']), 'csrf-tasks'),
    'GET /api/tasks': () => json({ items: [REPORT, EDUCATION], total: 45 }),
    [`POST /api/tasks/${REPORT.id}/complete`]: complete,
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

describe('work list', () => {
  it("lists the office's tasks with person, kind, period, deadline and status, and a nav entry", async () => {
    vi.stubGlobal('fetch', vi.fn(tasksServer().fetch));
    renderApp('/tasks');
    const row = await screen.findByTestId(`task-row-${REPORT.id}`, {}, SLOW);
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'P-7K3M-Q9XA',
      '김*희',
      '거주지보호 반기 보고',
      '2024. 07. 01. ~ 2024. 12. 31.',
      '노원구청',
      '2025. 01. 20.',
      '기한 경과',
      '완료 처리',
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('업무 목록');
    expect(screen.getByTestId('nav-tasks').getAttribute('aria-current')).toBe('page');
    // The office's own tasks can be completed; another role's cannot from here.
    expect(screen.queryByTestId(`task-complete-${EDUCATION.id}`)).toBeNull();
    expect(screen.getByText('총 45건 중 1–20건')).toBeTruthy();
  });

  it('asks the server for the chosen filter, kind and page', async () => {
    const server = tasksServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/tasks');
    await screen.findByTestId(`task-row-${REPORT.id}`, {}, SLOW);
    expect(server.requests.at(-1)?.query.get('view')).toBe('due');

    fireEvent.change(screen.getByTestId('task-filter'), { target: { value: 'soon' } });
    await waitFor(() => expect(server.requests.at(-1)?.query.get('dueWithinDays')).toBe('30'));
    expect(server.requests.at(-1)?.query.get('view')).toBe('open');

    fireEvent.change(screen.getByTestId('task-kind'), { target: { value: 'half_year_report' } });
    await waitFor(() => expect(server.requests.at(-1)?.query.get('kind')).toBe('half_year_report'));

    fireEvent.click(screen.getByRole('button', { name: '2쪽' }));
    await waitFor(() => expect(server.requests.at(-1)?.query.get('page')).toBe('2'));
    expect(server.requests.at(-1)?.query.get('kind')).toBe('half_year_report');
  });

  it('opens on the filter a dashboard link names', async () => {
    const server = tasksServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/tasks?view=overdue&kind=half_year_report');
    await screen.findByTestId(`task-row-${REPORT.id}`, {}, SLOW);
    const query = server.requests.find((request) => request.path === '/api/tasks')?.query;
    expect(query?.get('view')).toBe('overdue');
    expect(query?.get('kind')).toBe('half_year_report');
    expect((screen.getByTestId('task-filter') as HTMLSelectElement).value).toBe('overdue');
  });

  it('completes a task with its version and the CSRF token, then reloads the list', async () => {
    const server = tasksServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/tasks');
    fireEvent.click(await screen.findByTestId(`task-complete-${REPORT.id}`, {}, SLOW));
    expect(await screen.findByText('업무를 완료 처리했습니다.')).toBeTruthy();
    const post = server.requests.find((request) => request.method === 'POST');
    expect(post?.body).toEqual({ version: 3 });
    expect(post?.headers['x-csrf-token']).toBe('csrf-tasks');
    await waitFor(() =>
      expect(server.requests.filter((request) => request.path === '/api/tasks').length).toBeGreaterThan(1),
    );
  });

  it('says plainly when someone else changed the task first', async () => {
    const server = tasksServer(() => problem(409, 'conflict.stale', '다른 사용자가 먼저 변경했습니다.'));
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/tasks');
    fireEvent.click(await screen.findByTestId(`task-complete-${REPORT.id}`, {}, SLOW));
    expect(await screen.findByText(/최신 내용을 다시 불러왔으니/)).toBeTruthy();
  });
});
