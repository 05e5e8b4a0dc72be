// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../platform/api';
import { i18n } from '../../../platform/i18n';
import { fakeServer, json, makeMe, problem, session } from '../../../testing/fake-server';
import { renderApp } from '../../../testing/render';
import { CONSULTATION, DRAFT, LEGAL_AID, MEMBER, MOE, MOEL, PLAN_ID, SEOUL } from './fixtures';
import { pick, SLOW, type } from './test-helpers';

const ORGANIZATIONS = [MOE, MOEL, SEOUL, LEGAL_AID].map((o) => ({ ...o, type: 'ministry', region: null }));
const CANDIDATES = { items: [{ id: MEMBER.id, displayName: MEMBER.displayName, organization: LEGAL_AID }] };

function setupServer(routes: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['plan_manager']), 'csrf-plan'),
    [`GET /api/plans/${PLAN_ID}`]: () => json(DRAFT),
    'GET /api/reference/organizations': () => json({ items: ORGANIZATIONS }),
    'GET /api/plans/council-candidates': () => json(CANDIDATES),
    ...routes,
  });
}

const puts = (server: ReturnType<typeof setupServer>) =>
  server.requests.filter((r) => r.method === 'PUT' && r.path === `/api/plans/${PLAN_ID}/consultation`);

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the consultation setup', () => {
  it('takes a draft with no consultation yet (404), refuses an end before the start in Korean, then sends the write input at the plan’s version', async () => {
    const server = setupServer({
      [`PUT /api/plans/${PLAN_ID}/consultation`]: () => json({ ...CONSULTATION, version: 8 }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const form = await screen.findByTestId('plan-consultation-form', {}, SLOW);
    expect(form.textContent).toContain('협의 기간과 협의 대상을 정하여 저장한 뒤');

    type(within(form).getByTestId('plan-consultation-starts-on'), '2020-02-13');
    type(within(form).getByTestId('plan-consultation-ends-on'), '2020-02-07');
    type(within(form).getByTestId('plan-consultation-message'), '의견을 회신하여 주시기 바랍니다.');
    await pick(within(form).getByTestId('plan-consultation-organizations'), '교육', '교육부');
    await pick(within(form).getByTestId('plan-consultation-members'), '박', '박위원 (대한법률구조공단)');
    fireEvent.click(within(form).getByTestId('plan-consultation-submit'));
    expect(await within(form).findByText('협의 종료일은 시작일보다 빠를 수 없습니다.')).toBeTruthy();
    expect(puts(server)).toHaveLength(0);

    type(within(form).getByTestId('plan-consultation-ends-on'), '2020-02-13');
    fireEvent.click(within(form).getByTestId('plan-consultation-submit'));
    await waitFor(() => expect(puts(server)).toHaveLength(1), SLOW);
    expect(puts(server)[0]?.body).toEqual({
      consultation: {
        startsOn: '2020-02-13',
        endsOn: '2020-02-13',
        message: '의견을 회신하여 주시기 바랍니다.',
        organizationIds: [MOE.id],
        councilMemberIds: [MEMBER.id],
      },
      version: DRAFT.version,
    });
  });

  it('refuses a consultation with nobody invited, beside the organizations', async () => {
    const server = setupServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const form = await screen.findByTestId('plan-consultation-form', {}, SLOW);
    type(within(form).getByTestId('plan-consultation-starts-on'), '2020-02-07');
    type(within(form).getByTestId('plan-consultation-ends-on'), '2020-02-13');
    fireEvent.click(within(form).getByTestId('plan-consultation-submit'));
    expect(
      await within(form).findByText('협의 대상 기관이나 대책협의회 위원을 한 곳(명) 이상 고르십시오.'),
    ).toBeTruthy();
    expect(puts(server)).toHaveLength(0);
  });

  it("edits a set consultation at the plan's version, and says so plainly when someone changed the plan first", async () => {
    const server = setupServer({
      // A consultation read before a task was saved carries the plan's older version: the plan's own is sent.
      [`GET /api/plans/${PLAN_ID}/consultation`]: () => json({ ...CONSULTATION, sentAt: null, version: 5 }),
      [`PUT /api/plans/${PLAN_ID}/consultation`]: () =>
        problem(409, 'conflict.stale', '다른 사용자가 먼저 변경했습니다.'),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/consultation`);
    const form = await screen.findByTestId('plan-consultation-form', {}, SLOW);
    const message = within(form).getByTestId('plan-consultation-message') as HTMLTextAreaElement;
    await waitFor(() => expect(message.value).toBe(CONSULTATION.message));
    type(message, '회신 기한을 지켜 주십시오.');
    fireEvent.click(within(form).getByTestId('plan-consultation-submit'));
    expect(await within(form).findByTestId('plan-consultation-stale', {}, SLOW)).toBeTruthy();
    expect(puts(server)[0]?.body).toEqual({
      consultation: {
        startsOn: CONSULTATION.startsOn,
        endsOn: CONSULTATION.endsOn,
        message: '회신 기한을 지켜 주십시오.',
        organizationIds: [MOE.id, MOEL.id, SEOUL.id],
        councilMemberIds: [MEMBER.id],
      },
      version: DRAFT.version,
    });
    // What was typed is kept for saving again.
    expect(message.value).toBe('회신 기한을 지켜 주십시오.');
  });
});
