// @vitest-environment happy-dom
import type { RecipientReferral } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, problem, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import { RECEIVED_REFERRAL, REFERRAL_ID, type } from './testing';

const SLOW = { timeout: 10_000 };

function partnerServer(initial: RecipientReferral = RECEIVED_REFERRAL) {
  let referral = initial;
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['partner']), 'csrf-partner'),
    'GET /api/referrals': () => json({ items: [referral], total: 1 }),
    [`GET /api/referrals/${REFERRAL_ID}`]: () => json(referral),
    [`POST /api/referrals/${REFERRAL_ID}/accept`]: (request) => {
      if ((request.body as { version: number }).version !== referral.version) {
        return problem(409, 'conflict.stale', '다른 사용자가 먼저 수정했습니다.');
      }
      referral = {
        ...referral,
        status: 'accepted',
        allowedActions: ['complete'],
        version: referral.version + 1,
        history: [
          ...referral.history,
          {
            status: 'accepted',
            at: '2026-03-03T01:00:00Z',
            organizationName: '대한법률구조공단',
            note: null,
          },
        ],
      };
      return noContent();
    },
    [`POST /api/referrals/${REFERRAL_ID}/decline`]: () => noContent(),
  });
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

describe('a referral as the partner receives it', () => {
  it('lists it in the received box without any personal data', async () => {
    vi.stubGlobal('fetch', vi.fn(partnerServer().fetch));
    renderApp('/referrals');
    const row = await screen.findByTestId(`referral-row-${REFERRAL_ID}`, {}, SLOW);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(row.textContent).toContain('서울남부하나센터');
    expect(row.textContent).toContain('법률 지원');
    expect(row.textContent).toContain('회신 대기');
    expect(row.textContent).not.toContain('김영희');
    // A partner has no sent box.
    expect(screen.queryByTestId('referral-box-sent')).toBeNull();
  });

  it('shows only the carried categories, and is accepted with the version seen', async () => {
    const server = partnerServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/referrals/${REFERRAL_ID}`);
    const carried = await screen.findByTestId('referral-carried', {}, SLOW);
    expect(within(carried).getByTestId('carried-identity').textContent).toContain('김영희');
    expect(within(carried).getByTestId('carried-identity').textContent).toContain('1985. 03. 05.');
    expect(within(carried).getByTestId('carried-needs').textContent).toBe('욕구 평가법률: 4점(0~4)');
    expect(within(carried).queryByTestId('carried-contact')).toBeNull();
    expect(within(carried).queryByTestId('carried-case-summary')).toBeNull();
    expect(screen.getByTestId('referral-categories').textContent).toBe('인적사항(성명·생년월일), 법률');
    expect(screen.queryByTestId('referral-cancel')).toBeNull();

    fireEvent.click(screen.getByTestId('referral-accept'));
    await waitFor(() => expect(screen.getByTestId('referral-status').textContent).toBe('수락'), SLOW);
    const accept = server.requests.find((r) => r.method === 'POST');
    expect(accept?.path).toBe(`/api/referrals/${REFERRAL_ID}/accept`);
    expect(accept?.body).toEqual({ version: 1 });
    expect(accept?.headers['x-csrf-token']).toBe('csrf-partner');
    expect(screen.queryByTestId('referral-accept')).toBeNull();
    expect(screen.getByTestId('referral-complete')).toBeTruthy();
    expect(screen.getByTestId('referral-history').textContent).toContain('수락');
  });

  it('asks for a reason before declining, and sends it', async () => {
    const server = partnerServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/referrals/${REFERRAL_ID}`);
    fireEvent.click(await screen.findByTestId('referral-decline', {}, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('referral-action-submit'));
    expect(await within(dialog).findByText('필수 입력 항목입니다.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
    type(within(dialog).getByTestId('referral-action-text'), '이해 상충');
    fireEvent.click(within(dialog).getByTestId('referral-action-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      version: 1,
      reason: '이해 상충',
    });
  });

  it("says why the person's data cannot be shown once the consent has lapsed", async () => {
    const message = '정보 제공 동의가 철회되었거나 만료되어 이 의뢰의 개인정보를 볼 수 없습니다.';
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fakeServer({
          'GET /api/auth/session': session(makeMe(['partner'])),
          [`GET /api/referrals/${REFERRAL_ID}`]: () => problem(403, 'referral.consent_lapsed', message),
        }).fetch,
      ),
    );
    renderApp(`/referrals/${REFERRAL_ID}`);
    expect(await screen.findByText(message, {}, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('referral-carried')).toBeNull();
  });
});
