import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dataKeys } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';
import { protectionSignals, signalImports } from './schema';

const RRN = '850305-2123454';
/** Born in 2003: a number that loses its leading zero in a numeric spreadsheet column. */
const RRN_2000S = '030517-4123456';
const OTHER_CENTER_RRN = '920202-1234563';
const UNKNOWN_RRN = '770707-1234561';
const RRN_SPELLINGS = [RRN, RRN_2000S, OTHER_CENTER_RRN, UNKNOWN_RRN].flatMap((rrn) => [
  rrn,
  rrn.replace('-', ''),
]);

function upload(session: TestSession, fileName: string, content: Buffer | string) {
  return session.request('POST', '/api/protection/signal-imports', {
    fileName,
    contentBase64: Buffer.from(content).toString('base64'),
  });
}

type PreviewRow = {
  line: number;
  status: string;
  personCode: string | null;
  errors: { path: string; message: { ko: string; en: string } }[];
};

describe('signal file import', () => {
  // 2026-03-02 in Seoul.
  const today = new Date('2026-03-02T01:00:00Z');
  let platform: TestPlatform;
  let manager: TestSession;
  let byRrn: { id: string; code: string };
  let byCode: { id: string; code: string };
  let csv: string;

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => today });
    manager = await platform.signIn('demo-center-manager');
    const otherCenter = await platform.signIn('demo-case-worker-2');
    const register = async (session: TestSession, body: Record<string, unknown>) => {
      const created = await session.request('POST', '/api/persons', body);
      expect(created.statusCode).toBe(201);
      return created.json() as { id: string; code: string };
    };
    byRrn = await register(manager, { name: '김은혜', rrn: RRN });
    byCode = await register(manager, { name: '박성진', birthDate: '1990-10-10', sex: 'male' });
    await register(otherCenter, { name: '이정훈', rrn: OTHER_CENTER_RRN });
    csv = [
      '주민등록번호,대상자ID,신호유형,확인일,값,참조번호,비고',
      `${RRN},,임대료 체납,2026.02.28,14개월,F-1,`,
      `,${byCode.code},water_cutoff,20260301,,F-2,`,
      `${UNKNOWN_RRN},,전기 단전,2026-02-01,,F-3,`,
      `${OTHER_CENTER_RRN},,전기단전,2026-02-01,,F-4,`,
      `,${byCode.code},가스 공급 중단,2026-03-05,,F-5,`,
      `,${byCode.code},전기요금 체납,2026-02-01,,F-6,`,
      ',,,,,,메모만 있는 행',
    ].join('\n');
  });
  afterAll(() => platform.close());

  it('previews each line with the person’s code and Korean and English errors, never a registration number', async () => {
    const response = await upload(manager, 'kepco-2026-02.csv', `\uFEFF${csv}`);
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ status: 'previewed', total: 6, valid: 2, imported: 0, duplicates: 0 });
    const rows = preview.rows as PreviewRow[];
    expect(rows.map((r) => [r.line, r.status, r.personCode])).toEqual([
      [2, 'valid', byRrn.code],
      [3, 'valid', byCode.code],
      [4, 'invalid', null],
      // A person of another center reads exactly like nobody.
      [5, 'invalid', null],
      [6, 'invalid', byCode.code],
      [7, 'invalid', byCode.code],
    ]);
    expect(rows[0]).toMatchObject({ type: 'rent_arrears', observedOn: '2026-02-28', value: 14 });
    expect(rows[2]?.errors).toEqual(rows[3]?.errors);
    expect(rows[2]?.errors[0]).toEqual({
      path: 'rrn',
      message: {
        ko: '이음에 등록된 대상자 중 일치하는 사람이 없습니다.',
        en: 'No person registered in ieum matches this reference.',
      },
    });
    expect(rows[4]?.errors.map((e) => e.path)).toEqual(['observedOn']);
    expect(rows[5]?.errors.map((e) => e.path)).toEqual(['value']);
    expect(RRN_SPELLINGS.filter((rrn) => response.body.includes(rrn))).toEqual([]);
  });

  it('refuses to import everything while a line is invalid, then imports only the valid lines on request', async () => {
    const preview = (await upload(manager, 'kepco-2026-02.csv', csv)).json();
    const all = await manager.request('POST', `/api/protection/signal-imports/${preview.id}/commit`, {});
    expect(all.statusCode).toBe(422);
    expect(all.json().detail).toContain('4');
    expect(await platform.deps.db.select().from(protectionSignals)).toEqual([]);

    const committed = await manager.request('POST', `/api/protection/signal-imports/${preview.id}/commit`, {
      onlyValid: true,
    });
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toEqual({
      id: preview.id,
      status: 'done',
      total: 6,
      valid: 2,
      imported: 2,
      duplicates: 0,
    });
    const signals = await platform.deps.db.select().from(protectionSignals);
    expect(signals.map((s) => [s.personId, s.type, s.via, s.importId]).sort()).toEqual(
      [
        [byRrn.id, 'rent_arrears', 'import', preview.id],
        [byCode.id, 'water_cutoff', 'import', preview.id],
      ].sort(),
    );
    // The sealed lines are gone with their key.
    const [batch] = await platform.deps.db
      .select()
      .from(signalImports)
      .where(eq(signalImports.id, preview.id));
    expect(batch?.rowsSealed).toBeNull();
    const [key] = await platform.deps.db
      .select()
      .from(dataKeys)
      .where(and(eq(dataKeys.subjectType, 'import'), eq(dataKeys.subjectId, preview.id)));
    expect(key?.wrappedKey).toBeNull();
    expect(
      (await manager.request('GET', `/api/protection/signal-imports/${preview.id}`)).json(),
    ).toMatchObject({
      status: 'done',
      imported: 2,
    });
    const again = await manager.request('POST', `/api/protection/signal-imports/${preview.id}/commit`, {
      onlyValid: true,
    });
    expect(again.statusCode).toBe(422);
  });

  it('counts a file sent again as duplicates, at preview and at commit', async () => {
    const preview = (await upload(manager, 'kepco-2026-02.csv', csv)).json();
    expect(preview).toMatchObject({ valid: 2, duplicates: 2 });
    const committed = (
      await manager.request('POST', `/api/protection/signal-imports/${preview.id}/commit`, {
        onlyValid: true,
      })
    ).json();
    expect(committed).toMatchObject({ imported: 0, duplicates: 2, status: 'done' });
    expect(await platform.deps.db.select().from(protectionSignals)).toHaveLength(2);
  });

  it('cancels a preview: nothing imported, the sealed lines destroyed, the batch closed', async () => {
    const preview = (await upload(manager, 'kepco-2026-02.csv', csv)).json();
    const cancelled = await manager.request('POST', `/api/protection/signal-imports/${preview.id}/cancel`);
    expect(cancelled.statusCode).toBe(204);
    const [batch] = await platform.deps.db
      .select()
      .from(signalImports)
      .where(eq(signalImports.id, preview.id));
    expect(batch).toMatchObject({ status: 'cancelled', rowsSealed: null });
    const commit = await manager.request('POST', `/api/protection/signal-imports/${preview.id}/commit`, {
      onlyValid: true,
    });
    expect(commit.statusCode).toBe(422);
    expect(
      (await manager.request('POST', `/api/protection/signal-imports/${preview.id}/cancel`)).statusCode,
    ).toBe(422);
  });

  it('shows a batch only to the one who uploaded it', async () => {
    const preview = (await upload(manager, 'kepco-2026-02.csv', csv)).json();
    const officer = await platform.signIn('demo-residence-officer');
    expect((await officer.request('GET', `/api/protection/signal-imports/${preview.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await officer.request('POST', `/api/protection/signal-imports/${preview.id}/commit`, {
          onlyValid: true,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('reads XLSX, with a registration number that lost its leading zero in a numeric column', async () => {
    const born2003 = (
      await manager.request('POST', '/api/persons', { name: '정하늘', rrn: RRN_2000S })
    ).json();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('신호');
    sheet.addRow(['주민등록번호', '신호유형', '확인일', '값']);
    sheet.addRow([Number(RRN_2000S.replace('-', '')), '건강보험료 체납', new Date(Date.UTC(2026, 1, 15)), 6]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = (await upload(manager, 'nhis.xlsx', content)).json();
    expect(preview.rows).toEqual([
      {
        line: 2,
        status: 'valid',
        personCode: born2003.code,
        type: 'health_insurance_arrears',
        observedOn: '2026-02-15',
        value: 6,
        errors: [],
      },
    ]);
    await manager.request('POST', `/api/protection/signal-imports/${preview.id}/cancel`);
  });

  it('refuses a file without a person column with a message for the whole file', async () => {
    const response = await upload(manager, 'bad.csv', '성명,신호유형\n홍길동,단전');
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('주민등록번호');
  });

  describe('a large file', () => {
    const lines = 450;
    const file = () =>
      [
        '대상자ID,신호유형,확인일,참조번호',
        ...Array.from({ length: lines }, (_, i) => `${byCode.code},우편물 반송,2026-02-01,BIG-${i}`),
      ].join('\n');

    it('commits in chunks, each recorded with the batch’s progress, and resumes after a failure without doubling', async () => {
      const preview = (await upload(manager, 'big.csv', file())).json();
      expect(preview).toMatchObject({ total: lines, valid: lines });
      // A fault in the third chunk (lines 401-450).
      await platform.deps.db.execute(sql`
        create function fail_on_big() returns trigger language plpgsql as $$
        begin if new.reference = 'BIG-420' then raise exception 'injected failure'; end if; return new; end $$`);
      await platform.deps.db.execute(sql`
        create trigger fail_on_big before insert on protection_signals for each row execute function fail_on_big()`);
      try {
        const failed = await manager.request(
          'POST',
          `/api/protection/signal-imports/${preview.id}/commit`,
          {},
        );
        expect(failed.statusCode).toBe(500);
      } finally {
        await platform.deps.db.execute(sql`drop trigger fail_on_big on protection_signals`);
        await platform.deps.db.execute(sql`drop function fail_on_big()`);
      }
      const halfway = (await manager.request('GET', `/api/protection/signal-imports/${preview.id}`)).json();
      expect(halfway).toMatchObject({ status: 'previewed', imported: 400 });
      const resumed = (
        await manager.request('POST', `/api/protection/signal-imports/${preview.id}/commit`, {})
      ).json();
      expect(resumed).toMatchObject({ status: 'done', imported: lines, duplicates: 0 });
      const stored = await platform.deps.db
        .select()
        .from(protectionSignals)
        .where(eq(protectionSignals.importId, preview.id));
      expect(stored).toHaveLength(lines);
      // One access-log entry per person per chunk, never per line.
      const entries = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'protection_signal'), eq(auditLog.subjectId, byCode.id)));
      expect(entries.filter((e) => (e.detail as { importId?: string }).importId === preview.id)).toHaveLength(
        3,
      );
    });
  });

  it('leaves no registration number in the access log or any table', async () => {
    const audit = JSON.stringify(await platform.deps.db.select().from(auditLog));
    expect(RRN_SPELLINGS.filter((rrn) => audit.includes(rrn))).toEqual([]);
    expect(await findPlaintext(platform.deps.db, RRN_SPELLINGS)).toEqual([]);
  });
});
