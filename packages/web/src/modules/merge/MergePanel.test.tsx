// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, problem, type RecordedRequest, session } from '../../testing/fake-server';
import { LIKELY_CANDIDATE, MASKED_PERSON, OTHER_OFFICE_CANDIDATE, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import type { PersonMergeData } from './api';

const SLOW = { timeout: 5_000 };
const OTHER_ID = '0190a6b2-0000-7000-8000-0000000000c2';
const MERGE_ID = '0190a6b2-0000-7000-8000-0000000000e9';
const HERE = { ...MASKED_PERSON, code: 'P-HERE-0001', version: 2 };
const OTHER = {
  ...MASKED_PERSON,
  id: OTHER_ID,
  code: LIKELY_CANDIDATE.code,
  version: 3,
  identity: { ...MASKED_PERSON.identity, rrn: null, phone: '***-****-9999' },
};

const MERGE: PersonMergeData = {
  id: MERGE_ID,
  survivor: { id: PERSON_ID, code: HERE.code },
  merged: { id: OTHER_ID, code: OTHER.code },
  mergedBy: '데모 센터장',
  mergedAt: '2026-11-20T01:00:00Z',
  reason: '하나원 명단과 대조하여 동일인 확인',
  moved: { cases: 1, consents: 2, tasks: 0, searchTokens: 12 },
  filledFields: ['rrn', 'otherNames'],
  undoUntil: '2099-12-20T01:00:00Z',
  undoneAt: null,
  undoneBy: null,
  undoReason: null,
};

function mergeServer(
  options: { history?: PersonMergeData[]; routes?: Parameters<typeof fakeServer>[0]; roles?: 'manager' } = {},
) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['center_manager']), 'csrf-merge'),
    [`GET /api/persons/${PERSON_ID}`]: () => json(HERE),
    [`GET /api/persons/${OTHER_ID}`]: () => json(OTHER),
    [`GET /api/persons/${PERSON_ID}/merge-candidates`]: () =>
      json({
        candidates: [
          { ...LIKELY_CANDIDATE, personId: OTHER_ID },
          { ...OTHER_OFFICE_CANDIDATE, personId: null },
        ],
      }),
    [`GET /api/persons/${PERSON_ID}/merges`]: () => json({ items: options.history ?? [] }),
    [`POST /api/persons/${PERSON_ID}/merges`]: () => json(MERGE, 201),
    ...options.routes,
  });
}

