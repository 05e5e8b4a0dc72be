// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import type { SurveyCheckData } from './api';
import { OTHER_WORKER, PERSON, ROUND, ROUND_ID, WORKER } from './fixtures';

const SLOW = { timeout: 10_000 };
const CHECK: SurveyCheckData = {
  id: '0190a6b2-0000-7000-8000-0000000000d7',
  person: PERSON,
  assignee: WORKER,
  finding: null,
  checkedOn: null,
  method: null,
  version: 4,
};

function surveyServer(roles: Parameters<typeof makeMe>[0]) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles), 'csrf-survey'),
    'GET /api/protection/surveys': () => json({ items: [ROUND] }),
    [`GET /api/protection/surveys/${ROUND_ID}`]: () => json(ROUND),
    [`GET /api/protection/surveys/${ROUND_ID}/checks`]: () =>
      json({ items: [CHECK], total: 1, page: 1, pageSize: 25 }),
    'POST /api/protection/surveys': () => json({ id: ROUND_ID, selected: 120 }, 201),
    [`POST /api/protection/survey-checks/${CHECK.id}/result`]: () => noContent(),
    [`POST /api/protection/survey-checks/${CHECK.id}/assign`]: () => noContent(),
    'GET /api/cases/workers': () => json({ items: [WORKER, OTHER_WORKER] }),
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

describe('survey rounds', () => {
  it('lists rounds with their progress and "<5" for withheld counts', async () => {
    vi.stubGlobal('fetch', vi.fn(surveyServer(['case_worker']).fetch));
    renderApp('/protection/surveys');
    const row = await screen.findByTestId(`survey-row-${ROUND_ID}`, {}, SLOW);
    expect(row.textContent).toContain('30 / 120명');
    expect(within(row).getByRole('progressbar', { name: `${ROUND.name} 진행률` })).toBeTruthy();
    // Crisis suspects withheld (null), needs support 8.
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
        .slice(3),
    ).toEqual(['<5', '8']);
    expect(screen.queryByTestId('survey-create')).toBeNull();
  });

  it('lets a plan manager create a round with the two exclusions explained, validated before sending', async () => {
    const server = surveyServer(['plan_manager']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/protection/surveys');
    fireEvent.click(await screen.findByTestId('survey-create', {}, SLOW));
    const form = await screen.findByTestId('survey-form');
    expect(
      within(form).getByText('이미 생계급여나 의료급여를 받고 있는 사람은 조사 대상에서 뺍니다.'),
    ).toBeTruthy();
    type(within(form).getByTestId('survey-name'), '2026년 상반기 실태조사');
    type(within(form).getByTestId('survey-starts-on'), '2026-03-01');
    type(within(form).getByTestId('survey-ends-on'), '2026-02-01');
    fireEvent.click(within(form).getByTestId('survey-submit'));
    expect(await within(form).findByText('1개 이상 선택해 주십시오.')).toBeTruthy();
    fireEvent.click(within(form).getByLabelText('한부모 가구'));
    fireEvent.click(within(form).getByLabelText('독거 노인'));
    fireEvent.click(within(form).getByTestId('survey-exclude-insured'));
    fireEvent.click(within(form).getByTestId('survey-submit'));
    expect(await within(form).findByText('시작일이 종료일보다 늦을 수 없습니다.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
    type(within(form).getByTestId('survey-ends-on'), '2026-05-31');
    fireEvent.click(within(form).getByTestId('survey-submit'));
    await screen.findByTestId('survey-round', {}, SLOW);
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: '2026년 상반기 실태조사',
      startsOn: '2026-03-01',
      endsOn: '2026-05-31',
      criteria: {
        categories: ['single_parent', 'elderly_living_alone'],
        excludeOnLivelihoodOrMedicalAid: true,
        excludeInsuredRegularWorkers: false,
      },
    });
    // A plan manager sees no person: no checks list.
    expect(screen.queryByTestId('check-table')).toBeNull();
  });

  it('shows progress by organization as a table beside a chart hidden from assistive technology', async () => {
    vi.stubGlobal('fetch', vi.fn(surveyServer(['case_worker']).fetch));
    renderApp(`/protection/surveys/${ROUND_ID}`);
    const table = await screen.findByTestId('survey-by-organization', {}, SLOW);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['서울남부하나센터', '70', '20', '<5'],
      ['서울북부하나센터', '50', '10', '5'],
    ]);
    const section = table.closest('section') as HTMLElement;
    expect(section.querySelector('[aria-hidden="true"]')).not.toBeNull();
    expect(screen.getByTestId('survey-finding-crisis_suspect').textContent).toBe('<5');
    expect(screen.getByTestId('survey-finding-no_concern').textContent).toBe('18');
  });

  it('records a check result with the version seen', async () => {
    const server = surveyServer(['case_worker']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/protection/surveys/${ROUND_ID}`);
    const row = await screen.findByTestId(`check-row-${PERSON.code}`, {}, SLOW);
    // A case worker does not assign checks.
    expect(within(row).queryByTestId('check-assign')).toBeNull();
    fireEvent.click(within(row).getByTestId('check-record'));
    const form = await screen.findByTestId('check-result-form');
    fireEvent.change(within(form).getByTestId('check-finding'), { target: { value: 'crisis_suspect' } });
    type(within(form).getByTestId('check-checked-on'), '2026-03-10');
    fireEvent.change(within(form).getByTestId('check-method'), { target: { value: 'phone' } });
    fireEvent.click(within(form).getByTestId('check-submit'));
    await waitFor(() => expect(screen.queryByTestId('check-result-form')).toBeNull(), SLOW);
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      finding: 'crisis_suspect',
      checkedOn: '2026-03-10',
      method: 'phone',
      version: 4,
    });
  });

  it('lets the center manager assign a check and filter the list on the server', async () => {
    const server = surveyServer(['center_manager']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/protection/surveys/${ROUND_ID}`);
    const row = await screen.findByTestId(`check-row-${PERSON.code}`, {}, SLOW);
    const select = within(row).getByRole('combobox', { name: `${PERSON.code} 담당자` });
    await within(row).findByRole('option', { name: OTHER_WORKER.displayName }, SLOW);
    fireEvent.change(select, { target: { value: OTHER_WORKER.id } });
    fireEvent.click(within(row).getByTestId('check-assign-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.path.endsWith('/assign'))).toBe(true), SLOW);
    expect(server.requests.find((r) => r.path.endsWith('/assign'))?.body).toEqual({
      assigneeId: OTHER_WORKER.id,
      version: 4,
    });
    fireEvent.change(screen.getByTestId('check-filter-status'), { target: { value: 'pending' } });
    await waitFor(() => {
      const last = server.requests.filter((r) => r.path.endsWith('/checks')).at(-1);
      expect(last?.query.get('status')).toBe('pending');
    }, SLOW);
  });
});
