// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, problem, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import type { PersonProtectionData } from './api';
import { ALERT_DETAIL, ALERT_ITEM, EMPTY_PROTECTION, SIGNAL_TYPES, WORKER } from './fixtures';

const SLOW = { timeout: 10_000 };

function personServer(initial: PersonProtectionData, routes: Parameters<typeof fakeServer>[0] = {}) {
  let protection = initial;
  const server = fakeServer({
    'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-person'),
    [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
    [`GET /api/persons/${PERSON_ID}/protection`]: () => json(protection),
    'GET /api/protection/signal-types': () => json(SIGNAL_TYPES),
    ...routes,
  });
  return { ...server, set: (next: PersonProtectionData) => (protection = next) };
}

async function openTab() {
  fireEvent.click(await screen.findByTestId('person-tab-protection', {}, SLOW));
  return screen.findByTestId('protection-tab', {}, SLOW);
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

describe("the person page's crisis and protection tab", () => {
  it('records the first profile without a version, with the domain’s labels', async () => {
    const server = personServer(EMPTY_PROTECTION, {
      [`PUT /api/persons/${PERSON_ID}/protection-profile`]: () => json(EMPTY_PROTECTION.profile),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    expect(within(tab).getByTestId('score-none')).toBeTruthy();
    expect(within(tab).getByTestId('person-alerts-empty')).toBeTruthy();
    const form = within(tab).getByTestId('profile-form');
    expect(within(form).getAllByRole('checkbox')).toHaveLength(17 + 3 + 1);
    fireEvent.click(within(form).getByLabelText('한부모 가구'));
    fireEvent.click(within(form).getByLabelText('주거 불안정'));
    type(within(form).getByTestId('profile-children'), '1');
    fireEvent.click(within(form).getByLabelText('주거급여'));
    fireEvent.click(within(form).getByTestId('profile-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'PUT')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      categories: ['single_parent', 'housing_insecure'],
      childrenInHousehold: 1,
      benefits: ['housing_aid'],
      insuredRegularWorker: false,
    });
  });

  it('saves a change with the version read', async () => {
    const server = personServer(
      {
        ...EMPTY_PROTECTION,
        profile: {
          ...EMPTY_PROTECTION.profile,
          categories: ['single_parent'],
          updatedAt: '2026-03-01T01:00:00Z',
          updatedBy: WORKER,
          version: 3,
        },
      },
      { [`PUT /api/persons/${PERSON_ID}/protection-profile`]: () => json(EMPTY_PROTECTION.profile) },
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    expect(within(tab).getByTestId('profile-updated').textContent).toContain('김하나');
    expect((within(tab).getByLabelText('한부모 가구') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(tab).getByTestId('profile-insured'));
    fireEvent.click(within(tab).getByTestId('profile-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'PUT')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toMatchObject({
      categories: ['single_parent'],
      insuredRegularWorker: true,
      version: 3,
    });
  });

  it('records a staff signal with the value in its unit, showing the source agency', async () => {
    const server = personServer(EMPTY_PROTECTION, {
      'POST /api/protection/staff-signals': () => {
        server.set({
          ...EMPTY_PROTECTION,
          score: {
            score: 73,
            level: 'crisis',
            rulesVersion: '2020-12',
            asOf: '2026-03-02',
            computedAt: '2026-03-02T01:00:00Z',
            reasons: ALERT_DETAIL.reasons,
          },
          signals: ALERT_DETAIL.signals,
          alerts: [ALERT_ITEM],
        });
        return json({ id: ALERT_ITEM.id }, 201);
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    const form = within(tab).getByTestId('staff-signal-form');
    const select = within(form).getByTestId('staff-signal-type') as HTMLSelectElement;
    await within(form).findByRole('option', { name: '임대료 체납' }, SLOW);
    // A retired type is not offered.
    expect(within(form).queryByRole('option', { name: '전기 단전(폐지)' })).toBeNull();
    expect(within(form).queryByTestId('staff-signal-value')).toBeNull();
    fireEvent.change(select, { target: { value: 'rent_arrears' } });
    expect(within(form).getByText('제공 기관: 한국토지주택공사(LH)·지방공사')).toBeTruthy();
    const value = within(form).getByLabelText('값(개월)');
    type(value, '8');
    type(within(form).getByTestId('staff-signal-observed-on'), '2026-03-01');
    fireEvent.click(within(form).getByTestId('staff-signal-submit'));
    const score = await within(tab).findByTestId('person-score', {}, SLOW);
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      personId: PERSON_ID,
      type: 'rent_arrears',
      observedOn: '2026-03-01',
      value: 8,
    });
    expect(within(score).getByTestId('person-score-value').textContent).toBe('73점');
    expect(within(score).getByTestId('alert-level').textContent).toBe('위기');
    expect(within(score).getAllByTestId('score-reason')[0]?.textContent).toContain('임대료 체납');
    const alerts = within(tab).getByTestId('person-alerts');
    expect(within(alerts).getByTestId('person-alert-open').getAttribute('href')).toBe(
      `/protection/alerts/${ALERT_ITEM.id}`,
    );
  });

  it('shows the server’s refusal of a signal in the reader’s language beside the field', async () => {
    const server = personServer(EMPTY_PROTECTION, {
      'POST /api/protection/staff-signals': () =>
        problem(400, 'validation.failed', '입력값을 확인해 주십시오.', {
          errors: [{ path: '/body/observedOn', message: '이 신호 유형은 그 날짜에 쓰이지 않았습니다.' }],
        }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const tab = await openTab();
    const form = within(tab).getByTestId('staff-signal-form');
    await within(form).findByRole('option', { name: '단수' }, SLOW);
    fireEvent.change(within(form).getByTestId('staff-signal-type'), { target: { value: 'water_cutoff' } });
    fireEvent.click(within(form).getByTestId('staff-signal-submit'));
    expect(
      await within(form).findByText('이 신호 유형은 그 날짜에 쓰이지 않았습니다.', {}, SLOW),
    ).toBeTruthy();
  });
});
