// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, problem, session } from '../../testing/fake-server';
import { CERTAIN_CANDIDATE } from '../../testing/persons';
import { renderApp } from '../../testing/render';
import type { ImportPreviewData } from './api';
import { cohortTemplateCsv } from './cohort-columns';

const SLOW = { timeout: 5_000 };
const BATCH_ID = '0190a6b2-0000-7000-8000-0000000000e1';
const NEW_IDS = ['0190a6b2-0000-7000-8000-0000000000f1', '0190a6b2-0000-7000-8000-0000000000f2'];
const CSV = '성명,주민등록번호\n최순희,860412-2345671\n';

const MIXED: ImportPreviewData = {
  id: BATCH_ID,
  status: 'previewed',
  total: 4,
  valid: 2,
  invalid: 1,
  duplicates: 1,
  ignoredColumns: ['비고'],
  rows: [
    { row: 2, status: 'ok', maskedName: '최*희', errors: [], duplicates: [], sameAsRow: null },
    { row: 3, status: 'ok', maskedName: '오*민', errors: [], duplicates: [], sameAsRow: null },
    {
      row: 4,
      status: 'invalid',
      maskedName: '리*남',
      errors: [{ path: 'rrn', message: '주민등록번호 형식이 올바르지 않습니다(예: 900101-2345678).' }],
      duplicates: [],
      sameAsRow: null,
    },
    {
      row: 5,
      status: 'duplicate',
      maskedName: '김*희',
      errors: [],
      duplicates: [CERTAIN_CANDIDATE],
      sameAsRow: null,
    },
  ],
};

const CLEAN: ImportPreviewData = {
  ...MIXED,
  total: 2,
  invalid: 0,
  duplicates: 0,
  ignoredColumns: [],
  rows: MIXED.rows.slice(0, 2),
};

const RESULT = {
  imported: 2,
  codes: ['P-AAAA-0001', 'P-AAAA-0002'],
  persons: [
    { id: NEW_IDS[0], code: 'P-AAAA-0001' },
    { id: NEW_IDS[1], code: 'P-AAAA-0002' },
  ],
};

function importServer(preview: ImportPreviewData, options: { commit?: () => Promise<Response> } = {}) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-import'),
    'POST /api/persons/imports': () => json(preview),
    [`GET /api/persons/imports/${BATCH_ID}`]: () =>
      json({ id: BATCH_ID, status: 'importing', processed: 1, total: 2, imported: 0 }),
    [`POST /api/persons/imports/${BATCH_ID}/commit`]: options.commit ?? (async () => json(RESULT)),
    [`POST /api/persons/imports/${BATCH_ID}/cancel`]: () => noContent(),
  });
}

async function chooseFile(name: string, content: string) {
  await screen.findByTestId('import-file', {}, SLOW);
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'text/csv' })] } });
  fireEvent.click(screen.getByTestId('import-preview'));
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

