// @vitest-environment happy-dom
import type { Role } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, problem, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import { COURSE, COURSE_ID, EMPLOYER_ID, EMPLOYERS, OTHER_EMPLOYER_ID, PERSON, SEEKERS } from './fixtures';

const SLOW = { timeout: 10_000 };

function hubServer(roles: Role[], routes: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles), 'csrf-hub'),
    'GET /api/jobs/seekers': () => json(SEEKERS),
    'GET /api/jobs/employers': () => json(EMPLOYERS),
    'GET /api/jobs/courses': () => json({ items: [COURSE] }),
    [`GET /api/jobs/courses/${COURSE_ID}/enrolments`]: () =>
      json({
        course: COURSE,
        items: [
          {
            id: '0190a6b2-0000-7000-8000-0000000000d8',
            person: PERSON,
            status: 'completed',
            attendedHours: 118,
            completedOn: '2026-04-24',
            certificateObtained: 'forklift_operator',
            certificateOn: '2026-05-10',
            version: 3,
          },
        ],
      }),
    ...routes,
  });
}

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the jobs hub', () => {
  it('lists job seekers, filters them on the server, and links each to the person’s 취업 tab', async () => {
    const server = hubServer(['case_worker']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/jobs');
    const row = await screen.findByTestId(`seeker-${PERSON.code}`, {}, SLOW);
    expect(within(row).getByTestId('seeker-status').textContent).toBe('구직 중');
    expect(row.textContent).toContain('지게차 운전원, 하역·적재 단순 종사원');
    expect(within(row).getByTestId('seeker-open').getAttribute('href')).toBe(
      `/persons/${PERSON.id}?tab=jobs`,
    );
    expect(screen.getByTestId('nav-jobs').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('jobs-nav-seekers').getAttribute('aria-current')).toBe('page');
    // A case worker holds no jobs.reports: the sub-menu has no statistics.
    expect(screen.queryByTestId('jobs-nav-reports')).toBeNull();

    type(screen.getByTestId('seeker-filter-occupation'), '1451');
    await waitFor(() => {
      const last = server.requests.filter((r) => r.path === '/api/jobs/seekers').at(-1);
      expect(Object.fromEntries(last?.query ?? [])).toEqual({
        status: 'seeking',
        occupation: '1451',
        page: '1',
        pageSize: '25',
      });
    });
  });

  it('shows employers with the priority-purchasing mark in words and "<5" for a small count', async () => {
    vi.stubGlobal('fetch', vi.fn(hubServer(['case_worker']).fetch));
    renderApp('/jobs/employers');
    const first = await screen.findByTestId(`employer-${EMPLOYER_ID}`, {}, SLOW);
    expect(within(first).getByTestId('priority-purchasing').textContent).toBe('우선구매 대상');
    expect(within(first).getByTestId('employer-employed').textContent).toBe('<5');
    const second = screen.getByTestId(`employer-${OTHER_EMPLOYER_ID}`);
    expect(within(second).queryByTestId('priority-purchasing')).toBeNull();
    expect(within(second).getByTestId('employer-employed').textContent).toBe('7');
    expect(screen.queryByTestId('employer-create')).toBeNull();
    expect(screen.queryByTestId('employer-edit')).toBeNull();
  });

  it('edits an employer with its version, and explains a stale save', async () => {
    const server = hubServer(['employment_officer'], {
      [`PUT /api/jobs/employers/${EMPLOYER_ID}`]: () =>
        problem(409, 'conflict.stale', '다른 사용자가 먼저 변경했습니다.'),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/jobs/employers');
    fireEvent.click(await screen.findByRole('button', { name: '한빛물류 수정' }, SLOW));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    type(within(dialog).getByTestId('employer-business-number'), '12345');
    fireEvent.click(within(dialog).getByTestId('employer-submit'));
    expect(
      await within(dialog).findByText('사업자등록번호 10자리를 123-45-67890 형식으로 입력해 주십시오.'),
    ).toBeTruthy();
    type(within(dialog).getByTestId('employer-business-number'), '1234567890');
    fireEvent.click(within(dialog).getByTestId('employer-priority'));
    fireEvent.click(within(dialog).getByTestId('employer-submit'));
    expect(await within(dialog).findByTestId('jobs-stale', {}, SLOW)).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      name: '한빛물류',
      businessNumber: '1234567890',
      region: 'gyeonggi',
      priorityPurchasing: false,
      version: 2,
    });
  });

  it('shows a course’s enrolments on request', async () => {
    vi.stubGlobal('fetch', vi.fn(hubServer(['case_worker']).fetch));
    renderApp('/jobs/courses');
    const row = await screen.findByTestId(`course-${COURSE_ID}`, {}, SLOW);
    expect(row.textContent).toContain('대비 자격증: 지게차운전기능사');
    expect(row.textContent).toContain('1 / 20명');
    const toggle = within(row).getByRole('button', { name: '지게차 운전 기능사 과정 수강생 보기' });
    fireEvent.click(toggle);
    const enrolments = await screen.findByTestId('course-enrolments', {}, SLOW);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(enrolments.textContent).toContain(PERSON.code);
    expect(within(enrolments).getByTestId('enrolment-status').textContent).toBe('수료');
    expect(enrolments.textContent).toContain('118 / 120시간');
  });

  it('creates a course, refusing an end date before the start', async () => {
    const server = hubServer(['employment_officer'], {
      'POST /api/jobs/courses': () => json(COURSE, 201),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/jobs/courses');
    fireEvent.click(await screen.findByTestId('course-create', {}, SLOW));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    type(within(dialog).getByTestId('course-title'), '지게차 운전 기능사 과정');
    type(within(dialog).getByTestId('course-provider'), '경기직업전문학교');
    type(within(dialog).getByTestId('course-occupation'), '1451');
    type(within(dialog).getByTestId('course-region'), 'gyeonggi');
    type(within(dialog).getByTestId('course-start-on'), '2026-03-02');
    type(within(dialog).getByTestId('course-end-on'), '2026-02-24');
    type(within(dialog).getByTestId('course-hours'), '120');
    type(within(dialog).getByTestId('course-capacity'), '20');
    type(within(dialog).getByTestId('course-certificate'), 'forklift_operator');
    fireEvent.click(within(dialog).getByTestId('course-submit'));
    expect(await within(dialog).findByText('종료일은 시작일보다 빠를 수 없습니다.')).toBeTruthy();
    type(within(dialog).getByTestId('course-end-on'), '2026-04-24');
    fireEvent.click(within(dialog).getByTestId('course-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      title: '지게차 운전 기능사 과정',
      provider: '경기직업전문학교',
      occupation: '1451',
      hours: 120,
      startOn: '2026-03-02',
      endOn: '2026-04-24',
      region: 'gyeonggi',
      capacity: 20,
      oneYearCourse: false,
      certificate: 'forklift_operator',
    });
  });
});
