import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../../testing';
import { findPlaintext } from '../../../testing/raw-scan';

/** A synthetic Hanawon cohort as a center would receive it: Korean headers, dotted dates, one bad row. */
const CSV = [
  '성명,주민등록번호,성별,연락처,입국일,하나원 기수,보호결정일,하나원 수료일,비고',
  '최순희,860412-2345671,여,010-3141-5926,2024.02.01,301,2024.02.20,2024.05.17,',
  '오철민,,남,010-2718-2818,2024.02.01,301,2024.02.20,2024.05.17,',
  '리영남,990231-1234567,남,,2024.02.01,301,2024.02.20,2024.05.17,',
  ',,,,,,,,메모만 있는 행',
].join('\n');

function upload(session: TestSession, fileName: string, content: Buffer) {
  return session.request('POST', '/api/persons/imports', {
    fileName,
    contentBase64: content.toString('base64'),
  });
}

describe('cohort import', () => {
  let platform: TestPlatform;
  let worker: TestSession;

  beforeAll(async () => {
    platform = await createTestPlatform();
    worker = await platform.signIn('demo-case-worker');
  });
  afterAll(() => platform.close());

  it('previews every row with Korean errors and reports columns it does not read', async () => {
    const response = await upload(worker, 'cohort-301.csv', Buffer.from(`\uFEFF${CSV}`));
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({
      total: 3,
      valid: 2,
      invalid: 1,
      duplicates: 0,
      ignoredColumns: ['비고'],
    });
    expect(preview.rows[2]).toMatchObject({ row: 4, status: 'invalid', maskedName: '리*남' });
    expect(preview.rows[2].errors).toEqual([
      { path: 'rrn', message: '주민등록번호 형식이 올바르지 않습니다(예: 900101-2345678).' },
    ]);
  });

  it('refuses to import everything while a row is invalid, then imports only the valid rows in one go', async () => {
    const preview = (await upload(worker, 'cohort-301.csv', Buffer.from(CSV))).json();
    const all = await worker.request('POST', `/api/persons/imports/${preview.id}/commit`, { mode: 'all' });
    expect(all.statusCode).toBe(422);
    expect((await worker.request('GET', `/api/persons?q=${encodeURIComponent('순희')}`)).json().total).toBe(
      0,
    );
    const valid = await worker.request('POST', `/api/persons/imports/${preview.id}/commit`, {
      mode: 'valid',
    });
    expect(valid.statusCode).toBe(200);
    expect(valid.json().imported).toBe(2);
    const imported = valid.json().persons as { id: string; code: string }[];
    expect(imported.map((person) => person.code)).toEqual(valid.json().codes);
    expect((await worker.request('GET', `/api/persons/${imported[0]?.id}`)).json().maskedName).toBe('최*희');
    const found = (await worker.request('GET', `/api/persons?q=${encodeURIComponent('ㅊㅅㅎ')}`)).json();
    expect(found.items.map((p: { maskedName: string }) => p.maskedName)).toEqual(['최*희']);
    const progress = (await worker.request('GET', `/api/persons/imports/${preview.id}`)).json();
    expect(progress).toMatchObject({ status: 'imported', processed: 2, imported: 2 });
    expect(
      (await worker.request('POST', `/api/persons/imports/${preview.id}/commit`, { mode: 'valid' }))
        .statusCode,
    ).toBe(422);
  });

  it('flags rows that are already registered', async () => {
    const preview = (await upload(worker, 'again.csv', Buffer.from(CSV))).json();
    expect(preview.rows[0]).toMatchObject({ status: 'duplicate' });
    expect(preview.rows[0].duplicates[0]).toMatchObject({ level: 'certain', maskedName: '최*희' });
    await worker.request('POST', `/api/persons/imports/${preview.id}/cancel`);
  });

  it('reads XLSX with Excel dates and finds duplicates within the file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('301기');
    sheet.addRow(['성명', '생년월일', '성별', '보호결정일']);
    sheet.addRow(['강미란', new Date(Date.UTC(1975, 6, 1)), '여', new Date(Date.UTC(2024, 1, 20))]);
    sheet.addRow(['강미란', '1975-07-01', '여', '2024-02-20']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = (await upload(worker, 'cohort.xlsx', content)).json();
    expect(
      preview.rows.map((r: { status: string; sameAsRow: number | null }) => [r.status, r.sameAsRow]),
    ).toEqual([
      ['ok', null],
      ['duplicate', 2],
    ]);
  });

  it('explains an unreadable file', async () => {
    const response = await upload(worker, 'cohort.xlsx', Buffer.from('not a spreadsheet'));
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toBe('파일을 읽을 수 없습니다. CSV 또는 XLSX 파일인지 확인해 주십시오.');
    const noName = await upload(worker, 'x.csv', Buffer.from('번호,연락처\n1,010-1111-2222'));
    expect(noName.json().detail).toContain("'성명' 열이 없습니다");
  });

  it('keeps the uploaded rows sealed and destroys their key once handled', async () => {
    expect(
      await findPlaintext(platform.deps.db, ['최순희', '오철민', '860412', '3141-5926', '강미란']),
    ).toEqual([]);
  });

  it('is refused to roles that cannot register persons', async () => {
    const officer = await platform.signIn('demo-residence-officer');
    expect((await upload(officer, 'cohort.csv', Buffer.from(CSV))).statusCode).toBe(403);
  });
});