async function openMergeTab() {
  fireEvent.click(await screen.findByTestId('person-tab-merge', {}, SLOW));
  return screen.findByTestId('merge-candidates', {}, SLOW);
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

describe('merging duplicate records from a person’s page', () => {
  it('lists explained candidates, compares two masked records and merges the other into this one', async () => {
    const server = mergeServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const candidates = await openMergeTab();
    const likely = within(candidates).getByTestId(`merge-candidate-${LIKELY_CANDIDATE.code}`);
    expect(likely.textContent).toContain('동일인 가능성 높음');
    expect(likely.textContent).toContain('생년월일 일치');
    const elsewhere = within(candidates).getByTestId(`merge-candidate-${OTHER_OFFICE_CANDIDATE.code}`);
    expect(elsewhere.textContent).toContain('다른 기관의 기록이라 병합할 수 없습니다');
    expect(within(elsewhere).queryByRole('button')).toBeNull();
    expect(await screen.findByTestId('merge-history-empty')).toBeTruthy();

    fireEvent.click(within(likely).getByTestId(`merge-compare-${LIKELY_CANDIDATE.code}`));
    const compare = await screen.findByTestId('merge-compare', {}, SLOW);
    const phoneRow = within(compare).getByText('전화번호').closest('tr') as HTMLElement;
    expect(phoneRow.textContent).toContain('***-****-5678');
    expect(phoneRow.textContent).toContain('***-****-9999');

    // Too short a reason stays on the page with a message beside the field, and nothing is sent.
    fireEvent.change(screen.getByTestId('merge-reason'), { target: { value: '중복' } });
    fireEvent.click(screen.getByTestId('merge-submit'));
    await waitFor(() => expect(screen.getByTestId('merge-reason').getAttribute('aria-invalid')).toBe('true'));
    const describedBy = screen.getByTestId('merge-reason').getAttribute('aria-describedby') ?? '';
    const messages = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(messages.some((text) => /5자/.test(text) && !text.includes('예:'))).toBe(true);
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByTestId('merge-reason'), {
      target: { value: '하나원 명단과 대조하여 동일인 확인' },
    });
    fireEvent.click(screen.getByTestId('merge-submit'));
    expect((await screen.findByTestId('merge-confirm-text', {}, SLOW)).textContent).toContain(
      `${OTHER.code}을(를) ${HERE.code}에 병합합니다.`,
    );
    fireEvent.click(screen.getByTestId('merge-confirm'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'POST')).toBe(true), SLOW);
    const post = server.requests.find((r) => r.method === 'POST') as RecordedRequest;
    expect(post.path).toBe(`/api/persons/${PERSON_ID}/merges`);
    expect(post.body).toEqual({
      mergedId: OTHER_ID,
      survivorVersion: 2,
      mergedVersion: 3,
      reason: '하나원 명단과 대조하여 동일인 확인',
    });
    expect(post.headers['x-csrf-token']).toBe('csrf-merge');
    expect(
      await screen.findByText(`${OTHER.code}을(를) ${HERE.code}에 병합했습니다.`, {}, SLOW),
    ).toBeTruthy();
  });

  it('keeping the other record merges this one into it and goes to the survivor', async () => {
    const server = mergeServer({
      routes: { [`POST /api/persons/${OTHER_ID}/merges`]: () => json({ ...MERGE }, 201) },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    const candidates = await openMergeTab();
    fireEvent.click(within(candidates).getByTestId(`merge-compare-${LIKELY_CANDIDATE.code}`));
    fireEvent.click(await screen.findByTestId('merge-keep-other', {}, SLOW));
    fireEvent.change(screen.getByTestId('merge-reason'), {
      target: { value: '주민등록번호가 있는 기록을 남김' },
    });
    fireEvent.click(screen.getByTestId('merge-submit'));
    fireEvent.click(await screen.findByTestId('merge-confirm', {}, SLOW));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(OTHER.code), SLOW);
    const post = server.requests.find((r) => r.method === 'POST') as RecordedRequest;
    expect(post.body).toMatchObject({ mergedId: PERSON_ID, survivorVersion: 3, mergedVersion: 2 });
  });

  it('shows the merge history and undoes a merge with a reason, explaining a refusal', async () => {
    let refuse = true;
    const server = mergeServer({
      history: [MERGE],
      routes: {
        [`POST /api/persons/merges/${MERGE_ID}/undo`]: () =>
          refuse
            ? problem(409, 'conflict.stale', '다른 사용자가 먼저 수정했습니다.', {
                detail: '병합한 뒤 기록이 바뀌어 자동으로 되돌릴 수 없습니다.',
              })
            : json({
                ...MERGE,
                undoneAt: '2026-11-21T01:00:00Z',
                undoneBy: '데모 센터장',
                undoReason: '잘못 병합',
              }),
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await openMergeTab();
    const entry = await screen.findByTestId(`merge-entry-${MERGE_ID}`, {}, SLOW);
    expect(entry.textContent).toContain(`${OTHER.code} → ${HERE.code}`);
    expect(entry.textContent).toContain('옮긴 항목: 사례 1건, 동의 2건');
    expect(entry.textContent).not.toContain('검색어');
    expect(entry.textContent).toContain('채운 항목: 주민등록번호, 다른 이름');

    fireEvent.click(within(entry).getByTestId(`merge-undo-${MERGE_ID}`));
    fireEvent.change(await screen.findByTestId('merge-undo-reason', {}, SLOW), {
      target: { value: '다른 사람으로 확인되어 되돌림' },
    });
    fireEvent.click(screen.getByTestId('merge-undo-submit'));
    expect(
      await screen.findByText('병합한 뒤 기록이 바뀌어 자동으로 되돌릴 수 없습니다.', {}, SLOW),
    ).toBeTruthy();
    refuse = false;
    fireEvent.click(screen.getByTestId('merge-undo-submit'));
    expect(await screen.findByText(/병합을 되돌렸습니다/, {}, SLOW)).toBeTruthy();
    const undo = server.requests.filter((r) => r.path.endsWith('/undo'));
    expect(undo.map((r) => r.body)).toEqual([
      { reason: '다른 사람으로 확인되어 되돌림' },
      { reason: '다른 사람으로 확인되어 되돌림' },
    ]);
  });

  it('shows where a merged record went', async () => {
    const server = mergeServer({
      routes: {
        [`GET /api/persons/${OTHER_ID}`]: () =>
          problem(410, 'person.merged', '이 기록은 다른 기록에 병합되었습니다.', {
            mergedInto: { id: PERSON_ID, code: HERE.code },
          }),
      },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${OTHER_ID}`);
    expect((await screen.findByRole('heading', { level: 1 }, SLOW)).textContent).toBe('병합된 기록입니다');
    const link = screen.getByRole('link', { name: `${HERE.code} 기록으로 이동` });
    expect(link.getAttribute('href')).toBe(`/persons/${PERSON_ID}`);
  });

  it('offers the tab only to those who may merge, and speaks English', async () => {
    const worker = fakeServer({
      'GET /api/auth/session': session(makeMe(['case_worker'])),
      [`GET /api/persons/${PERSON_ID}`]: () => json(HERE),
    });
    vi.stubGlobal('fetch', vi.fn(worker.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    await screen.findByTestId('person-tab-overview', {}, SLOW);
    expect(screen.queryByTestId('person-tab-merge')).toBeNull();
    cleanup();

    const server = mergeServer({
      routes: { 'GET /api/auth/session': session(makeMe(['center_manager'], { locale: 'en' })) },
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    expect((await screen.findByTestId('person-tab-merge', {}, SLOW)).textContent).toBe('Merge duplicates');
    await openMergeTab();
    expect(screen.getByRole('heading', { name: 'Possible duplicates' })).toBeTruthy();
  });
});
