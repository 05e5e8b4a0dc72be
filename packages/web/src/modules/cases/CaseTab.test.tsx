// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, problem, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import type { CaseDetailData } from './api';
import { CASE_ID, CASE_SUMMARY, caseDetail, OTHER_WORKER, WORKER } from './fixtures';

function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

/** A person page whose case tab talks to `routes`; the case worker's session unless `roles` say otherwise. */
function caseServer(
  detail: () => CaseDetailData | null,
  routes: Parameters<typeof fakeServer>[0] = {},
  roles: Parameters<typeof makeMe>[0] = ['case_worker'],
  locale: 'ko' | 'en' = 'ko',
) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles, { locale }), 'csrf-case'),
    [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
    'GET /api/cases': () => {
      const current = detail();
      return json(current ? { items: [{ ...CASE_SUMMARY, ...current }], total: 1 } : { items: [], total: 0 });
    },
    [`GET /api/cases/${CASE_ID}`]: () => {
      const current = detail();
      return current ? json(current) : problem(404, 'resource.not_found', '찾을 수 없습니다.');
    },
    'GET /api/cases/workers': () => json({ items: [WORKER, OTHER_WORKER] }),
    ...routes,
  });
}

async function openCaseTab() {
  fireEvent.click(await screen.findByTestId('person-tab-cases'));
  return screen.findByTestId('case-tab');
}

