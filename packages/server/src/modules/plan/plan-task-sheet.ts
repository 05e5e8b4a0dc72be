import ExcelJS from 'exceljs';

/**
 * The sheet of tasks a plan is imported from, and the template handed out for it: one row per task, with at
 * most one KPI on the row. Headers are matched by their Korean names, spaces ignored.
 */
export const TASK_COLUMNS = [
  { key: 'category', header: '분야', width: 8, example: '1' },
  { key: 'code', header: '과제번호', width: 10, example: '1-1' },
  { key: 'title', header: '과제명', width: 36, example: '지역 맞춤형 정착지원 강화' },
  {
    key: 'description',
    header: '내용',
    width: 48,
    example: '지역적응센터와 함께 전입 초기 상담을 늘립니다.',
  },
  { key: 'lead', header: '주관기관', width: 24, example: '통일부' },
  { key: 'cooperating', header: '협조기관', width: 32, example: '고용노동부, 서울특별시' },
  { key: 'kpiName', header: '지표명', width: 28, example: '초기 상담 인원' },
  { key: 'kpiUnit', header: '단위', width: 8, example: '명' },
  { key: 'kpiBaseline', header: '기준값', width: 10, example: '1200' },
  { key: 'kpiTarget', header: '목표값', width: 10, example: '1500' },
  { key: 'kpiDirection', header: '방향', width: 8, example: '상향' },
] as const;

export type TaskColumn = (typeof TASK_COLUMNS)[number]['key'];
export type TaskSheetRow = { readonly row: number } & Record<TaskColumn, string>;

export const MAX_TASK_ROWS = 500;

export class TaskSheetError extends Error {
  constructor(
    readonly reason: 'format' | 'empty' | 'missing_columns' | 'too_many_rows',
    detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

const normalize = (header: string) => header.replace(/\s+/g, '');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** The rows of the first sheet, blank rows skipped; throws TaskSheetError when the file is not such a sheet. */
export async function readTaskSheet(content: Buffer): Promise<{ rows: TaskSheetRow[]; missing: string[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (cause) {
    throw Object.assign(new TaskSheetError('format'), { cause });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount < 2) throw new TaskSheetError('empty');
  const header = sheet.getRow(1);
  const positions = new Map<string, number>();
  header.eachCell((cell, column) => positions.set(normalize(cellText(cell.value)), column));
  const missing = TASK_COLUMNS.filter((c) => !positions.has(c.header)).map((c) => c.header);
  const required = ['분야', '과제번호', '과제명', '주관기관'];
  if (missing.some((m) => required.includes(m)))
    throw new TaskSheetError('missing_columns', missing.join(', '));
  const rows: TaskSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const values = Object.fromEntries(
      TASK_COLUMNS.map((c) => {
        const column = positions.get(c.header);
        return [c.key, column ? cellText(row.getCell(column).value).trim() : ''];
      }),
    ) as Record<TaskColumn, string>;
    if (Object.values(values).every((v) => v === '')) return;
    rows.push({ row: number, ...values });
  });
  if (rows.length === 0) throw new TaskSheetError('empty');
  if (rows.length > MAX_TASK_ROWS) throw new TaskSheetError('too_many_rows');
  return { rows, missing };
}

/** An empty sheet with the headers, one example row and a note on how the columns are read. */
export async function taskSheetTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('과제');
  sheet.columns = TASK_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(TASK_COLUMNS.map((c) => [c.key, c.example])));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = workbook.addWorksheet('작성 안내');
  notes.columns = [
    { header: '열', key: 'column', width: 12 },
    { header: '작성 방법', key: 'how', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const [column, how] of [
    ['분야', '계획의 분야 번호(1-9)'],
    ['과제번호', '분야 번호-과제 순번(예: 1-3). 같은 번호가 계획에 있으면 그 과제를 바꿉니다.'],
    ['주관기관', '등록된 기관 이름과 똑같이 적습니다.'],
    ['협조기관', '등록된 기관 이름을 쉼표(,)로 나누어 적습니다.'],
    ['단위', '%, 원, 일 또는 셀 때 쓰는 말(명, 건, 개소, 회)'],
    ['방향', '상향(높을수록 좋음) 또는 하향(낮을수록 좋음)'],
  ]) {
    notes.addRow({ column, how });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
