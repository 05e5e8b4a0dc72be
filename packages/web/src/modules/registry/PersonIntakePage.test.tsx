// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, problem, type RecordedRequest, session } from '../../testing/fake-server';
import {
  CERTAIN_CANDIDATE,
  LIKELY_CANDIDATE,
  MASKED_PERSON,
  OTHER_OFFICE_CANDIDATE,
  PERSON_ID,
} from '../../testing/persons';
import { renderApp } from '../../testing/render';
import type { DuplicateCandidateData } from './api';
import { DUPLICATE_CHECK_DELAY_MS } from './use-duplicate-check';

/** Pages load their code on first use and the duplicate check waits for a pause: on a busy machine, allow time. */
const SLOW = { timeout: 5_000 };

function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

function duplicateRefusal(candidates: DuplicateCandidateData[]) {
  return problem(
    409,
    'person.possible_duplicate',
    '같은 사람으로 보이는 기록이 있습니다. 후보를 확인해 주십시오.',
    {
      duplicates: candidates,
    },
  );
}

const NOWON = {
  id: '0190a6b2-0000-7000-8000-0000000000d1',
  name: '서울특별시 노원구',
  nameEn: 'Nowon-gu, Seoul',
  type: 'local_government',
  region: 'seoul',
} as const;

/** The intake API: refuses while any non-certain candidate is unacknowledged (as the server does). */
function intakeServer(
  candidates: DuplicateCandidateData[],
  options: { early?: DuplicateCandidateData[]; routes?: Parameters<typeof fakeServer>[0] } = {},
) {
  return fakeServer({
    'GET /api/reference/organizations': () => json({ items: [] }),
    'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-intake'),
    'POST /api/persons/duplicate-check': () => json({ candidates: options.early ?? candidates }),
    'POST /api/persons': (request: RecordedRequest) => {
      const acknowledged = new Set(
        (request.body as { acknowledgedDuplicates: string[] }).acknowledgedDuplicates,
      );
      const blocking = candidates.filter((c) => c.level === 'certain' || !acknowledged.has(c.code));
      if (blocking.length > 0) return duplicateRefusal(candidates);
      return json({ id: PERSON_ID, code: 'P-NEW0-0001' }, 201);
    },
    [`GET /api/persons/${PERSON_ID}`]: () => json({ ...MASKED_PERSON, code: 'P-NEW0-0001' }),
    ...options.routes,
  });
}

