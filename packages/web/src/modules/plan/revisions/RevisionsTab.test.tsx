// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../platform/api';
import { i18n } from '../../../platform/i18n';
import { fakeServer, json, makeMe, session } from '../../../testing/fake-server';
import { renderApp } from '../../../testing/render';
import type { PlanDetailData, PlanListItemData } from '../api';
import { PLAN } from '../consultation/fixtures';
import { SLOW, type } from '../consultation/test-helpers';

const REV_1 = '0a100000-0000-4000-8000-000000000001';
const REV_2 = '0a100000-0000-4000-8000-000000000002';
const REV_3 = '0a100000-0000-4000-8000-000000000003';
const OTHER_YEAR = '0a100000-0000-4000-8000-000000000009';

function listItem(id: string, revision: number, overrides: Partial<PlanListItemData> = {}): PlanListItemData {
  const { summary: _s, masterPlan: _m, categories: _c, ...item } = PLAN;
  return { ...item, id, revision, previousRevisionId: null, ...overrides };
}

const LIST = {
  items: [
    listItem(OTHER_YEAR, 1, { year: 2019, status: 'closed', finalizedAt: '2019-02-20T01:00:00.000Z' }),
    listItem(REV_3, 3, { status: 'draft', previousRevisionId: REV_2, finalizedAt: null }),
    listItem(REV_1, 1, {
      status: 'closed',
      finalizedAt: '2020-02-20T01:00:00.000Z',
      supersededById: REV_2,
    }),
    listItem(REV_2, 2, {
      status: 'in_execution',
      previousRevisionId: REV_1,
      finalizedAt: '2020-06-01T01:00:00.000Z',
    }),
  ],
};

const detail = (id: string): PlanDetailData => {
  const item = LIST.items.find((i) => i.id === id);
  if (!item) throw new Error(id);
  return { ...PLAN, ...item };
};

const DIFF_2 = {
  fromPlanId: REV_1,
  toPlanId: REV_2,
  fromRevision: 1,
  toRevision: 2,
  changes: [
    { kind: 'task_added', text: '과제 1-3 ‘직업훈련 수당 인상’ 신설(주관: 고용노동부)' },
    { kind: 'task_changed', text: '과제 2-1 ‘탈북학생 학습 멘토링’ 설명 수정' },
  ],
};

function revisionsServer(id: string, diffs: Record<string, unknown> = {}) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['plan_manager']), 'csrf-plan'),
    'GET /api/plans': () => json(LIST),
    [`GET /api/plans/${id}`]: () => json(detail(id)),
    [`GET /api/plans/${id}/diff`]: (request) => json(diffs[request.query.get('from') ?? ''] ?? DIFF_2),
  });
}

const diffRequests = (server: ReturnType<typeof revisionsServer>) =>
  server.requests.filter((r) => r.path.endsWith('/diff'));

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the revisions tab', () => {
  it('lists the year’s revisions in order, each linked, and the changes against the predecessor', async () => {
    const server = revisionsServer(REV_2);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${REV_2}/revisions`);
    const list = await screen.findByTestId('plan-revision-list', {}, SLOW);
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-testid'))).toEqual([
      'plan-revision-1',
      'plan-revision-2',
      'plan-revision-3',
    ]);
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: '최초 수립' })
        .getAttribute('href'),
    ).toBe(`/plans/${REV_1}/revisions`);
    expect(rows[0]?.textContent).toContain('종료');
    expect(rows[1]?.textContent).toContain('1차 개정 (현재 보고 있는 개정)');
    expect(within(rows[1] as HTMLElement).queryByRole('link')).toBeNull();
    expect(rows[1]?.querySelector('[aria-current="page"]')).not.toBeNull();
    expect(rows[2]?.textContent).toContain('미확정');

    const diff = await screen.findByTestId('plan-diff', {}, SLOW);
    expect(
      within(diff)
        .getAllByTestId('plan-diff-change')
        .map((item) => item.textContent),
    ).toEqual([
      '신설과제 1-3 ‘직업훈련 수당 인상’ 신설(주관: 고용노동부)',
      '변경과제 2-1 ‘탈북학생 학습 멘토링’ 설명 수정',
    ]);
    expect(screen.getByTestId('plan-diff-count').textContent).toBe('변경 2건');
    expect(diffRequests(server).map((r) => r.query.get('from'))).toEqual([null]);
    // Only one earlier revision: nothing else to compare with.
    expect(screen.queryByTestId('plan-diff-from')).toBeNull();
  });

  it('compares with another earlier revision when asked', async () => {
    const against1 = {
      ...DIFF_2,
      toPlanId: REV_3,
      toRevision: 3,
      changes: [{ kind: 'task_removed', text: '과제 1-1 삭제' }],
    };
    const server = revisionsServer(REV_3, {
      [REV_1]: against1,
      '': { ...DIFF_2, fromPlanId: REV_2, fromRevision: 2, toRevision: 3, changes: [] },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${REV_3}/revisions`);
    expect(await screen.findByTestId('plan-diff-empty', {}, SLOW)).toBeTruthy();
    const from = screen.getByTestId('plan-diff-from') as HTMLSelectElement;
    expect([...from.options].map((o) => o.textContent)).toEqual(['1차 개정 (직전)', '최초 수립']);
    type(from, REV_1);
    const diff = await screen.findByTestId('plan-diff', {}, SLOW);
    expect(diff.textContent).toBe('삭제과제 1-1 삭제');
    await waitFor(() => expect(diffRequests(server).map((r) => r.query.get('from'))).toEqual([null, REV_1]));
  });

  it('says a plan as first adopted has nothing to compare with, and asks for no diff', async () => {
    const server = revisionsServer(REV_1);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${REV_1}/revisions`);
    expect((await screen.findByTestId('plan-diff-none', {}, SLOW)).textContent).toBe(
      '최초 수립된 계획이므로 비교할 이전 개정이 없습니다.',
    );
    await screen.findByTestId('plan-revision-list', {}, SLOW);
    expect(diffRequests(server)).toHaveLength(0);
  });
});
