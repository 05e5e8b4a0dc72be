// @vitest-environment happy-dom
import type { Me } from '@ieum/domain';
import { addDays, koreanToday } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../platform/api';
import { i18n } from '../../../platform/i18n';
import { fakeServer, json, makeMe, noContent, session } from '../../../testing/fake-server';
import { renderApp } from '../../../testing/render';
import type { ConsultationData, PlanDetailData } from '../api';
import {
  CONSULTATION,
  comment,
  FRESH_CONSULTATION,
  LEGAL_AID,
  MEMBER,
  MOE,
  MOEL,
  PLAN,
  PLAN_ID,
  REPORTER,
  SEOUL,
  TASK_SCHOOL,
} from './fixtures';
import { reporterOf, SLOW, type } from './test-helpers';

function consultationServer(
  me: Me,
  consultation: ConsultationData = CONSULTATION,
  plan: PlanDetailData = PLAN,
  routes: Parameters<typeof fakeServer>[0] = {},
) {
  return fakeServer({
    'GET /api/auth/session': session(me, 'csrf-plan'),
    [`GET /api/plans/${PLAN_ID}`]: () => json(plan),
    [`GET /api/plans/${PLAN_ID}/consultation`]: () => json(consultation),
    ...routes,
  });
}

const posts = (server: ReturnType<typeof consultationServer>, path: string) =>
  server.requests.filter((r) => r.method === 'POST' && r.path === path);

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the consultation tab', () => {
  it('counts who has answered, a "no comment" included, and lists each invitee', async () => {
    vi.stubGlobal('fetch', vi.fn(consultationServer(makeMe(['plan_manager'])).fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const table = await screen.findByTestId('plan-invitees', {}, SLOW);
    expect(screen.getByTestId('plan-invitees-summary').textContent).toBe(
      '협의 대상 기관 3곳 중 2곳 회신대책협의회 위원 1명 중 1명 회신',
    );
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    const seoul = within(table).getByTestId(`plan-invitee-${SEOUL.id}`);
    expect(within(seoul).getByTestId('plan-invitee-answered').textContent).toBe('미회신');
    const member = within(table).getByTestId(`plan-invitee-${MEMBER.id}`);
    expect(member.textContent).toBe('위원박위원회신0의견 없음');
    expect(screen.getByTestId('plan-consultation-period').textContent).toContain(' ~ ');
    expect(screen.getByTestId('plan-consultation-xlsx').getAttribute('href')).toBe(
      `/api/plans/${PLAN_ID}/consultation/export.xlsx`,
    );
    // The plan is no longer a draft: the manager reads the setup, no form.
    expect(screen.queryByTestId('plan-consultation-form')).toBeNull();
  });

  it('lets an invited task reporter comment on one task during the period, and answer "no comment"', async () => {
    const server = consultationServer(reporterOf(SEOUL), FRESH_CONSULTATION, PLAN, {
      [`POST /api/plans/${PLAN_ID}/comments`]: () =>
        json(comment(3, { taskKey: TASK_SCHOOL.key, taskCode: '2-1', organization: SEOUL }), 201),
      [`POST /api/plans/${PLAN_ID}/no-comment`]: () => noContent(),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const form = await screen.findByTestId('plan-comment-form', {}, SLOW);
    expect(screen.getByText(/서울특별시 명의로 회신합니다/)).toBeTruthy();
    const target = within(form).getByTestId('plan-comment-target') as HTMLSelectElement;
    expect([...target.options].map((o) => o.textContent)).toEqual([
      '계획 전반',
      '1-1 취업성공패키지 참여 확대',
      '2-1 탈북학생 학습 멘토링',
    ]);

    fireEvent.click(within(form).getByTestId('plan-comment-submit'));
    expect(await within(form).findByText('필수 입력 항목입니다.')).toBeTruthy();
    expect(posts(server, `/api/plans/${PLAN_ID}/comments`)).toHaveLength(0);

    type(target, TASK_SCHOOL.key);
    type(within(form).getByTestId('plan-comment-body'), '지방 학교 멘토 확보 방안을 보완해 주십시오.');
    fireEvent.click(within(form).getByTestId('plan-comment-submit'));
    await waitFor(() => expect(posts(server, `/api/plans/${PLAN_ID}/comments`)).toHaveLength(1), SLOW);
    expect(posts(server, `/api/plans/${PLAN_ID}/comments`)[0]?.body).toEqual({
      taskKey: TASK_SCHOOL.key,
      body: '지방 학교 멘토 확보 방안을 보완해 주십시오.',
    });

    fireEvent.click(screen.getByTestId('plan-no-comment'));
    await waitFor(() => expect(posts(server, `/api/plans/${PLAN_ID}/no-comment`)).toHaveLength(1), SLOW);
    expect(posts(server, `/api/plans/${PLAN_ID}/no-comment`)[0]?.body).toEqual({ noComment: true });
  });

  it('lets a council member invited in their own name comment, though their organization is not invited', async () => {
    const me = reporterOf(LEGAL_AID, { id: MEMBER.id, displayName: MEMBER.displayName });
    vi.stubGlobal('fetch', vi.fn(consultationServer(me).fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    await screen.findByTestId('plan-comment-form', {}, SLOW);
    expect(screen.getByText(/대책협의회 위원 본인 명의로 회신합니다/)).toBeTruthy();
    // They already answered "no comment": said so, no second button.
    expect(screen.getByTestId('plan-no-comment-done')).toBeTruthy();
    expect(screen.queryByTestId('plan-no-comment')).toBeNull();
  });

  it('tells a task reporter whose organization was not invited why they cannot comment', async () => {
    vi.stubGlobal('fetch', vi.fn(consultationServer(reporterOf(LEGAL_AID)).fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const refused = await screen.findByTestId('plan-comment-refused', {}, SLOW);
    expect(refused.textContent).toBe(
      '귀하와 소속 기관은 이 계획의 협의 대상이 아니므로 의견을 제출할 수 없습니다.',
    );
    expect(screen.queryByTestId('plan-comment-form')).toBeNull();
    expect(screen.queryByTestId('plan-no-comment')).toBeNull();
  });

  it('tells an invitee the period has ended the day after its last day', async () => {
    const yesterday = addDays(koreanToday(new Date()), -1);
    const ended = { ...CONSULTATION, startsOn: addDays(yesterday, -6), endsOn: yesterday };
    vi.stubGlobal('fetch', vi.fn(consultationServer(reporterOf(MOEL), ended).fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const refused = await screen.findByTestId('plan-comment-refused', {}, SLOW);
    expect(refused.getAttribute('data-reason')).toBe('consultation_ended');
    expect(refused.textContent).toContain('끝나 더 이상 의견을 받지 않습니다');
  });

  it('shows each comment with what it is about, its review and reason, and filters them', async () => {
    vi.stubGlobal('fetch', vi.fn(consultationServer(reporterOf(MOEL)).fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const first = await screen.findByTestId('plan-comment-1', {}, SLOW);
    expect(within(first).getByTestId('plan-comment-target').textContent).toBe(
      '과제 2-1 탈북학생 학습 멘토링',
    );
    expect(within(first).getByTestId('plan-comment-resolution').textContent).toBe('일부 반영');
    expect(within(first).getByTestId('plan-comment-reason').textContent).toBe(
      '사유: 예산 범위 안에서 시범 운영합니다.',
    );
    expect(first.textContent).toContain('이총괄 검토');
    const second = screen.getByTestId('plan-comment-2');
    expect(within(second).getByTestId('plan-comment-target').textContent).toBe('계획 전반');
    expect(within(second).getByTestId('plan-comment-resolution').textContent).toBe('검토 대기');
    expect(second.textContent).toContain(`${REPORTER.displayName} · 고용노동부`);
    expect(screen.getByTestId('plan-comments-counts').textContent).toBe('전체 2건 · 검토 대기 1건');
    // A reporter reviews nothing.
    expect(screen.queryByTestId(`plan-resolve-${CONSULTATION.comments[1]?.id}`)).toBeNull();

    type(screen.getByTestId('plan-comments-filter'), 'plan');
    await waitFor(() => expect(screen.queryByTestId('plan-comment-1')).toBeNull());
    expect(screen.getByTestId('plan-comment-2')).toBeTruthy();
    type(screen.getByTestId('plan-comments-filter'), TASK_SCHOOL.key);
    await waitFor(() => expect(screen.queryByTestId('plan-comment-2')).toBeNull());
    expect(screen.getByTestId('plan-comment-1')).toBeTruthy();
  });

  it('makes the plan manager give a reason for a comment not accepted, then sends it at the comment’s version', async () => {
    const unresolved = CONSULTATION.comments[1];
    if (!unresolved) throw new Error('fixture');
    const path = `/api/plans/comments/${unresolved.id}/resolution`;
    const server = consultationServer(makeMe(['plan_manager']), CONSULTATION, PLAN, {
      [`POST ${path}`]: () =>
        json({ ...unresolved, resolution: 'not_accepted', resolutionReason: '이미 반영됨', version: 4 }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const form = await screen.findByTestId(`plan-resolve-${unresolved.id}`, {}, SLOW);
    // The resolved comment has no form.
    expect(screen.queryByTestId(`plan-resolve-${CONSULTATION.comments[0]?.id}`)).toBeNull();

    type(within(form).getByTestId('plan-resolve-resolution'), 'not_accepted');
    fireEvent.click(within(form).getByTestId('plan-resolve-submit'));
    expect(
      await within(form).findByText('미반영 또는 일부 반영한 경우 사유를 입력해 주십시오.'),
    ).toBeTruthy();
    expect(posts(server, path)).toHaveLength(0);

    type(
      within(form).getByTestId('plan-resolve-reason'),
      '분기 점검은 이미 과제별 실적 보고로 하고 있습니다.',
    );
    fireEvent.click(within(form).getByTestId('plan-resolve-submit'));
    await waitFor(() => expect(posts(server, path)).toHaveLength(1), SLOW);
    expect(posts(server, path)[0]?.body).toEqual({
      resolution: 'not_accepted',
      reason: '분기 점검은 이미 과제별 실적 보고로 하고 있습니다.',
      version: 3,
    });
  });

  it('accepts a comment without a reason', async () => {
    const unresolved = CONSULTATION.comments[1];
    if (!unresolved) throw new Error('fixture');
    const path = `/api/plans/comments/${unresolved.id}/resolution`;
    const server = consultationServer(makeMe(['plan_manager']), CONSULTATION, PLAN, {
      [`POST ${path}`]: () =>
        json({ ...unresolved, resolution: 'accepted', resolutionReason: '', version: 4 }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const form = await screen.findByTestId(`plan-resolve-${unresolved.id}`, {}, SLOW);
    type(within(form).getByTestId('plan-resolve-resolution'), 'accepted');
    fireEvent.click(within(form).getByTestId('plan-resolve-submit'));
    await waitFor(() => expect(posts(server, path)).toHaveLength(1), SLOW);
    expect(posts(server, path)[0]?.body).toEqual({ resolution: 'accepted', reason: '', version: 3 });
  });

  it('reads in English', async () => {
    await i18n.changeLanguage('en');
    const me = reporterOf(LEGAL_AID, { locale: 'en' });
    const organizations = [MOE, MOEL].map((o) => ({ ...o, type: 'ministry', region: null }));
    const server = consultationServer(me, CONSULTATION, PLAN, {
      'GET /api/reference/organizations': () => json({ items: organizations }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    await screen.findByTestId('plan-invitees', {}, SLOW);
    expect(screen.getByRole('heading', { level: 2, name: 'Answers' })).toBeTruthy();
    expect(screen.getByTestId('plan-invitees-summary').textContent).toBe(
      '2 of 3 invited organizations have answered1 of 1 council members have answered',
    );
    // Organizations by their English names where known; the others as the consultation names them.
    await waitFor(() =>
      expect(screen.getByTestId(`plan-invitee-${MOE.id}`).textContent).toContain(MOE.nameEn),
    );
    expect(screen.getByTestId(`plan-invitee-${SEOUL.id}`).textContent).toContain('서울특별시');
    expect(screen.getByTestId('plan-comment-refused').textContent).toBe(
      'Neither you nor your organization was invited to comment on this plan.',
    );
    const first = screen.getByTestId('plan-comment-1');
    expect(within(first).getByTestId('plan-comment-target').textContent).toBe(
      'Task 2-1 탈북학생 학습 멘토링',
    );
    expect(within(first).getByTestId('plan-comment-resolution').textContent).toBe('Partly accepted');
    expect(first.textContent).toContain(MOE.nameEn);
  });
});
