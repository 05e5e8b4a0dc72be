// @vitest-environment happy-dom
import type { Role } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, problem, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import {
  APPLICATION,
  CANDIDATES,
  EMPLOYER_ID,
  EMPLOYERS,
  OTHER_PERSON,
  PERSON,
  POSTING,
  POSTING_ID,
  POSTINGS,
} from './fixtures';

const SLOW = { timeout: 10_000 };

function postingsServer(roles: Role[], routes: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles), 'csrf-postings'),
    'GET /api/jobs/employers': () => json(EMPLOYERS),
    'GET /api/jobs/postings': () => json(POSTINGS),
    [`GET /api/jobs/postings/${POSTING_ID}`]: () => json(POSTING),
    [`GET /api/jobs/postings/${POSTING_ID}/candidates`]: () => json(CANDIDATES),
    [`GET /api/jobs/postings/${POSTING_ID}/applications`]: () =>
      json({ items: [{ ...APPLICATION, posting: { ...APPLICATION.posting, id: POSTING_ID } }] }),
    ...routes,
  });
}

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const postingQueries = (server: ReturnType<typeof postingsServer>) =>
  server.requests.filter((r) => r.method === 'GET' && r.path === '/api/jobs/postings').map((r) => r.query);

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('job postings', () => {
  it('lists open postings with wage, openings and the priority-purchasing mark, and filters on the server', async () => {
    const server = postingsServer(['case_worker']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/jobs/postings');
    const table = await screen.findByTestId('postings', {}, SLOW);
    const row = await within(table).findByTestId(`posting-${POSTING_ID}`, {}, SLOW);
    expect(row.textContent).toContain('지게차 운전원 (주간)');
    expect(row.textContent).toContain('2,400,000원');
    expect(row.textContent).toContain('0 / 2명');
    expect(within(row).getByTestId('priority-purchasing').textContent).toBe('우선구매 대상');
    expect(within(row).getByTestId('posting-open').getAttribute('href')).toBe(`/jobs/postings/${POSTING_ID}`);
    expect(Object.fromEntries(postingQueries(server)[0] ?? [])).toEqual({
      status: 'open',
      page: '1',
      pageSize: '25',
    });

    await within(screen.getByTestId('posting-filter-employer')).findByRole(
      'option',
      { name: '한빛물류' },
      SLOW,
    );
    type(screen.getByTestId('posting-filter-employer'), EMPLOYER_ID);
    type(screen.getByTestId('posting-filter-region'), 'gyeonggi');
    await waitFor(() =>
      expect(Object.fromEntries(postingQueries(server).at(-1) ?? [])).toEqual({
        status: 'open',
        employerId: EMPLOYER_ID,
        region: 'gyeonggi',
        page: '1',
        pageSize: '25',
      }),
    );
    // A case worker reads postings but does not manage them.
    expect(screen.queryByTestId('posting-create')).toBeNull();
  });

  it('creates a posting for those who manage employers, with the server’s field messages in place', async () => {
    let attempts = 0;
    const server = postingsServer(['employment_officer'], {
      'POST /api/jobs/postings': () => {
        attempts += 1;
        return attempts === 1
          ? problem(400, 'validation.failed', '입력값을 확인해 주십시오.', {
              errors: [{ path: '/body/closingOn', message: '마감일은 오늘 이후여야 합니다.' }],
            })
          : json(POSTING, 201);
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/jobs/postings');
    fireEvent.click(await screen.findByTestId('posting-create', {}, SLOW));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    await within(dialog).findByRole('option', { name: '한빛물류' }, SLOW);
    type(within(dialog).getByTestId('posting-employer'), EMPLOYER_ID);
    type(within(dialog).getByTestId('posting-title'), '지게차 운전원 (주간)');
    type(within(dialog).getByTestId('posting-occupation'), '1451');
    type(within(dialog).getByTestId('posting-region'), 'gyeonggi');
    type(within(dialog).getByTestId('posting-wage'), '2,400,000');
    type(within(dialog).getByTestId('posting-openings'), '2');
    fireEvent.click(within(dialog).getByTestId('posting-submit'));
    // The closing date was left empty: said beside it, nothing sent.
    expect(await within(dialog).findByText('필수 입력 항목입니다.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    type(within(dialog).getByTestId('posting-closing-on'), '2026-01-31');
    fireEvent.click(within(dialog).getByTestId('posting-submit'));
    expect(await within(dialog).findByText('마감일은 오늘 이후여야 합니다.', {}, SLOW)).toBeTruthy();
    expect((within(dialog).getByTestId('posting-title') as HTMLInputElement).value).toBe(
      '지게차 운전원 (주간)',
    );

    type(within(dialog).getByTestId('posting-closing-on'), '2026-04-30');
    fireEvent.click(within(dialog).getByTestId('posting-submit'));
    await screen.findByTestId('posting-page', {}, SLOW);
    expect(server.requests.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({
      employerId: EMPLOYER_ID,
      title: '지게차 운전원 (주간)',
      occupation: '1451',
      region: 'gyeonggi',
      hours: 'full_time',
      schedule: 'day',
      heavyPhysicalWork: false,
      monthlyWage: 2_400_000,
      requiredSkills: [],
      preferredSkills: [],
      requiredCertificates: [],
      preferredCertificates: [],
      requiredKoreanLevel: 2,
      openings: 2,
      closingOn: '2026-04-30',
      status: 'open',
    });
  });

  it('shows a posting with its best candidates, their reasons, and registers one as a recommendation', async () => {
    const server = postingsServer(['case_worker'], {
      [`POST /api/persons/${PERSON.id}/jobs/applications`]: () => json(APPLICATION, 201),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/jobs/postings/${POSTING_ID}`);
    const page = await screen.findByTestId('posting-page', {}, SLOW);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('지게차 운전원 (주간)');
    const facts = within(page).getByTestId('posting-facts');
    expect(facts.textContent).toContain('지게차운전기능사');
    expect(facts.textContent).toContain('전일제, 주간 근무');

    const candidates = await within(page).findByTestId('candidates', {}, SLOW);
    const row = within(candidates).getByTestId(`candidate-${PERSON.code}`);
    fireEvent.click(within(row).getByTestId('match-toggle'));
    expect(within(candidates).getAllByTestId('match-reason')[0]?.textContent).toBe(
      '희망 직종과 구인 직종이 같습니다 (+30점)',
    );
    // One already has an application open for this posting.
    const other = within(candidates).getByTestId(`candidate-${OTHER_PERSON.code}`);
    expect(within(other).queryByTestId('candidate-recommend')).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: `${PERSON.code}에게 이 공고를 추천으로 등록` }));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      postingId: POSTING_ID,
      stage: 'recommended',
    });

    const applications = within(page).getByTestId('applications');
    expect(within(applications).getByRole('link', { name: PERSON.code }).getAttribute('href')).toBe(
      `/persons/${PERSON.id}?tab=jobs`,
    );
    // A case worker moves applications on but does not edit postings.
    expect(within(applications).getByTestId('application-move')).toBeTruthy();
    expect(screen.queryByTestId('posting-edit')).toBeNull();
  });

  it('says a posting is not there without asking for an id that cannot be one', async () => {
    const server = postingsServer(['case_worker']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/jobs/postings/not-an-id');
    expect(await screen.findByTestId('posting-not-found', {}, SLOW)).toBeTruthy();
    expect(server.requests.some((r) => r.path.startsWith('/api/jobs/postings/'))).toBe(false);
  });
});
