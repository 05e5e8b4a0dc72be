// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import type { EnrolmentData } from './api';
import { COURSE, COURSE_ID, EMPLOYER_ID, EMPLOYERS, INCENTIVES, NO_PROFILE } from './fixtures';

const SLOW = { timeout: 10_000 };
const ENROLMENT: EnrolmentData = {
  id: '0190a6b2-0000-7000-8000-0000000000d9',
  course: COURSE,
  status: 'enrolled',
  attendedHours: 40,
  completedOn: null,
  certificateObtained: null,
  certificateOn: null,
  version: 5,
};

function server(enrolments: EnrolmentData[], routes: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-training'),
    [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
    [`GET /api/persons/${PERSON_ID}/jobs`]: () => json({ ...NO_PROFILE, enrolments }),
    [`GET /api/persons/${PERSON_ID}/incentives`]: () => json(INCENTIVES),
    'GET /api/jobs/employers': () => json(EMPLOYERS),
    'GET /api/jobs/courses': () => json({ items: [COURSE] }),
    ...routes,
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

describe("training and employment on the person's 취업 tab", () => {
  it('enrols the person in a course from the course list', async () => {
    const fake = server([], {
      [`POST /api/persons/${PERSON_ID}/jobs/enrolments`]: () => json(ENROLMENT, 201),
    });
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    renderApp(`/persons/${PERSON_ID}?tab=jobs`);
    const form = await screen.findByTestId('enrol-form', {}, SLOW);
    const course = within(form).getByTestId('enrol-course');
    await within(course).findByRole('option', { name: /지게차 운전 기능사 과정 · 경기직업전문학교/ }, SLOW);
    type(course, COURSE_ID);
    fireEvent.click(within(form).getByTestId('enrol-submit'));
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ courseId: COURSE_ID });
  });

  it('records a completion with its date and a certificate with its date', async () => {
    const fake = server([ENROLMENT], {
      [`PUT /api/jobs/enrolments/${ENROLMENT.id}`]: () => json({ ...ENROLMENT, status: 'completed' }),
    });
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    renderApp(`/persons/${PERSON_ID}?tab=jobs`);
    const row = await screen.findByTestId(`enrolment-${ENROLMENT.id}`, {}, SLOW);
    expect(row.textContent).toContain('40 / 120시간');
    // The course is taken already: it is not offered again.
    expect(within(screen.getByTestId('enrol-course')).queryByRole('option', { name: /지게차/ })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: '지게차 운전 기능사 과정 수강 기록' }));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    type(within(dialog).getByTestId('enrolment-status-field'), 'completed');
    type(within(dialog).getByTestId('enrolment-attended'), '118');
    type(within(dialog).getByTestId('enrolment-certificate'), 'forklift_operator');
    fireEvent.click(within(dialog).getByTestId('enrolment-submit'));
    expect(await within(dialog).findByText('수료로 기록하려면 수료일을 입력해 주십시오.')).toBeTruthy();
    type(within(dialog).getByTestId('enrolment-completed-on'), '2026-04-24');
    fireEvent.click(within(dialog).getByTestId('enrolment-submit'));
    expect(await within(dialog).findByText('자격증과 취득일은 함께 입력해 주십시오.')).toBeTruthy();
    type(within(dialog).getByTestId('enrolment-certificate-on'), '2026-05-10');
    fireEvent.click(within(dialog).getByTestId('enrolment-submit'));
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'PUT')).toBe(true), SLOW);
    expect(fake.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      status: 'completed',
      attendedHours: 118,
      completedOn: '2026-04-24',
      certificateObtained: 'forklift_operator',
      certificateOn: '2026-05-10',
      version: 5,
    });
  });

  it('adds an employment record found outside the pipeline', async () => {
    const fake = server([], {
      [`POST /api/persons/${PERSON_ID}/jobs/employment`]: () =>
        json(
          {
            id: '0190a6b2-0000-7000-8000-0000000000b8',
            employer: { id: EMPLOYER_ID, name: '한빛물류' },
            startOn: '2026-01-05',
            endOn: null,
            insured: false,
            occupation: null,
            monthlyWage: null,
            applicationId: null,
            version: 1,
          },
          201,
        ),
    });
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    renderApp(`/persons/${PERSON_ID}?tab=jobs`);
    const form = await screen.findByTestId('employment-form', {}, SLOW);
    await within(form).findByRole('option', { name: '한빛물류' }, SLOW);
    fireEvent.click(within(form).getByTestId('employment-submit'));
    expect(await within(form).findByText('항목을 선택해 주십시오.')).toBeTruthy();
    type(within(form).getByTestId('employment-employer'), EMPLOYER_ID);
    type(within(form).getByTestId('employment-start-on'), '2026-01-05');
    fireEvent.click(within(form).getByTestId('employment-insured'));
    fireEvent.click(within(form).getByTestId('employment-submit'));
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({
      employerId: EMPLOYER_ID,
      startOn: '2026-01-05',
      endOn: null,
      insured: false,
      occupation: null,
      monthlyWage: null,
    });
  });
});
