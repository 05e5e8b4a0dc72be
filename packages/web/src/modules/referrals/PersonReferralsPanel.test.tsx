// @vitest-environment happy-dom
import type { ConsentView } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { changeLocale, i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, problem, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import {
  choose,
  EMPLOYMENT_CENTER,
  IDENTITY_CONSENT,
  LEGAL_AID,
  RECORDED_BY,
  type,
  WITHDRAWN_CONSENT,
} from './testing';

/** Pages and tabs load their code on first use: on a busy machine, allow time. */
const SLOW = { timeout: 10_000 };

function personServer(consents: ConsentView[], extra: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-referrals'),
    [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
    [`GET /api/persons/${PERSON_ID}/consents`]: () => json({ items: consents }),
    'GET /api/referrals': () => json({ items: [], total: 0 }),
    'GET /api/reference/organizations': () => json({ items: [LEGAL_AID, EMPLOYMENT_CENTER] }),
    ...extra,
  });
}

async function openTab() {
  renderApp(`/persons/${PERSON_ID}`);
  fireEvent.click(await screen.findByTestId('person-tab-referrals', {}, SLOW));
  return screen.findByTestId('consent-table', {}, SLOW);
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

describe('consents on the person page', () => {
  it('shows a withdrawn consent as no longer in force, and records a new one after checking it in place', async () => {
    const consents: ConsentView[] = [WITHDRAWN_CONSENT];
    const server = personServer(consents, {
      [`POST /api/persons/${PERSON_ID}/consents`]: (request) => {
        consents.unshift({ ...IDENTITY_CONSENT, ...(request.body as object), recordedBy: RECORDED_BY });
        return json({ id: IDENTITY_CONSENT.id }, 201);
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    const table = await openTab();
    const withdrawn = await within(table).findByTestId(`consent-row-${WITHDRAWN_CONSENT.id}`);
    expect(withdrawn.getAttribute('data-state')).toBe('withdrawn');
    expect(withdrawn.textContent).toContain('고용센터 전체');
    expect(withdrawn.textContent).toContain('철회');
    expect(withdrawn.textContent).toContain('철회일 2025. 06. 01.');
    expect(within(withdrawn).queryByTestId(`consent-withdraw-${WITHDRAWN_CONSENT.id}`)).toBeNull();

    fireEvent.click(screen.getByTestId('consent-record'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('consent-submit'));
    expect(await within(dialog).findByText('1개 이상 선택해 주십시오.')).toBeTruthy();
    expect(within(dialog).getAllByText('항목을 선택해 주십시오.').length).toBeGreaterThanOrEqual(1);
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    await choose(dialog, 'consent-recipient', '대한법률구조공단 서울북부지부 (법률구조기관)');
    fireEvent.click(within(dialog).getByTestId('consent-category-identity'));
    fireEvent.click(within(dialog).getByTestId('consent-category-legal'));
    await choose(dialog, 'consent-purpose', '법률 지원');
    type(within(dialog).getByTestId('consent-givenOn'), '2026-01-05');
    type(within(dialog).getByTestId('consent-expiresOn'), '2026-12-31');
    fireEvent.click(within(dialog).getByTestId('consent-submit'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe(`/api/persons/${PERSON_ID}/consents`);
    expect(post?.headers['x-csrf-token']).toBe('csrf-referrals');
    expect(post?.body).toEqual({
      recipientOrganizationId: LEGAL_AID.id,
      categories: ['identity', 'legal'],
      purpose: 'legal_aid',
      givenOn: '2026-01-05',
      expiresOn: '2026-12-31',
    });
    const recorded = await screen.findByTestId(`consent-row-${IDENTITY_CONSENT.id}`, {}, SLOW);
    expect(recorded.getAttribute('data-state')).toBe('active');
    expect(recorded.textContent).toContain('인적사항(성명·생년월일), 법률');
  });
});

describe('withdrawing a consent', () => {
  it('sends the version it saw, and in English says so when someone else changed it first', async () => {
    // The language chosen on this device, as the locale switch leaves it.
    await changeLocale('en');
    const consents: ConsentView[] = [IDENTITY_CONSENT];
    let answer: 'stale' | 'done' = 'stale';
    const server = personServer(consents, {
      [`POST /api/consents/${IDENTITY_CONSENT.id}/withdraw`]: () => {
        if (answer === 'stale') return problem(409, 'conflict.stale', 'Someone else changed this first.');
        consents[0] = { ...IDENTITY_CONSENT, state: 'withdrawn', withdrawnOn: '2026-03-02', version: 2 };
        return noContent();
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    await openTab();
    expect((await screen.findByTestId(`consent-row-${IDENTITY_CONSENT.id}`, {}, SLOW)).textContent).toContain(
      'In force',
    );

    fireEvent.click(screen.getByTestId(`consent-withdraw-${IDENTITY_CONSENT.id}`));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/cannot be undone/)).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('consent-withdraw-confirm'));
    expect(await within(dialog).findByText(i18n.t('errors.stale'), {}, SLOW)).toBeTruthy();

    answer = 'done';
    fireEvent.click(within(dialog).getByTestId('consent-withdraw-confirm'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.body)).toEqual([{ version: 1 }, { version: 1 }]);
    const row = await screen.findByTestId(`consent-row-${IDENTITY_CONSENT.id}`);
    await waitFor(() => expect(row.getAttribute('data-state')).toBe('withdrawn'), SLOW);
    expect(row.textContent).toContain('Withdrawn on');
  });
});

describe('referring the person', () => {
  async function fillReferral(categories: string[]) {
    fireEvent.click(await screen.findByTestId('referral-new', {}, SLOW));
    const dialog = await screen.findByRole('dialog');
    await choose(dialog, 'referral-recipient', '대한법률구조공단 서울북부지부 (법률구조기관)');
    await choose(dialog, 'referral-purpose', '법률 지원');
    for (const category of categories)
      fireEvent.click(within(dialog).getByTestId(`referral-category-${category}`));
    type(within(dialog).getByTestId('referral-dueOn'), '2099-03-10');
    type(within(dialog).getByTestId('referral-message'), '법률 상담을 부탁드립니다.');
    return dialog;
  }

  it('names the missing consent before sending and sends nothing that no consent covers', async () => {
    const server = personServer([IDENTITY_CONSENT]);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    await openTab();
    const dialog = await fillReferral(['identity', 'legal']);

    const check = await within(dialog).findByTestId('referral-consent-check');
    expect(check.getAttribute('data-covered')).toBe('false');
    expect(within(check).getByTestId('referral-consent-gaps').textContent).toBe('동의받지 않은 항목: 법률');
    fireEvent.click(within(dialog).getByTestId('referral-submit'));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('보낼 수 없습니다'));
    expect(server.requests.some((r) => r.path === '/api/referrals' && r.method === 'POST')).toBe(false);

    // Dropping the category brings the referral within the consent.
    fireEvent.click(within(dialog).getByTestId('referral-category-legal'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('referral-consent-check').getAttribute('data-covered')).toBe('true'),
    );
  });

  it("shows the server's refusal as given when a consent lapsed meanwhile, keeping what was typed", async () => {
    const detail = '이 의뢰를 허용하는 유효한 동의가 없습니다: 동의 철회됨.';
    const server = personServer([IDENTITY_CONSENT], {
      'POST /api/referrals': () =>
        problem(422, 'consent.not_covered', '유효한 동의가 이 의뢰를 허용하지 않습니다.', {
          detail,
          missing: ['withdrawn'],
        }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    await openTab();
    const dialog = await fillReferral(['identity']);
    fireEvent.click(within(dialog).getByTestId('referral-submit'));

    expect(await within(dialog).findByText(detail, {}, SLOW)).toBeTruthy();
    const post = server.requests.find((r) => r.path === '/api/referrals' && r.method === 'POST');
    expect(post?.body).toEqual({
      personId: PERSON_ID,
      recipientOrganizationId: LEGAL_AID.id,
      purpose: 'legal_aid',
      categories: ['identity'],
      dueOn: '2099-03-10',
      message: '법률 상담을 부탁드립니다.',
    });
    expect((within(dialog).getByTestId('referral-message') as HTMLTextAreaElement).value).toBe(
      '법률 상담을 부탁드립니다.',
    );
  });
});