async function fillIdentity() {
  type(await screen.findByTestId('person-name', {}, SLOW), '김영혜');
  type(screen.getByTestId('person-birthDate'), '1985-03-05');
  type(screen.getByTestId('person-phone'), '010-1234-5678');
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

describe('person intake', () => {
  it('checks for duplicates when the worker leaves the birth date, once per identity, and explains the score', async () => {
    const server = intakeServer([LIKELY_CANDIDATE]);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/new');
    type(await screen.findByTestId('person-name', {}, SLOW), '김영혜');
    fireEvent.blur(screen.getByTestId('person-name'));
    type(screen.getByTestId('person-birthDate'), '1985-03-05');
    fireEvent.blur(screen.getByTestId('person-birthDate'));

    const panel = await screen.findByTestId('duplicate-panel', {}, SLOW);
    expect(within(panel).getByText('같은 사람일 수 있는 기록이 있습니다')).toBeTruthy();
    const candidate = within(panel).getByTestId('duplicate-candidate');
    expect(candidate.textContent).toContain('P-7K3M-Q9XA');
    expect(candidate.textContent).toContain('김*희');
    expect(candidate.textContent).toContain('동일인 가능성 높음');
    expect(candidate.textContent).toContain('점수 86/100');
    expect(candidate.textContent).toContain('이름 유사(자모 유사도 92%) (+46점)');
    expect(candidate.textContent).toContain('생년월일 일치 (+40점)');

    // Leaving the field again with the same identity does not ask again.
    fireEvent.blur(screen.getByTestId('person-name'));
    await new Promise((resolve) => setTimeout(resolve, DUPLICATE_CHECK_DELAY_MS + 100));
    const checks = server.requests.filter((r) => r.path === '/api/persons/duplicate-check');
    expect(checks.map((r) => r.body)).toEqual([{ name: '김영혜', otherNames: [], birthDate: '1985-03-05' }]);
    expect(checks[0]?.headers['x-csrf-token']).toBe('csrf-intake');
  });

  it('does not check with a name alone, and derives birth date and sex from the registration number', async () => {
    const server = intakeServer([]);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/new');
    type(await screen.findByTestId('person-name', {}, SLOW), '김영혜');
    fireEvent.blur(screen.getByTestId('person-name'));
    type(screen.getByTestId('person-rrn'), '850305-2123456');
    fireEvent.blur(screen.getByTestId('person-rrn'));

    await waitFor(
      () => expect(server.requests.filter((r) => r.path === '/api/persons/duplicate-check')).toHaveLength(1),
      SLOW,
    );
    expect(server.requests.find((r) => r.path === '/api/persons/duplicate-check')?.body).toEqual({
      name: '김영혜',
      otherNames: [],
      rrn: '850305-2123456',
      birthDate: '1985-03-05',
      sex: 'female',
    });
    expect(screen.getByText('주민등록번호에서 확인한 생년월일 1985-03-05, 성별 여성')).toBeTruthy();
    expect(screen.queryByTestId('duplicate-panel')).toBeNull();
  });

  it('on a refused intake shows every candidate with its reasons, keeps the input, and saves once each is acknowledged', async () => {
    const server = intakeServer([LIKELY_CANDIDATE, OTHER_OFFICE_CANDIDATE], { early: [] });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/new');
    await fillIdentity();
    fireEvent.click(screen.getByTestId('person-submit'));

    const panel = await screen.findByTestId('duplicate-panel', {}, SLOW);
    expect(within(panel).getByText('등록하기 전에 아래 기록을 확인해 주십시오')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(panel));
    const [own, elsewhere] = within(panel).getAllByTestId('duplicate-candidate');
    expect(own?.textContent).toContain('김*희');
    expect(elsewhere?.textContent).toContain('다른 기관의 기록');
    expect(elsewhere?.textContent).toContain('부산하나센터');
    expect(elsewhere?.textContent).toContain(
      '로마자 표기 일치 (입력한 이름 ↔ 기존 기록의 다른 이름) (+41점)',
    );
    expect(elsewhere?.textContent).toContain('생년월일의 월·일이 뒤바뀜 (+20점)');
    expect((screen.getByTestId('person-name') as HTMLInputElement).value).toBe('김영혜');
    expect((screen.getByTestId('person-phone') as HTMLInputElement).value).toBe('010-1234-5678');

    // One acknowledged is not enough: the server refuses again and nothing is lost.
    fireEvent.click(screen.getByTestId('duplicate-ack-P-7K3M-Q9XA'));
    fireEvent.click(screen.getByTestId('person-submit'));
    await waitFor(
      () =>
        expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/api/persons')).toHaveLength(
          2,
        ),
      SLOW,
    );
    expect((screen.getByTestId('duplicate-ack-P-7K3M-Q9XA') as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByTestId('duplicate-ack-P-2B8C-D4EF'));
    fireEvent.click(screen.getByTestId('person-submit'));

    await screen.findByTestId('identity-card', {}, SLOW);
    expect(document.querySelector('h1')?.textContent).toBe('P-NEW0-0001');
    const intakes = server.requests.filter((r) => r.method === 'POST' && r.path === '/api/persons');
    expect(
      intakes.map((r) => (r.body as { acknowledgedDuplicates: string[] }).acknowledgedDuplicates),
    ).toEqual([[], ['P-7K3M-Q9XA'], ['P-7K3M-Q9XA', 'P-2B8C-D4EF']]);
    expect(intakes[2]?.body).toMatchObject({
      name: '김영혜',
      otherNames: [],
      birthDate: '1985-03-05',
      phone: '01012345678',
    });
    expect(intakes[2]?.headers['x-csrf-token']).toBe('csrf-intake');
  });

  it('offers no acknowledgement for a record with the same registration number', async () => {
    vi.stubGlobal('fetch', vi.fn(intakeServer([CERTAIN_CANDIDATE], { early: [] }).fetch));
    renderApp('/persons/new');
    await fillIdentity();
    fireEvent.click(screen.getByTestId('person-submit'));

    const candidate = await screen.findByTestId('duplicate-candidate', {}, SLOW);
    expect(candidate.textContent).toContain('주민등록번호 일치 (+100점)');
    expect(candidate.textContent).toContain('동일인');
    expect(within(candidate).queryByRole('checkbox')).toBeNull();
    expect(candidate.textContent).toContain('기존 기록을 이용해 주십시오');
  });

  it('validates in place with the shared schema and sends nothing while a field is wrong', async () => {
    const server = intakeServer([]);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/new');
    type(await screen.findByTestId('person-rrn', {}, SLOW), '851335-1234567');
    type(screen.getByTestId('person-phone'), '12345');
    fireEvent.click(screen.getByTestId('person-submit'));

    expect(await screen.findByText('필수 입력 항목입니다.')).toBeTruthy();
    expect(screen.getByText('주민등록번호를 YYMMDD-NNNNNNN 형식으로 정확히 입력해 주십시오.')).toBeTruthy();
    expect(screen.getByText(/전화번호를 0으로 시작하는 9~11자리 숫자로/)).toBeTruthy();
    expect((screen.getByTestId('person-rrn') as HTMLInputElement).value).toBe('851335-1234567');
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it("shows the server's field errors beside the field", async () => {
    const server = fakeServer({
      'GET /api/auth/session': session(makeMe(['case_worker'])),
      'POST /api/persons/duplicate-check': () => json({ candidates: [] }),
      'POST /api/persons': () =>
        problem(400, 'request.invalid', '입력값을 확인해 주십시오.', {
          errors: [{ path: 'birthDate', message: '주민등록번호의 생년월일과 다릅니다.' }],
        }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/new');
    await fillIdentity();
    fireEvent.click(screen.getByTestId('person-submit'));
    expect(await screen.findByText('주민등록번호의 생년월일과 다릅니다.')).toBeTruthy();
    expect(screen.getByTestId('person-birthDate').getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps other names as a list and sends only the filled ones', async () => {
    const server = intakeServer([]);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/new');
    await fillIdentity();
    fireEvent.click(screen.getByTestId('person-otherNames-add'));
    type(await screen.findByTestId('person-otherName-0'), 'Kim Young-hye');
    fireEvent.click(screen.getByTestId('person-otherNames-add'));
    fireEvent.click(screen.getByTestId('person-otherNames-add'));
    type(screen.getByTestId('person-otherName-2'), '김영애');
    fireEvent.click(screen.getByTestId('person-submit'));

    await screen.findByTestId('identity-card', {}, SLOW);
    const intake = server.requests.find((r) => r.method === 'POST' && r.path === '/api/persons');
    expect(intake?.body).toMatchObject({ otherNames: ['Kim Young-hye', '김영애'] });
  });

  it('offers the local governments of the reference list as municipalities and sends the one chosen', async () => {
    const server = intakeServer([], {
      routes: { 'GET /api/reference/organizations': () => json({ items: [NOWON] }) },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/new');
    await fillIdentity();
    const municipality = await screen.findByTestId('person-municipality', {}, SLOW);
    expect(server.requests.find((r) => r.path === '/api/reference/organizations')?.query.get('type')).toBe(
      'local_government',
    );
    fireEvent.click(municipality);
    const option = (await screen.findByText('서울특별시 노원구')).closest('[role="option"]');
    fireEvent.click(option as HTMLElement);
    fireEvent.click(screen.getByTestId('person-submit'));

    await screen.findByTestId('identity-card', {}, SLOW);
    const intake = server.requests.find((r) => r.method === 'POST' && r.path === '/api/persons');
    expect(intake?.body).toMatchObject({ municipalityId: NOWON.id });
  });

  it('leaves the municipality out when the list of local governments cannot be had', async () => {
    const server = intakeServer([], {
      routes: {
        'GET /api/reference/organizations': () =>
          problem(403, 'access.denied', '이 작업을 할 권한이 없습니다.'),
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/new');
    await screen.findByTestId('person-name', {}, SLOW);
    await waitFor(() =>
      expect(server.requests.some((r) => r.path === '/api/reference/organizations')).toBe(true),
    );
    expect(screen.queryByTestId('person-municipality')).toBeNull();
    expect(screen.getByTestId('person-residenceRegion')).toBeTruthy();
  });
});
