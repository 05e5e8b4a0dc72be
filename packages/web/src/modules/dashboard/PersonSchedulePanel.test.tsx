// @vitest-environment happy-dom
import type { Appointment } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, problem, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';

const SLOW = { timeout: 10_000 };

const VISIT: Appointment = {
  id: '0190a6b2-0000-7000-8000-0000000000e1',
  person: { id: PERSON_ID, code: MASKED_PERSON.code, maskedName: MASKED_PERSON.maskedName },
  assignee: { id: '0190a6b2-0000-7000-8000-0000000000aa', displayName: '김하나' },
  startsAt: '2025-01-13T01:00:00.000Z',
  durationMinutes: 60,
  kind: 'home_visit',
  status: 'scheduled',
  location: '노원구 상계동',
  note: null,
  version: 2,
};

function personServer(roles: Parameters<typeof makeMe>[0] = ['case_worker']) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles)),
    [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
    'GET /api/tasks': () => json({ items: [], total: 0 }),
    'GET /api/appointments': () => json({ items: [VISIT], total: 1 }),
    'POST /api/appointments': () => json({ id: '0190a6b2-0000-7000-8000-0000000000e2' }, 201),
    [`PATCH /api/appointments/${VISIT.id}`]: () => noContent(),
  });
}

async function openScheduleTab() {
  fireEvent.click(await screen.findByTestId('person-tab-schedule', {}, SLOW));
  return screen.findByTestId(`appointment-row-${VISIT.id}`, {}, SLOW);
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

describe('person schedule tab', () => {
  it("shows the person's deadlines and appointments, asking by person id only", async () => {
    const server = personServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const row = await openScheduleTab();
    expect(screen.getByTestId('person-tab-schedule').textContent).toBe('일정·기한');
    expect(
      within(row)
        .getAllByRole('cell')
        .slice(0, 7)
        .map((cell) => cell.textContent),
    ).toEqual(['2025. 01. 13. 10:00:00', '가정 방문', '60', '김하나', '노원구 상계동', '—', '예정']);
    expect(await screen.findByTestId('person-task-table-empty')).toBeTruthy();
    const tasks = server.requests.find((request) => request.path === '/api/tasks');
    expect(tasks?.query.get('personId')).toBe(PERSON_ID);
    expect(tasks?.query.get('view')).toBe('open');
  });

  it('refuses an appointment without a time in place, then books it in Korea time', async () => {
    const server = personServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openScheduleTab();
    fireEvent.click(screen.getByTestId('appointment-add'));
    fireEvent.change(screen.getByTestId('appointment-location'), { target: { value: '센터 상담실' } });
    fireEvent.click(screen.getByTestId('appointment-save'));
    expect(await screen.findByText('일시를 선택해 주십시오.')).toBeTruthy();
    expect(server.requests.some((request) => request.method === 'POST')).toBe(false);
    // What was typed stays.
    expect((screen.getByTestId('appointment-location') as HTMLInputElement).value).toBe('센터 상담실');

    fireEvent.change(screen.getByTestId('appointment-starts-at'), { target: { value: '2025-01-15T14:30' } });
    fireEvent.change(screen.getByTestId('appointment-kind'), { target: { value: 'accompaniment' } });
    fireEvent.click(screen.getByTestId('appointment-save'));
    expect(await screen.findByText('일정을 등록했습니다.')).toBeTruthy();
    const post = server.requests.find((request) => request.method === 'POST');
    expect(post?.body).toEqual({
      personId: PERSON_ID,
      startsAt: '2025-01-15T05:30:00.000Z',
      durationMinutes: 60,
      kind: 'accompaniment',
      location: '센터 상담실',
    });
    // Personal text goes in the body only, never the address.
    expect(post?.path).toBe('/api/appointments');
  });

  it('records a no-show with the current version', async () => {
    const server = personServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openScheduleTab();
    fireEvent.click(screen.getByTestId(`appointment-no_show-${VISIT.id}`));
    await waitFor(() =>
      expect(server.requests.find((request) => request.method === 'PATCH')?.body).toEqual({
        version: 2,
        status: 'no_show',
      }),
    );
  });

  it('reschedules with the current version, keeping what the form shows', async () => {
    const server = personServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openScheduleTab();
    fireEvent.click(screen.getByTestId(`appointment-reschedule-${VISIT.id}`));
    const startsAt = screen.getByTestId('appointment-starts-at') as HTMLInputElement;
    // 2025-01-13 01:00 UTC is 10:00 in Seoul.
    expect(startsAt.value).toBe('2025-01-13T10:00');
    fireEvent.change(startsAt, { target: { value: '2025-01-14T09:00' } });
    fireEvent.click(screen.getByTestId('appointment-save'));
    expect(await screen.findByText('일정을 변경했습니다.')).toBeTruthy();
    expect(server.requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      version: 2,
      startsAt: '2025-01-14T00:00:00.000Z',
      durationMinutes: 60,
      location: '노원구 상계동',
      note: '',
    });
  });

  it('tells the user when the appointment changed in the meantime', async () => {
    const server = personServer();
    server.routes[`PATCH /api/appointments/${VISIT.id}`] = () =>
      problem(409, 'conflict.stale', '다른 사용자가 먼저 변경했습니다.');
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openScheduleTab();
    fireEvent.click(screen.getByTestId(`appointment-done-${VISIT.id}`));
    expect(await screen.findByText(/최신 내용을 다시 불러왔으니/)).toBeTruthy();
  });

  it('shows a residence officer the deadlines but not the center’s appointments', async () => {
    const server = personServer(['residence_officer']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    fireEvent.click(await screen.findByTestId('person-tab-schedule', {}, SLOW));
    expect(await screen.findByTestId('person-task-table-empty', {}, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('appointment-table')).toBeNull();
    expect(server.requests.some((request) => request.path === '/api/appointments')).toBe(false);
  });
});