describe('cohort import page', () => {
  it('explains the columns and offers a header-only template that Excel opens in Korean', async () => {
    vi.stubGlobal('fetch', vi.fn(importServer(MIXED).fetch));
    renderApp('/persons/import');
    expect((await screen.findByRole('heading', { level: 1 }, SLOW)).textContent).toBe('대상자 일괄 등록');
    const columns = screen.getByTestId('import-columns');
    expect(within(columns).getByText('성명')).toBeTruthy();
    expect(within(columns).getByText('이전 이름')).toBeTruthy();
    expect(within(columns).getAllByText('필수')).toHaveLength(1);
    expect(cohortTemplateCsv()).toBe(
      '\uFEFF성명,이전 이름,주민등록번호,생년월일,성별,연락처,주소,출신지역,입국일,하나원 기수,하나원 수료일,보호결정일,전입일\r\n',
    );
  });

  it('refuses a file of another type before sending anything', async () => {
    const server = importServer(MIXED);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/import');
    await chooseFile('명단.pdf', 'x');
    expect(await screen.findByText('CSV 또는 XLSX 파일만 올릴 수 있습니다.')).toBeTruthy();
    expect(server.requests.some((r) => r.path === '/api/persons/imports')).toBe(false);
  });

  it('previews per-row errors and duplicates, imports only the valid rows when told so, with progress and links', async () => {
    let finishCommit: () => void = () => undefined;
    const server = importServer(MIXED, {
      commit: () =>
        new Promise<Response>((resolve) => {
          finishCommit = () => resolve(json(RESULT));
        }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/import');
    await chooseFile('301기.csv', CSV);

    expect((await screen.findByTestId('import-total-total', {}, SLOW)).textContent).toBe('4');
    expect(screen.getByTestId('import-total-invalid').textContent).toBe('1');
    expect(screen.getByTestId('import-ignored').textContent).toBe('다음 열은 읽지 않았습니다: 비고');
    const upload = server.requests.find((r) => r.path === '/api/persons/imports');
    expect(upload?.body).toEqual({
      fileName: '301기.csv',
      contentBase64: Buffer.from(CSV).toString('base64'),
    });
    expect(upload?.headers['x-csrf-token']).toBe('csrf-import');

    // Only rows with problems until asked for all.
    expect(screen.queryByTestId('import-row-2')).toBeNull();
    expect(screen.getByTestId('import-row-4').textContent).toContain(
      '주민등록번호: 주민등록번호 형식이 올바르지 않습니다(예: 900101-2345678).',
    );
    expect(screen.getByTestId('import-row-4').textContent).toContain('4행');
    expect(screen.getByTestId('import-row-5').textContent).toContain(
      `이미 등록된 기록 ${CERTAIN_CANDIDATE.code}`,
    );
    fireEvent.click(screen.getByTestId('import-show-all'));
    expect(screen.getByTestId('import-row-2').textContent).toContain('등록할 수 있습니다.');

    // No "import all" while a row has a problem; the valid rows only after an explicit confirmation.
    expect(screen.queryByTestId('import-commit-all')).toBeNull();
    const commitValid = screen.getByTestId('import-commit-valid') as HTMLButtonElement;
    expect(commitValid.textContent).toBe('오류 없는 행만 가져오기(2명)');
    expect(commitValid.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/오류 또는 중복 의심 행 2개는 등록하지 않고/));
    fireEvent.click(commitValid);

    await screen.findByTestId('import-progress', {}, SLOW);
    await waitFor(
      () => expect(screen.getByTestId('import-progress').textContent).toContain('등록 중입니다: 1 / 2명'),
      SLOW,
    );
    finishCommit();
    const done = await screen.findByTestId('import-done', {}, SLOW);
    expect(done.textContent).toContain('2명을 등록했습니다.');
    const links = within(screen.getByTestId('import-result-list')).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(NEW_IDS.map((id) => `/persons/${id}`));
    const commit = server.requests.find((r) => r.path.endsWith('/commit'));
    expect(commit?.body).toEqual({ mode: 'valid' });
  });

  it('offers "import all" for a clean file and sends mode all', async () => {
    const server = importServer(CLEAN);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/import');
    await chooseFile('301기.csv', CSV);
    const all = await screen.findByTestId('import-commit-all', {}, SLOW);
    expect(screen.queryByTestId('import-commit-valid')).toBeNull();
    expect(screen.getByTestId('import-no-problems')).toBeTruthy();
    fireEvent.click(all);
    await screen.findByTestId('import-done', {}, SLOW);
    expect(server.requests.find((r) => r.path.endsWith('/commit'))?.body).toEqual({ mode: 'all' });
  });

  it('cancels a previewed batch and shows the file form again', async () => {
    const server = importServer(MIXED);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/import');
    await chooseFile('301기.csv', CSV);
    fireEvent.click(await screen.findByTestId('import-cancel', {}, SLOW));
    await screen.findByTestId('import-columns', {}, SLOW);
    expect(server.requests.some((r) => r.method === 'POST' && r.path.endsWith('/cancel'))).toBe(true);
    expect(server.requests.some((r) => r.path.endsWith('/commit'))).toBe(false);
  });

  it('shows the server’s explanation of an unreadable file, in English too', async () => {
    await i18n.changeLanguage('en');
    const server = fakeServer({
      'GET /api/auth/session': session(makeMe(['case_worker'], { locale: 'en' })),
      'POST /api/persons/imports': () =>
        problem(400, 'request.invalid', 'Invalid request', {
          detail: 'The file cannot be read. Is it CSV or XLSX?',
        }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/persons/import');
    expect((await screen.findByRole('heading', { level: 1 }, SLOW)).textContent).toBe('Import a cohort');
    await chooseFile('cohort.xlsx', 'not a spreadsheet');
    expect(await screen.findByText('The file cannot be read. Is it CSV or XLSX?')).toBeTruthy();
  });
});
