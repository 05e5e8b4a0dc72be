// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, noContent, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import type { SignalImportData } from './api';
import { signalTemplateCsv } from './SignalImportColumns';

const SLOW = { timeout: 10_000 };
const IMPORT_ID = '0190a6b2-0000-7000-8000-0000000000e7';
const CSV = '주민등록번호,신호유형,확인일,값\n850305-2123456,임대료 체납,2026-03-01,8\n';

const PREVIEW: SignalImportData = {
  id: IMPORT_ID,
  status: 'previewed',
  total: 3,
  valid: 2,
  imported: 0,
  duplicates: 0,
  rows: [
    {
      line: 2,
      status: 'valid',
      personCode: 'P-7K3M-Q9XA',
      type: 'rent_arrears',
      observedOn: '2026-03-01',
      value: 8,
      errors: [],
    },
    {
      line: 3,
      status: 'valid',
      personCode: 'P-AAAA-0001',
      type: 'water_cutoff',
      observedOn: '2026-03-02',
      value: null,
      errors: [],
    },
    {
      line: 4,
      status: 'invalid',
      personCode: null,
      type: null,
      observedOn: '2026-03-02',
      value: null,
      errors: [
        {
          path: 'rrn',
          message: { ko: '등록된 대상자를 찾을 수 없습니다.', en: 'No registered person has this number.' },
        },
        {
          path: 'type',
          message: { ko: '알 수 없는 신호 유형입니다: 전기요금', en: 'Unknown signal type: 전기요금' },
        },
      ],
    },
  ],
};

function importServer(commit: () => Response | Promise<Response>) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['center_manager']), 'csrf-signal-import'),
    'POST /api/protection/signal-imports': () => json(PREVIEW),
    [`GET /api/protection/signal-imports/${IMPORT_ID}`]: () =>
      json({ ...PREVIEW, rows: undefined, status: 'importing', imported: 1 }),
    [`POST /api/protection/signal-imports/${IMPORT_ID}/commit`]: commit,
    [`POST /api/protection/signal-imports/${IMPORT_ID}/cancel`]: () => noContent(),
  });
}

async function upload(name: string, content: string) {
  await screen.findByTestId('signal-import-file', {}, SLOW);
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'text/csv' })] } });
  fireEvent.click(screen.getByTestId('signal-import-preview'));
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

describe('importing a file of signals', () => {
  it('names the columns in Korean and offers a template Excel reads', async () => {
    vi.stubGlobal('fetch', vi.fn(importServer(() => noContent()).fetch));
    renderApp('/protection/signal-imports');
    const columns = await screen.findByTestId('signal-import-columns', {}, SLOW);
    expect(within(columns).getByText('주민등록번호')).toBeTruthy();
    expect(within(columns).getAllByText('둘 중 하나 필수')).toHaveLength(2);
    expect(screen.getByTestId('signal-import-type-names').textContent).toContain('임대료 체납');
    expect(signalTemplateCsv()).toBe('\uFEFF주민등록번호,대상자ID,신호유형,확인일,값,참조번호\r\n');
  });

  it('previews per-row errors without any resident number, and records the valid rows once confirmed', async () => {
    let finish: (response: Response) => void = () => undefined;
    const server = importServer(
      () =>
        new Promise<Response>((resolve) => {
          finish = resolve;
        }),
    );
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/protection/signal-imports');
    await upload('lh-arrears.csv', CSV);
    const rows = await screen.findByTestId('signal-import-rows', {}, SLOW);
    const uploaded = server.requests.find((r) => r.path === '/api/protection/signal-imports');
    expect(uploaded?.body).toMatchObject({ fileName: 'lh-arrears.csv' });
    expect(screen.getByTestId('signal-import-total-invalid').textContent).toBe('1');
    const bad = within(rows).getByTestId('signal-import-row-4');
    expect(bad.textContent).toContain('등록된 대상자를 찾을 수 없습니다.');
    expect(bad.textContent).toContain('알 수 없는 신호 유형입니다: 전기요금');
    expect(document.body.textContent).not.toContain('850305');

    fireEvent.click(screen.getByTestId('signal-import-show-all'));
    expect(within(rows).getByTestId('signal-import-row-2').textContent).toContain('8개월');

    const commit = screen.getByTestId('signal-import-commit-valid') as HTMLButtonElement;
    expect(commit.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('signal-import-confirm-skip'));
    fireEvent.click(commit);
    const progress = await screen.findByTestId('signal-import-progress', {}, SLOW);
    await waitFor(() => expect(progress.textContent).toContain('등록 중입니다: 1 / 2건'), SLOW);
    expect(server.requests.find((r) => r.path.endsWith('/commit'))?.body).toEqual({ onlyValid: true });

    finish(json({ ...PREVIEW, rows: undefined, status: 'done', imported: 1, duplicates: 1 }));
    const done = await screen.findByTestId('signal-import-done', {}, SLOW);
    expect(done.textContent).toContain(
      '신호 1건을 등록했습니다. 이미 받은 신호 1건은 다시 등록하지 않았습니다.',
    );
  });

  it('refuses a file of another type before sending anything', async () => {
    const server = importServer(() => noContent());
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/protection/signal-imports');
    await upload('signals.pdf', 'x');
    expect(await screen.findByText('CSV 또는 XLSX 파일만 올릴 수 있습니다.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('is refused to a case worker, who has no import permission', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(fakeServer({ 'GET /api/auth/session': session(makeMe(['case_worker'])) }).fetch),
    );
    renderApp('/protection/signal-imports');
    expect((await screen.findByRole('heading', { level: 1 }, SLOW)).textContent).toBe('접근 권한이 없습니다');
  });
});