const posts = (server: ReturnType<typeof fakeServer>, path: string) =>
  server.requests.filter((r) => r.method !== 'GET' && r.path === path);

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('case management tab', () => {
  it("asks for the person's cases by id and opens a case on the worker's own caseload", async () => {
    let current: CaseDetailData | null = null;
    const server = caseServer(() => current, {
      'POST /api/cases': () => {
        current = caseDetail();
        return json({ id: CASE_ID }, 201);
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    expect(screen.getByTestId('person-tab-cases').textContent).toBe('사례관리');
    fireEvent.click(await screen.findByTestId('case-open-submit'));

    expect(await screen.findByTestId('case-view')).toBeTruthy();
    const list = server.requests.find((r) => r.path === '/api/cases' && r.method === 'GET');
    expect(list?.query.get('personId')).toBe(PERSON_ID);
    const [open] = posts(server, '/api/cases');
    expect(open?.body).toEqual({ personId: PERSON_ID });
    expect(open?.headers['x-csrf-token']).toBe('csrf-case');
    expect(screen.getByTestId('case-status').textContent).toBe('접수');
    expect(screen.getByTestId('case-worker').textContent).toBe('김하나');
    expect(screen.queryByTestId('case-open-submit')).toBeNull();
  });

  it('makes a center manager choose the worker before opening a case', async () => {
    let current: CaseDetailData | null = null;
    const server = caseServer(
      () => current,
      {
        'POST /api/cases': () => {
          current = caseDetail();
          return json({ id: CASE_ID }, 201);
        },
      },
      ['center_manager'],
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    fireEvent.click(await screen.findByTestId('case-open-submit'));
    expect(await screen.findByText('항목을 선택해 주십시오.')).toBeTruthy();
    expect(posts(server, '/api/cases')).toHaveLength(0);

    await waitFor(() => expect(screen.getByRole('option', { name: OTHER_WORKER.displayName })).toBeTruthy());
    type(screen.getByTestId('case-open-worker'), OTHER_WORKER.id);
    fireEvent.click(screen.getByTestId('case-open-submit'));
    expect(await screen.findByTestId('case-view')).toBeTruthy();
    expect(posts(server, '/api/cases')[0]?.body).toEqual({
      personId: PERSON_ID,
      assignedWorkerId: OTHER_WORKER.id,
    });
  });

  it('moves the case with its version, and on a conflict says so and reloads on request', async () => {
    let detailReads = 0;
    const server = caseServer(
      () => {
        detailReads += 1;
        return caseDetail();
      },
      {
        [`POST /api/cases/${CASE_ID}/transition`]: () =>
          problem(409, 'conflict.stale', '다른 사용자가 먼저 변경했습니다.'),
      },
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    const transitions = await screen.findByTestId('case-transitions');
    expect(
      within(transitions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['사정 시작', '사례 종결']);

    fireEvent.click(screen.getByTestId('case-transition-assessment'));
    const dialog = await screen.findByRole('dialog');
    type(within(dialog).getByTestId('case-transition-reason'), '초기 상담 완료');
    fireEvent.click(within(dialog).getByTestId('case-transition-submit'));

    expect(await within(dialog).findByTestId('case-stale')).toBeTruthy();
    expect(posts(server, `/api/cases/${CASE_ID}/transition`)[0]?.body).toEqual({
      to: 'assessment',
      version: 3,
      reason: '초기 상담 완료',
    });
    const readsBefore = detailReads;
    fireEvent.click(within(dialog).getByTestId('case-reload'));
    await waitFor(() => expect(detailReads).toBeGreaterThan(readsBefore));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('refuses to close a case without a reason, in place, without asking the server', async () => {
    const server = caseServer(() => caseDetail());
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    fireEvent.click(await screen.findByTestId('case-transition-closed'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('case-transition-submit'));
    expect(await within(dialog).findByText('종결 사유를 입력해 주십시오.')).toBeTruthy();
    expect(posts(server, `/api/cases/${CASE_ID}/transition`)).toHaveLength(0);
  });

  it('records an assessment of the scored domains and shows the latest scores as a chart and a table', async () => {
    let current = caseDetail({ status: 'assessment', allowedTransitions: ['active', 'closed'] });
    const server = caseServer(() => current, {
      [`POST /api/cases/${CASE_ID}/assessments`]: (request) => {
        const body = request.body as { scores: Record<string, number>; summary?: string };
        current = {
          ...current,
          assessments: [
            {
              id: '0190a6b2-0000-7000-8000-0000000000e1',
              assessedOn: '2026-03-10',
              assessorUsername: 'kim.cw',
              scores: body.scores,
              priorities: ['employment', 'housing'],
              summary: body.summary ?? null,
            },
          ],
        };
        return json({ id: '0190a6b2-0000-7000-8000-0000000000e1' }, 201);
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    expect(await screen.findByTestId('assessment-empty')).toBeTruthy();

    fireEvent.click(screen.getByTestId('assessment-submit'));
    expect(await screen.findByTestId('assessment-scores-error')).toBeTruthy();
    expect(posts(server, `/api/cases/${CASE_ID}/assessments`)).toHaveLength(0);

    type(screen.getByTestId('assessment-score-employment'), '4');
    type(screen.getByTestId('assessment-score-housing'), '3');
    type(screen.getByTestId('assessment-score-family'), '0');
    type(screen.getByTestId('assessment-summary'), '구직 의사 높음');
    fireEvent.click(screen.getByTestId('assessment-submit'));

    const table = await screen.findByTestId('assessment-table');
    expect(posts(server, `/api/cases/${CASE_ID}/assessments`)[0]?.body).toEqual({
      scores: { employment: 4, housing: 3, family: 0 },
      summary: '구직 의사 높음',
    });
    expect(within(table).getByTestId('assessment-row-employment').textContent).toBe('취업4');
    expect(within(table).getByTestId('assessment-row-family').textContent).toBe('가족0');
    expect(within(table).getByTestId('assessment-row-legal').textContent).toBe('법률미평가');
    expect(screen.getByTestId('assessment-chart').getAttribute('role')).toBe('img');
    expect(screen.getByTestId('assessment-priorities').textContent).toBe('우선 개입 영역: 취업, 주거');
  });

  it('adds a goal, marks an overdue one, and changes a status with its version', async () => {
    const overdueGoal = {
      id: '0190a6b2-0000-7000-8000-0000000000f1',
      domain: 'housing' as const,
      goal: '임대주택 신청',
      targetOn: '2020-01-31',
      status: 'in_progress' as const,
      version: 2,
    };
    const current = caseDetail({ status: 'active', goals: [overdueGoal] });
    const server = caseServer(() => current, {
      [`POST /api/cases/${CASE_ID}/goals`]: () => json({ id: '0190a6b2-0000-7000-8000-0000000000f2' }, 201),
      [`PATCH /api/cases/${CASE_ID}/goals/${overdueGoal.id}`]: () => noContent(),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    const row = await screen.findByTestId(`goal-row-${overdueGoal.id}`);
    expect(within(row).getByTestId('goal-overdue').textContent).toBe('기한 경과');

    type(within(row).getByTestId(`goal-status-${overdueGoal.id}`), 'achieved');
    await waitFor(() =>
      expect(posts(server, `/api/cases/${CASE_ID}/goals/${overdueGoal.id}`)[0]?.body).toEqual({
        status: 'achieved',
        version: 2,
      }),
    );

    fireEvent.click(screen.getByTestId('goal-submit'));
    expect(await screen.findByText('항목을 선택해 주십시오.')).toBeTruthy();
    expect(posts(server, `/api/cases/${CASE_ID}/goals`)).toHaveLength(0);
    type(screen.getByTestId('goal-domain'), 'employment');
    type(screen.getByTestId('goal-text'), '직업훈련 등록');
    type(screen.getByTestId('goal-target'), '2026-12-31');
    fireEvent.click(screen.getByTestId('goal-submit'));
    await waitFor(() =>
      expect(posts(server, `/api/cases/${CASE_ID}/goals`)[0]?.body).toEqual({
        domain: 'employment',
        goal: '직업훈련 등록',
        targetOn: '2026-12-31',
      }),
    );
  });

  it('writes a note at the chosen sensitivity and counts the notes the reader may not open', async () => {
    const current = caseDetail({
      status: 'active',
      withheldNotes: 2,
      notes: [
        {
          id: '0190a6b2-0000-7000-8000-0000000000b1',
          authorUsername: 'kim.cw',
          sensitivity: 'sensitive',
          body: '첫 상담 완료',
          createdAt: '2026-03-03T02:00:00Z',
        },
      ],
    });
    const server = caseServer(() => current, {
      [`POST /api/cases/${CASE_ID}/notes`]: () => json({ id: '0190a6b2-0000-7000-8000-0000000000b2' }, 201),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    expect((await screen.findByTestId('notes-withheld')).textContent).toContain('2건의 열람 제한 기록');
    const note = screen.getByTestId('note-0190a6b2-0000-7000-8000-0000000000b1');
    expect(note.textContent).toContain('첫 상담 완료');
    expect(note.textContent).toContain('민감');

    fireEvent.click(screen.getByTestId('note-submit'));
    expect(await screen.findByText('필수 입력 항목입니다.')).toBeTruthy();
    type(screen.getByTestId('note-body'), '가족 관련 상담');
    fireEvent.click(screen.getByTestId('note-sensitivity-restricted'));
    fireEvent.click(screen.getByTestId('note-submit'));
    await waitFor(() =>
      expect(posts(server, `/api/cases/${CASE_ID}/notes`)[0]?.body).toEqual({
        body: '가족 관련 상담',
        sensitivity: 'restricted',
      }),
    );
  });

  it('reads in English: the tab, the stage and the count of withheld notes', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(caseServer(() => caseDetail({ withheldNotes: 3 }), {}, ['case_worker'], 'en').fetch),
    );
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    expect(screen.getByTestId('person-tab-cases').textContent).toBe('Case management');
    expect((await screen.findByTestId('notes-withheld')).textContent).toContain(
      'Restricted notes you cannot open: 3.',
    );
    expect(screen.getByTestId('case-status').textContent).toBe('Intake');
    expect(screen.getByTestId('case-transition-closed').textContent).toBe('Close case');
  });

  it('lets a center manager hand the case to another worker of the center', async () => {
    const server = caseServer(
      () => caseDetail(),
      { [`POST /api/cases/${CASE_ID}/assign`]: () => noContent() },
      ['center_manager'],
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    await waitFor(() => expect(screen.getByRole('option', { name: OTHER_WORKER.displayName })).toBeTruthy());
    type(screen.getByTestId('case-assign-worker'), OTHER_WORKER.id);
    fireEvent.click(screen.getByTestId('case-assign-submit'));
    await waitFor(() =>
      expect(posts(server, `/api/cases/${CASE_ID}/assign`)[0]?.body).toEqual({
        assignedWorkerId: OTHER_WORKER.id,
        version: 3,
      }),
    );
  });

  it('offers no changes and no worker list to a case worker without cases.assign', async () => {
    const server = caseServer(() => caseDetail());
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openCaseTab();
    expect(await screen.findByTestId('case-view')).toBeTruthy();
    expect(screen.queryByTestId('case-assign-worker')).toBeNull();
    expect(server.requests.some((r) => r.path === '/api/cases/workers')).toBe(false);
  });
});
