// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, problem, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import type { AlertDetailData } from './api';
import { contactInstant } from './ContactForm';
import { ALERT_DETAIL, ALERT_ID, OTHER_WORKER, WORKER } from './fixtures';

const SLOW = { timeout: 10_000 };
const ID = '0190a6b2-0000-7000-8000-0000000000f1';

type Routes = Parameters<typeof fakeServer>[0];

function alertServer(
  initial: AlertDetailData,
  routes: Routes = {},
  roles: Parameters<typeof makeMe>[0] = ['case_worker'],
  locale: 'ko' | 'en' = 'ko',
) {
  let alert = initial;
  const server = fakeServer({
    'GET /api/auth/session': session(makeMe(roles, { locale }), 'csrf-alert'),
    [`GET /api/protection/alerts/${ALERT_ID}`]: () => json(alert),
    'GET /api/cases/workers': () => json({ items: [WORKER, OTHER_WORKER] }),
    ...routes,
  });
  return { ...server, set: (next: AlertDetailData) => (alert = next) };
}

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const posts = (server: { requests: { method: string; path: string; body: unknown }[] }, action: string) =>
  server.requests.filter(
    (r) => r.method === 'POST' && r.path === `/api/protection/alerts/${ALERT_ID}/${action}`,
  );

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('one crisis alert', () => {
  it('explains the score reason by reason in Korean, with the sum, the signals and the history', async () => {
    vi.stubGlobal('fetch', vi.fn(alertServer(ALERT_DETAIL).fetch));
    renderApp(`/protection/alerts/${ALERT_ID}`);
    const reasons = await screen.findByTestId('score-reasons', {}, SLOW);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('위기 알림 P-7K3M-Q9XA');
    expect(
      within(reasons)
        .getAllByTestId('score-reason')
        .map((item) => item.textContent),
    ).toEqual([
      '임대료 체납: 한국토지주택공사(LH)·지방공사에서 2026-03-01에 확인, 최대 8개월 (+30점)',
      '단수: 지방자치단체 상수도사업본부에서 2026-03-02에 확인 (+25점)',
      '생활고 신호가 있는 가구에 18세 미만 자녀 1명 (+10점)',
      '취약 유형: 한부모 가구 (+8점)',
    ]);
    expect(screen.getByTestId('score-sum').textContent).toBe('합계 73점');
    expect(screen.getByTestId('alert-score').textContent).toBe('73');
    const signals = screen.getByTestId('signals-table');
    expect(within(signals).getByTestId('signal-rent_arrears').textContent).toContain('8개월');
    expect(within(signals).getByTestId('signal-rent_arrears').textContent).toContain('한국토지주택공사');
    expect(within(signals).getByTestId('signal-water_cutoff').textContent).toContain('직원 입력');
    expect(screen.getByTestId('alert-event-opened').textContent).toContain('알림 생성');
    // A case worker does not assign; the alert is unassigned, so it offers to take it.
    expect(screen.queryByTestId('alert-assign')).toBeNull();
    expect(screen.getByTestId('alert-take')).toBeTruthy();
  });

  it('says when the score was held to 100', async () => {
    const heavy = { ...ALERT_DETAIL, score: 100, reasons: [{ ...ALERT_DETAIL.reasons[0], points: 120 }] };
    vi.stubGlobal('fetch', vi.fn(alertServer(heavy as AlertDetailData).fetch));
    renderApp(`/protection/alerts/${ALERT_ID}`);
    expect(
      await screen.findByText(
        '점수는 0~100점 범위로 맞추므로 합계 120점은 100점으로 반영했습니다.',
        {},
        SLOW,
      ),
    ).toBeTruthy();
  });

  it('records a reached contact in Korea time with the needs, and the version seen', async () => {
    const server = alertServer(ALERT_DETAIL, {
      [`POST /api/protection/alerts/${ALERT_ID}/contacts`]: () => json({ id: ID }, 201),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/protection/alerts/${ALERT_ID}`);
    const form = await screen.findByTestId('contact-form', {}, SLOW);
    type(within(form).getByTestId('contact-at'), '2026-03-02T14:30');
    fireEvent.change(within(form).getByTestId('contact-method'), { target: { value: 'visit' } });
    fireEvent.click(within(form).getByTestId('contact-submit'));
    // Reached or not must be said.
    expect(await within(form).findByText('항목을 선택해 주십시오.')).toBeTruthy();
    expect(posts(server, 'contacts')).toHaveLength(0);
    fireEvent.click(within(form).getByLabelText('연락됨'));
    type(within(form).getByTestId('contact-findings'), '단수 상태 확인, 자녀와 함께 거주');
    fireEvent.click(within(form).getByLabelText('공과금'));
    fireEvent.click(within(form).getByLabelText('생계'));
    fireEvent.click(within(form).getByTestId('contact-submit'));
    await waitFor(() => expect(posts(server, 'contacts')).toHaveLength(1), SLOW);
    expect(posts(server, 'contacts')[0]?.body).toEqual({
      contactedAt: '2026-03-02T05:30:00.000Z',
      method: 'visit',
      reached: true,
      findings: '단수 상태 확인, 자녀와 함께 거주',
      needs: ['utilities', 'livelihood'],
      version: 1,
    });
  });

  it('shows the server’s field error next to the field, keeping what was typed', async () => {
    const server = alertServer(ALERT_DETAIL, {
      [`POST /api/protection/alerts/${ALERT_ID}/services`]: () =>
        problem(400, 'validation.failed', '입력값을 확인해 주십시오.', {
          errors: [{ path: '/body/providedOn', message: '제공일은 오늘 이후일 수 없습니다.' }],
        }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/protection/alerts/${ALERT_ID}`);
    const form = await screen.findByTestId('service-form', {}, SLOW);
    fireEvent.change(within(form).getByTestId('service-kind'), { target: { value: 'emergency_welfare' } });
    fireEvent.change(within(form).getByTestId('service-provider'), { target: { value: 'local_government' } });
    type(within(form).getByTestId('service-provider-name'), '관악구청');
    type(within(form).getByTestId('service-amount'), '1,200,000');
    type(within(form).getByTestId('service-provided-on'), '2099-01-01');
    fireEvent.click(within(form).getByTestId('service-submit'));
    expect(await within(form).findByText('제공일은 오늘 이후일 수 없습니다.', {}, SLOW)).toBeTruthy();
    expect(posts(server, 'services')[0]?.body).toMatchObject({
      kind: 'emergency_welfare',
      provider: 'local_government',
      providerName: '관악구청',
      amount: 1_200_000,
      outcome: 'provided',
      providedOn: '2099-01-01',
      version: 1,
    });
    expect((within(form).getByTestId('service-provider-name') as HTMLInputElement).value).toBe('관악구청');
  });

  it('needs a follow-up date to close unless the person has died, and asks once more', async () => {
    const server = alertServer(ALERT_DETAIL, {
      [`POST /api/protection/alerts/${ALERT_ID}/close`]: () => {
        server.set({
          ...ALERT_DETAIL,
          status: 'closed',
          outcome: 'supported',
          followUpOn: '2026-04-01',
          closedAt: '2026-03-03T01:00:00Z',
          version: 2,
        });
        return noContent();
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/protection/alerts/${ALERT_ID}`);
    const form = await screen.findByTestId('close-form', {}, SLOW);
    fireEvent.change(within(form).getByTestId('close-outcome'), { target: { value: 'supported' } });
    fireEvent.click(within(form).getByTestId('close-submit'));
    expect(await within(form).findByText('사후 확인일을 입력해 주십시오.')).toBeTruthy();
    type(within(form).getByTestId('close-follow-up'), '2026-04-01');
    fireEvent.click(within(form).getByTestId('close-submit'));
    fireEvent.click(await screen.findByTestId('close-confirm'));
    await screen.findByTestId('alert-closed-notice', {}, SLOW);
    expect(posts(server, 'close')[0]?.body).toEqual({
      outcome: 'supported',
      followUpOn: '2026-04-01',
      version: 1,
    });
    expect(screen.getByTestId('alert-outcome').textContent).toBe('지원 연계 완료');
    expect(screen.queryByTestId('contact-form')).toBeNull();
  });

  it('closes for a death without a follow-up date', async () => {
    const server = alertServer(ALERT_DETAIL, {
      [`POST /api/protection/alerts/${ALERT_ID}/close`]: () => noContent(),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/protection/alerts/${ALERT_ID}`);
    const form = await screen.findByTestId('close-form', {}, SLOW);
    fireEvent.change(within(form).getByTestId('close-outcome'), { target: { value: 'deceased' } });
    fireEvent.click(within(form).getByTestId('close-submit'));
    fireEvent.click(await screen.findByTestId('close-confirm'));
    await waitFor(() => expect(posts(server, 'close')).toHaveLength(1), SLOW);
    expect(posts(server, 'close')[0]?.body).toEqual({ outcome: 'deceased', version: 1 });
  });

  it('lets the center manager assign it, and reports a stale version with a reload', async () => {
    const server = alertServer(
      ALERT_DETAIL,
      {
        [`POST /api/protection/alerts/${ALERT_ID}/assign`]: () =>
          problem(409, 'conflict.stale', '다른 사용자가 먼저 수정했습니다.'),
      },
      ['center_manager'],
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/protection/alerts/${ALERT_ID}`);
    const form = await screen.findByTestId('alert-assign', {}, SLOW);
    await within(form).findByRole('option', { name: '박두리' }, SLOW);
    fireEvent.change(within(form).getByTestId('alert-assign-worker'), { target: { value: OTHER_WORKER.id } });
    fireEvent.click(within(form).getByTestId('alert-assign-submit'));
    const stale = await within(form).findByTestId('protection-stale', {}, SLOW);
    expect(stale.textContent).toContain('다른 사용자가 먼저 변경했습니다');
    expect(posts(server, 'assign')[0]?.body).toEqual({ assigneeId: OTHER_WORKER.id, version: 1 });
    const reads = server.requests.filter((r) => r.path === `/api/protection/alerts/${ALERT_ID}`).length;
    fireEvent.click(within(stale).getByTestId('protection-reload'));
    await waitFor(
      () =>
        expect(server.requests.filter((r) => r.path === `/api/protection/alerts/${ALERT_ID}`).length).toBe(
          reads + 1,
        ),
      SLOW,
    );
  });

  it('reads in English, reasons included', async () => {
    vi.stubGlobal('fetch', vi.fn(alertServer(ALERT_DETAIL, {}, ['case_worker'], 'en').fetch));
    await i18n.changeLanguage('en');
    renderApp(`/protection/alerts/${ALERT_ID}`);
    const reasons = await screen.findByTestId('score-reasons', {}, SLOW);
    expect(reasons.textContent).toContain(
      'Rent arrears: reported by Korea Land and Housing Corporation (LH), local housing corporations on 2026-03-01, up to 8 months (+30 pt)',
    );
    expect(screen.getByTestId('score-sum').textContent).toBe('Total 73 pt');
    expect(screen.getByTestId('alert-level').textContent).toBe('Crisis');
  });
});

describe('the instant of a contact', () => {
  it('takes a contact typed in the minute the alert opened as the opening, and leaves others alone', () => {
    // Opened at 10:14:26 Korea time.
    const openedAt = '2026-03-02T01:14:26.000Z';
    expect(contactInstant('2026-03-02T10:14', openedAt)).toBe(openedAt);
    expect(contactInstant('2026-03-02T10:15', openedAt)).toBe('2026-03-02T01:15:00.000Z');
    // Further back it is the user's mistake to see: the server says so beside the field.
    expect(contactInstant('2026-03-02T10:13', openedAt)).toBe('2026-03-02T01:13:00.000Z');
    expect(contactInstant('', openedAt)).toBeNull();
  });
});
