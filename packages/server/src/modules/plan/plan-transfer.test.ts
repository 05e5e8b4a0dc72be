import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { planTestHelpers } from './plan-test-helpers';

/** Tasks imported from XLSX into a draft (preview, then commit), and the plan's documents as XLSX and PDF. */
describe('plan import and export', () => {
  let platform: TestPlatform;
  const clock = new Date('2020-05-11T01:00:00Z'); // Monday 11 May 2020, 10:00 in Seoul: Q1 and Q2 have begun
  let manager: TestSession;
  let reporter: TestSession;
  let planId: string;
  let nowon: string;
  let employment: string;

  const HEADERS = [
    '분야',
    '과제번호',
    '과제명',
    '내용',
    '주관기관',
    '협조기관',
    '지표명',
    '단위',
    '기준값',
    '목표값',
    '방향',
  ];
  const xlsx = async (rows: (string | number)[][]) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('과제');
    sheet.addRow(HEADERS);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  };
  const version = async () => (await manager.request('GET', `/api/plans/${planId}`)).json().version as number;
  const readXlsx = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    return workbook;
  };
  const values = (sheet: ExcelJS.Worksheet | undefined) => {
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  const NOWON = '서울특별시 노원구청';
  const EMPLOYMENT = '서울북부고용센터';
  const good = [
    1,
    '1-1',
    '지역 맞춤형 정착지원 강화',
    '전입 초기 상담을 늘립니다.',
    NOWON,
    EMPLOYMENT,
    '초기 상담 인원',
    '명',
    '1,200',
    1500,
    '상향',
  ];
  const file = [
    good,
    [1, '1-2', '취업 연계 확대', '', '없는 기관', '', '', '', '', '', ''],
    [3, '3-1', '교육 지원', '', NOWON, '', '', '', '', '', ''],
    [1, '1.3', '번호가 잘못된 과제', '', NOWON, '', '', '', '', '', ''],
    [2, '2-1', '중복 과제 가', '', NOWON, '', '', '', '', '', ''],
    [2, '2-1', '중복 과제 나', '', NOWON, '', '', '', '', '', ''],
    [2, '2-2', '이직률 낮추기', '', EMPLOYMENT, NOWON, '이직률', '%', 30, 40, '하향'],
  ];

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    manager = await platform.signIn('demo-plan-manager');
    reporter = await platform.signIn('demo-task-reporter');
    const { orgId } = planTestHelpers(() => platform);
    nowon = await orgId(NOWON);
    employment = await orgId(EMPLOYMENT);
    const master = await manager.request('POST', '/api/master-plans', {
      titleKo: '가져오기 시험 기본계획',
      titleEn: 'Import test master plan',
      startYear: 2020,
      endYear: 2020,
      categories: [
        { code: 1, nameKo: '일자리', nameEn: 'Jobs', goal: '생산적 시민으로' },
        { code: 2, nameKo: '교육지원', nameEn: 'Education', goal: '' },
      ],
    });
    expect(master.statusCode, master.body).toBe(201);
    const plan = await manager.request('POST', '/api/plans', { masterPlanId: master.json().id, year: 2020 });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = plan.json().id;
  }, 60_000);
  afterAll(() => platform.close());

  it('hands plan managers a template whose first row is the columns the import reads', async () => {
    const response = await manager.request('GET', '/api/plans/import-template.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe('attachment; filename="plan-tasks-template.xlsx"');
    const workbook = await readXlsx(response.rawPayload);
    expect(values(workbook.getWorksheet('과제'))[0]).toEqual(HEADERS);
    expect((await reporter.request('GET', '/api/plans/import-template.xlsx')).statusCode).toBe(403);
  });

  it('previews each row: what it creates, and why the others cannot be imported, in Korean and English', async () => {
    const response = await manager.request('POST', `/api/plans/${planId}/import/preview`, {
      fileName: '과제.xlsx',
      contentBase64: await xlsx(file),
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ total: 7, creates: 1, replaces: 0, invalid: 6 });
    const byRow = (row: number) => preview.rows.find((r: { row: number }) => r.row === row);
    expect(byRow(2)).toMatchObject({ code: '1-1', action: 'create', errors: [] });
    expect(byRow(3).errors).toEqual([
      {
        column: '주관기관',
        message: {
          ko: '등록되지 않은 기관입니다: 없는 기관',
          en: 'No organization is registered as "없는 기관".',
        },
      },
    ]);
    expect(byRow(4).errors).toEqual([
      { column: '분야', message: { ko: '계획에 없는 분야입니다.', en: 'The plan has no such category.' } },
    ]);
    expect(byRow(5).errors[0]).toMatchObject({
      column: '과제번호',
      message: { en: 'Write the task code like 1-3.' },
    });
    for (const row of [6, 7])
      expect(byRow(row).errors[0]).toMatchObject({
        column: '과제번호',
        message: { ko: '파일에 같은 과제번호가 또 있습니다.' },
      });
    expect(byRow(8).action).toBe('invalid');
    expect(byRow(8).errors).toHaveLength(1);
    expect(byRow(8).errors[0].column).toBe('목표값');
    expect(byRow(8).errors[0].message.ko).not.toBe(byRow(8).errors[0].message.en);
    expect((await manager.request('GET', `/api/plans/${planId}`)).json().taskCount).toBe(0);
  });

  it('refuses to commit a file with invalid rows unless asked to import only the valid ones, at the plan’s version', async () => {
    const contentBase64 = await xlsx(file);
    const body = { fileName: '과제.xlsx', contentBase64 };
    const all = await manager.request('POST', `/api/plans/${planId}/import/commit`, {
      ...body,
      version: await version(),
    });
    expect(all.statusCode, all.body).toBe(422);
    const stale = await manager.request('POST', `/api/plans/${planId}/import/commit`, {
      ...body,
      version: (await version()) - 1,
      onlyValid: true,
    });
    expect(stale.statusCode).toBe(409);
    const denied = await reporter.request('POST', `/api/plans/${planId}/import/commit`, {
      ...body,
      version: await version(),
      onlyValid: true,
    });
    expect(denied.statusCode).toBe(403);
    const before = await version();
    const committed = await manager.request('POST', `/api/plans/${planId}/import/commit`, {
      ...body,
      version: before,
      onlyValid: true,
    });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toEqual({ created: 1, replaced: 0, skipped: 6, version: before + 1 });
    const plan = (await manager.request('GET', `/api/plans/${planId}`)).json();
    const [task] = plan.categories[0].tasks;
    expect(task).toMatchObject({
      code: '1-1',
      title: '지역 맞춤형 정착지원 강화',
      description: '전입 초기 상담을 늘립니다.',
      leadOrganization: { id: nowon },
      cooperatingOrganizations: [{ id: employment }],
    });
    expect(task.kpis).toMatchObject([
      {
        nameKo: '초기 상담 인원',
        unit: 'count',
        unitLabelKo: '명',
        baseline: 1200,
        target: 1500,
        direction: 'up',
      },
    ]);
    const audits = await platform.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'plan_import'));
    expect(audits.map((a) => a.detail)).toEqual([
      expect.objectContaining({ created: 1, replaced: 0, skipped: 6, codes: ['1-1'] }),
    ]);
  });

  it('replaces the task with the same code, keeping its key and its KPI’s key', async () => {
    const before = (await manager.request('GET', `/api/plans/${planId}`)).json().categories[0].tasks[0];
    const changed = [...good];
    changed[2] = '지역 맞춤형 정착지원 내실화';
    changed[9] = 1600;
    const contentBase64 = await xlsx([
      changed,
      [2, '2-1', '교육 과정 확대', '', EMPLOYMENT, '', '', '', '', '', ''],
    ]);
    const preview = await manager.request('POST', `/api/plans/${planId}/import/preview`, {
      fileName: 'plan.xlsx',
      contentBase64,
    });
    expect(preview.json().rows.map((r: { action: string }) => r.action)).toEqual(['replace', 'create']);
    const committed = await manager.request('POST', `/api/plans/${planId}/import/commit`, {
      fileName: 'plan.xlsx',
      contentBase64,
      version: await version(),
    });
    expect(committed.json()).toMatchObject({ created: 1, replaced: 1, skipped: 0 });
    const plan = (await manager.request('GET', `/api/plans/${planId}`)).json();
    const after = plan.categories[0].tasks[0];
    expect(after).toMatchObject({ key: before.key, title: '지역 맞춤형 정착지원 내실화' });
    expect(after.kpis[0]).toMatchObject({ key: before.kpis[0].key, target: 1600 });
    expect(plan.taskCount).toBe(2);
  });

  it('refuses a file that is not a task sheet, in both languages', async () => {
    const response = await manager.request('POST', `/api/plans/${planId}/import/preview`, {
      fileName: 'plan.xlsx',
      contentBase64: Buffer.from('not a workbook').toString('base64'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('XLSX');
  });

  it('exports the plan as XLSX with Korean sheets, headers and values that read back as written', async () => {
    const response = await reporter.request('GET', `/api/plans/${planId}/export.xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe('attachment; filename="plan-2020-r1.xlsx"');
    const workbook = await readXlsx(response.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['분야', '과제', '성과지표', '문서 정보']);
    expect(values(workbook.getWorksheet('분야'))).toEqual([
      ['분야', '분야명', '목표', '과제 수'],
      [1, '일자리', '생산적 시민으로', 1],
      [2, '교육지원', '', 1],
    ]);
    expect(values(workbook.getWorksheet('과제'))[1]).toEqual([
      '1-1',
      '지역 맞춤형 정착지원 내실화',
      '전입 초기 상담을 늘립니다.',
      NOWON,
      EMPLOYMENT,
      '미보고',
      '',
    ]);
    expect(values(workbook.getWorksheet('성과지표'))[1]).toEqual([
      '1-1',
      '초기 상담 인원',
      '명',
      1200,
      1600,
      '상향',
      '–',
      '',
    ]);
    expect(values(workbook.getWorksheet('문서 정보'))[2]).toEqual([
      '생성 일시',
      '2020-05-11 10:00 (한국 시간)',
    ]);
    const audits = await platform.deps.db.select().from(auditLog).where(eq(auditLog.action, 'export'));
    expect(audits.at(-1)?.detail).toMatchObject({ document: 'plan', format: 'xlsx' });
  });

  it('exports the consultation record: who was invited, who answered, and the comments', async () => {
    const consultation = await manager.request('PUT', `/api/plans/${planId}/consultation`, {
      consultation: {
        startsOn: '2020-05-12',
        endsOn: '2020-05-18',
        organizationIds: [nowon, employment],
        councilMemberIds: [],
        message: '검토 부탁드립니다.',
      },
      version: await version(),
    });
    expect(consultation.statusCode, consultation.body).toBe(200);
    const response = await manager.request('GET', `/api/plans/${planId}/consultation/export.xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="plan-2020-r1-consultation.xlsx"',
    );
    const workbook = await readXlsx(response.rawPayload);
    expect(values(workbook.getWorksheet('협의 대상'))).toEqual([
      ['구분', '이름', '회신', '의견 수', '의견 없음'],
      ['기관', NOWON, '미회신', 0, ''],
      ['기관', EMPLOYMENT, '미회신', 0, ''],
    ]);
    expect(values(workbook.getWorksheet('의견'))).toEqual([
      ['대상', '기관', '의견', '반영 여부', '사유', '제출일'],
    ]);
  });

  it('exports a quarter’s status report as XLSX and as an A4 PDF in Korean', async () => {
    const sheet = await reporter.request('GET', `/api/plans/${planId}/status-report/export.xlsx?quarter=2`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.headers['content-disposition']).toBe('attachment; filename="plan-2020-r1-q2-status.xlsx"');
    const workbook = await readXlsx(sheet.rawPayload);
    expect(values(workbook.getWorksheet('2분기 과제 추진 현황'))[1]).toEqual([
      '1-1',
      '지역 맞춤형 정착지원 내실화',
      NOWON,
      '미보고',
      '',
      '',
    ]);
    expect(values(workbook.getWorksheet('2분기 성과지표'))[1]).toEqual([
      '1-1',
      '초기 상담 인원',
      '–',
      '–',
      '1,600명',
      '값 없음',
    ]);

    const pdf = await reporter.request('GET', `/api/plans/${planId}/status-report/export.pdf?quarter=2`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="plan-2020-r1-q2-status.pdf"');
    const bytes = pdf.rawPayload.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(bytes).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(bytes).toContain('PretendardGOV');
    expect(bytes).not.toContain('/Helvetica');

    expect((await reporter.request('GET', `/api/plans/${planId}/export.pdf`)).statusCode).toBe(200);
    expect(
      (await reporter.request('GET', `/api/plans/${planId}/status-report/export.pdf?quarter=5`)).statusCode,
    ).toBe(400);
    expect((await reporter.request('GET', `/api/plans/${randomUUID()}/export.pdf`)).statusCode).toBe(404);
    expect((await reporter.request('GET', `/api/plans/${planId}/export.docx`)).statusCode).toBe(400);
  });

  it('refuses exports to a user without plans.read', async () => {
    const partner = await platform.signIn('demo-partner');
    expect((await partner.request('GET', `/api/plans/${planId}/export.xlsx`)).statusCode).toBe(403);
  });
});
