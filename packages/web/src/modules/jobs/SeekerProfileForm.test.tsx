// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import { INCENTIVES, NO_PROFILE, PROFILE } from './fixtures';

const SLOW = { timeout: 10_000 };

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

/** Picks an option of a Mantine MultiSelect: open it by typing, then click the option in its list. */
async function pick(input: HTMLElement, search: string, label: string) {
  fireEvent.click(input);
  type(input, search);
  const listbox = await waitFor(() => {
    const id = input.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error('the list did not open');
    return element;
  });
  // The dropdown is still in its opening transition here, so it is not "accessible" yet: find by text.
  const option = (await within(listbox).findByText(label)).closest('[role="option"]');
  if (!option) throw new Error(`no option ${label}`);
  fireEvent.click(option);
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

describe('the seeker profile', () => {
  it('records a first profile without a version, the region from the person’s residence', async () => {
    const server = fakeServer({
      'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-profile'),
      [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
      [`GET /api/persons/${PERSON_ID}/jobs`]: () => json(NO_PROFILE),
      [`GET /api/persons/${PERSON_ID}/incentives`]: () => json(INCENTIVES),
      'GET /api/jobs/employers': () => json({ items: [] }),
      'GET /api/jobs/courses': () => json({ items: [] }),
      [`PUT /api/persons/${PERSON_ID}/jobs/profile`]: () => json(PROFILE),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}?tab=jobs`);
    const form = await screen.findByTestId('seeker-profile-form', {}, SLOW);
    expect((within(form).getByTestId('profile-region') as HTMLSelectElement).value).toBe('seoul');

    fireEvent.click(within(form).getByTestId('profile-submit'));
    // Nothing chosen yet: each missing answer is said beside its field, nothing is sent.
    expect(await within(form).findByText('1개 이상 선택해 주십시오.')).toBeTruthy();
    expect(within(form).getAllByText('항목을 선택해 주십시오.')).toHaveLength(2);
    expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);

    await pick(within(form).getByTestId('profile-occupations'), '요양', '요양보호사');
    await pick(within(form).getByTestId('profile-certificates'), '요양', '요양보호사');
    fireEvent.click(within(form).getByTestId('profile-korean-level-4'));
    fireEvent.click(within(form).getByTestId('profile-computer-level-1'));
    fireEvent.click(within(form).getByTestId('profile-hours-part_time'));
    fireEvent.click(within(form).getByTestId('experience-add'));
    type(within(form).getByLabelText('1번째 경력 근무지'), 'third_country');
    type(within(form).getByLabelText('1번째 경력 직종'), '0425');
    type(within(form).getByLabelText('1번째 경력 기간(년)'), '2.5');
    fireEvent.click(within(form).getByTestId('childbirth-add'));
    type(within(form).getByLabelText('출산일 1'), '2025-06-10');
    fireEvent.click(within(form).getByTestId('profile-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'PUT')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      status: 'seeking',
      occupations: ['0423'],
      skills: [],
      certificates: ['care_worker'],
      experience: [{ place: 'third_country', occupation: '0425', years: 2.5 }],
      region: 'seoul',
      willingToMoveTo: [],
      maxCommuteMinutes: 60,
      hours: 'part_time',
      expectedMonthlyWage: 0,
      koreanLevel: 4,
      computerLevel: 1,
      constraints: [],
      childbirths: ['2025-06-10'],
    });
  });
});
