// @vitest-environment happy-dom
import type { Role } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, problem, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import type { PersonJobsData, StatementData } from './api';
import {
  APPLICATION,
  APPLICATION_ID,
  EMPLOYER_ID,
  EMPLOYERS,
  INCENTIVES,
  NO_PROFILE,
  PERSON_JOBS,
  POSTING_ID,
  RECOMMENDATIONS,
} from './fixtures';

const SLOW = { timeout: 10_000 };

function jobsServer(
  options: { jobs?: PersonJobsData; incentives?: StatementData; roles?: Role[] } = {},
  routes: Parameters<typeof fakeServer>[0] = {},
) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(options.roles ?? ['employment_officer']), 'csrf-jobs'),
    [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
    [`GET /api/persons/${PERSON_ID}/jobs`]: () => json(options.jobs ?? PERSON_JOBS),
    [`GET /api/persons/${PERSON_ID}/jobs/recommendations`]: () => json(RECOMMENDATIONS),
    [`GET /api/persons/${PERSON_ID}/incentives`]: () => json(options.incentives ?? INCENTIVES),
    'GET /api/jobs/employers': () => json(EMPLOYERS),
    'GET /api/jobs/courses': () => json({ items: [] }),
    ...routes,
  });
}

async function openTab() {
  fireEvent.click(await screen.findByTestId('person-tab-jobs', {}, SLOW));
  return screen.findByTestId('jobs-tab', {}, SLOW);
}

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const optionLabels = (select: HTMLElement) =>
  [...(select as HTMLSelectElement).options]
    .filter((option) => !option.disabled)
    .map((option) => option.text);

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the person page's 취업 tab", () => {
  it('opens from a link that names the tab', async () => {
    vi.stubGlobal('fetch', vi.fn(jobsServer().fetch));
    renderApp(`/persons/${PERSON_ID}?tab=jobs`);
    expect(await screen.findByTestId('jobs-tab', {}, SLOW)).toBeTruthy();
  });

  it('shows each recommendation’s score with the domain’s sentences and registers one as a recommendation', async () => {
    const server = jobsServer(
      {},
      {
        [`POST /api/persons/${PERSON_ID}/jobs/applications`]: () =>
          json({ ...APPLICATION, stage: 'recommended' }, 201),
      },
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    const table = await within(tab).findByTestId('recommendations', {}, SLOW);
    const row = within(table).getByTestId(`recommendation-${POSTING_ID}`);
    expect(within(row).getByTestId('recommendation-score').textContent).toBe(
      `${RECOMMENDATIONS.items[0]?.score}점`,
    );
    expect(row.textContent).toContain('2,400,000원');
    expect(row.textContent).toContain('우선구매 대상');
    expect(within(table).queryByTestId('match-reasons')).toBeNull();

    const toggle = within(row).getByTestId('match-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const reasons = within(table)
      .getAllByTestId('match-reason')
      .map((item) => item.textContent);
    expect(reasons).toEqual([
      '희망 직종과 구인 직종이 같습니다 (+30점)',
      '필수 기술과 우대 기술을 모두 갖추었습니다 (+12점)',
      '필수 자격증 1개(지게차운전기능사)가 없습니다 (0점)',
      '거주지와 근무지가 같은 시·도입니다 (+15점)',
      '근무 형태(전일제)가 희망과 같습니다 (+10점)',
      '제시 임금(월 240만 원)이 희망 임금(월 250만 원)의 90% 이상입니다 (+7점)',
      '고려할 근무 제약이 없습니다 (+10점)',
      '한국어 수준(3단계)이 요구 수준(2단계) 이상입니다 (+5점)',
    ]);

    // A posting with an application already open offers no second one.
    const other = within(table).getByTestId(`recommendation-${RECOMMENDATIONS.items[1]?.posting.id}`);
    expect(within(other).queryByTestId('recommendation-recommend')).toBeNull();
    expect(within(other).getByTestId('recommendation-open-application')).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: '지게차 운전원 (주간) 추천으로 등록' }));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe(`/api/persons/${PERSON_ID}/jobs/applications`);
    expect(post?.body).toEqual({ postingId: POSTING_ID, stage: 'recommended' });
    expect(post?.headers['x-csrf-token']).toBe('csrf-jobs');
  });

  it('asks for no recommendations before a profile is saved', async () => {
    const server = jobsServer({ jobs: NO_PROFILE });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    expect(within(tab).getByTestId('recommendations-no-profile')).toBeTruthy();
    expect(within(tab).getByTestId('seeker-profile-updated').textContent).toBe(
      '아직 저장한 구직 정보가 없습니다.',
    );
    expect(server.requests.some((r) => r.path.endsWith('/recommendations'))).toBe(false);
  });

  it('offers only the stages the pipeline allows, and asks a reason to withdraw', async () => {
    const server = jobsServer(
      {},
      {
        [`POST /api/jobs/applications/${APPLICATION_ID}/move`]: () =>
          json({ ...APPLICATION, stage: 'withdrawn' }),
      },
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    const row = within(tab).getByTestId(`application-${APPLICATION_ID}`);
    expect(within(row).getByTestId('application-stage').textContent).toBe('지원');

    fireEvent.click(within(row).getByTestId('application-history-toggle'));
    const events = within(tab)
      .getAllByTestId('application-event')
      .map((item) => item.textContent);
    expect(events).toHaveLength(2);
    expect(events[1]).toContain('추천 → 지원');
    expect(events[1]).toContain('김하나');

    fireEvent.click(within(row).getByTestId('application-move'));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    const to = within(dialog).getByTestId('move-to');
    // From "applied": on to an interview or an offer, or ended; never back to a recommendation, never straight to work.
    expect(optionLabels(to)).toEqual(['면접', '채용 제안', '지원 철회', '불합격']);

    type(to, 'withdrawn');
    fireEvent.click(within(dialog).getByTestId('move-submit'));
    expect(await within(dialog).findByText('사유를 선택해 주십시오.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    type(within(dialog).getByTestId('move-reason'), 'wage');
    fireEvent.click(within(dialog).getByTestId('move-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      to: 'withdrawn',
      reason: 'wage',
      version: APPLICATION.version,
    });
  });

  it('asks the first day of work and employment insurance for a placement', async () => {
    const offer = { ...APPLICATION, stage: 'offer' as const };
    const server = jobsServer(
      { jobs: { ...PERSON_JOBS, applications: [offer] } },
      {
        [`POST /api/jobs/applications/${APPLICATION_ID}/move`]: () => json({ ...offer, stage: 'placed' }),
      },
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    fireEvent.click(within(tab).getByTestId('application-move'));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(optionLabels(within(dialog).getByTestId('move-to'))).toEqual(['취업', '지원 철회', '불합격']);
    type(within(dialog).getByTestId('move-to'), 'placed');
    fireEvent.click(within(dialog).getByTestId('move-submit'));
    expect(await within(dialog).findByText('첫 출근일을 입력해 주십시오.')).toBeTruthy();
    type(within(dialog).getByTestId('move-start-on'), '2026-03-09');
    fireEvent.click(within(dialog).getByTestId('move-submit'));
    expect(await within(dialog).findByText('고용보험 가입 여부를 선택해 주십시오.')).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('move-insured-yes'));
    fireEvent.click(within(dialog).getByTestId('move-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      to: 'placed',
      startOn: '2026-03-09',
      insured: true,
      version: APPLICATION.version,
    });
  });

  it('shows the incentive lines with their status, amount and reasons naming the employer, not its id', async () => {
    vi.stubGlobal('fetch', vi.fn(jobsServer().fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    const lines = await within(tab).findByTestId('incentive-lines', {}, SLOW);
    const first = within(lines).getByTestId('incentive-line-employment_year1_first');
    expect(first.textContent).toContain('취업장려금 1년차 1차분');
    expect(within(first).getByTestId('incentive-status').textContent).toBe('지급 완료');
    expect(within(first).getByTestId('incentive-amount').textContent).toBe('2,000,000원');

    const year2 = within(lines).getByTestId('incentive-line-employment_year2');
    expect(within(year2).getByTestId('incentive-status').textContent).toBe('신청 예정');
    const sentences = within(year2)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(sentences).toContain('지금 사업장(한빛물류)에서 그날까지 계속 일하는 경우입니다.');
    expect(lines.textContent).toContain('사업장 한빛물류');
    expect(lines.textContent).not.toContain(EMPLOYER_ID);

    expect(within(tab).getByTestId('incentive-ceiling').textContent).toBe(
      `${INCENTIVES.ceiling.toLocaleString('ko-KR')}원`,
    );
    expect(within(tab).getByTestId('incentive-payments').textContent).toContain('김하나');
    expect(within(tab).queryByTestId('incentive-missing')).toBeNull();
    // An employment officer may record a payment; the form is there.
    expect(within(tab).getByTestId('payment-form')).toBeTruthy();
  });

  it('says plainly which facts keep the statement from being computed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        jobsServer({
          roles: ['case_worker'],
          incentives: { ...INCENTIVES, missing: ['protection_decision_date'], lines: [] },
        }).fetch,
      ),
    );
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    const notice = await within(tab).findByTestId('incentive-missing', {}, SLOW);
    expect(notice.textContent).toContain('보호 결정일이 등록되어 있지 않습니다.');
    // A case worker reads the statement but records no payment.
    expect(within(tab).queryByTestId('payment-form')).toBeNull();
  });

  it('records a payment after asking once more, and shows the statement the server returns', async () => {
    const server = jobsServer(
      {},
      {
        [`POST /api/persons/${PERSON_ID}/incentives/payments`]: () =>
          json({ ...INCENTIVES, paidTotal: 5_000_000 }),
      },
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    const form = await within(tab).findByTestId('payment-form', {}, SLOW);
    type(within(form).getByTestId('payment-line'), 'employment_year1_rest');
    // Choosing a line that is due offers its amount.
    expect((within(form).getByTestId('payment-amount') as HTMLInputElement).value).toBe('3000000');
    type(within(form).getByTestId('payment-claimed-on'), '2026-02-27');
    type(within(form).getByTestId('payment-paid-on'), '2026-03-02');
    fireEvent.click(within(form).getByTestId('payment-submit'));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(within(dialog).getByTestId('payment-confirm-text').textContent).toContain('3,000,000원');
    fireEvent.click(within(dialog).getByTestId('payment-confirm'));
    await waitFor(
      () => expect(within(tab).getByTestId('incentive-paidTotal').textContent).toBe('5,000,000원'),
      SLOW,
    );
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      line: 'employment_year1_rest',
      amount: 3_000_000,
      claimedOn: '2026-02-27',
      paidOn: '2026-03-02',
    });
  });

  it('saves the profile with the version read, and explains a stale save', async () => {
    const server = jobsServer(
      {},
      {
        [`PUT /api/persons/${PERSON_ID}/jobs/profile`]: () =>
          problem(409, 'conflict.stale', '다른 사용자가 먼저 변경했습니다.'),
      },
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    const form = within(tab).getByTestId('seeker-profile-form');
    expect(within(form).getByTestId('seeker-profile-updated').textContent).toContain('김하나');
    type(within(form).getByTestId('profile-wage'), '2,700,000');
    fireEvent.click(within(form).getByTestId('profile-constraint-childcare'));
    fireEvent.click(within(form).getByTestId('profile-submit'));
    expect(await within(form).findByTestId('jobs-stale', {}, SLOW)).toBeTruthy();
    const body = server.requests.find((r) => r.method === 'PUT')?.body;
    expect(body).toMatchObject({
      status: 'seeking',
      occupations: ['1451'],
      experience: [{ place: 'north', occupation: '1441', years: 4 }],
      expectedMonthlyWage: 2_700_000,
      koreanLevel: 3,
      computerLevel: 2,
      constraints: ['childcare'],
      version: 4,
    });
    // What was typed stays.
    expect((within(form).getByTestId('profile-wage') as HTMLInputElement).value).toBe('2,700,000');
  });

  it('shows the server’s field message beside the field', async () => {
    const server = jobsServer(
      {},
      {
        [`PUT /api/persons/${PERSON_ID}/jobs/profile`]: () =>
          problem(400, 'validation.failed', '입력값을 확인해 주십시오.', {
            errors: [{ path: '/body/maxCommuteMinutes', message: '통근 시간은 300분을 넘을 수 없습니다.' }],
          }),
      },
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    const form = within(tab).getByTestId('seeker-profile-form');
    fireEvent.click(within(form).getByTestId('profile-submit'));
    expect(await within(form).findByText('통근 시간은 300분을 넘을 수 없습니다.', {}, SLOW)).toBeTruthy();
  });

  it('sets the end date of an ongoing job with the whole record and its version', async () => {
    const record = PERSON_JOBS.employment[0];
    const server = jobsServer(
      {},
      {
        [`PUT /api/jobs/employment/${record?.id}`]: () => json({ ...record, endOn: '2026-02-27' }),
      },
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    expect(within(tab).getByTestId('tenure-months').textContent).toBe('20개월');
    fireEvent.click(within(tab).getByRole('button', { name: '한빛물류 퇴사일 입력' }));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    type(within(dialog).getByTestId('employment-end-date'), '2024-06-01');
    fireEvent.click(within(dialog).getByTestId('employment-end-submit'));
    expect(await within(dialog).findByText('퇴사일은 입사일보다 빠를 수 없습니다.')).toBeTruthy();
    type(within(dialog).getByTestId('employment-end-date'), '2026-02-27');
    fireEvent.click(within(dialog).getByTestId('employment-end-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'PUT')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      employerId: EMPLOYER_ID,
      startOn: '2024-07-01',
      endOn: '2026-02-27',
      insured: true,
      occupation: '1451',
      monthlyWage: 2_300_000,
      version: 1,
    });
  });
});
