import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * Reads a cohort file (CSV or XLSX) into rows of the intake fields. Headers may be Korean, as Hanawon and
 * the centers write them, or the API's English field names. Dates are read from Excel dates and from the
 * usual Korean spellings (2020.03.15, 2020-03-15, 20200315).
 */
const HEADERS: Record<string, string> = {
  성명: 'name',
  이름: 'name',
  name: 'name',
  이전이름: 'otherNames',
  '이전 이름': 'otherNames',
  북한이름: 'otherNames',
  '북한 이름': 'otherNames',
  othernames: 'otherNames',
  주민등록번호: 'rrn',
  rrn: 'rrn',
  생년월일: 'birthDate',
  birthdate: 'birthDate',
  성별: 'sex',
  sex: 'sex',
  연락처: 'phone',
  휴대전화: 'phone',
  전화번호: 'phone',
  phone: 'phone',
  주소: 'address',
  address: 'address',
  출신지역: 'originProvince',
  originprovince: 'originProvince',
  입국일: 'arrivalDate',
  arrivaldate: 'arrivalDate',
  하나원기수: 'hanawonClass',
  '하나원 기수': 'hanawonClass',
  hanawonclass: 'hanawonClass',
  하나원수료일: 'hanawonCompletionDate',
  '하나원 수료일': 'hanawonCompletionDate',
  hanawoncompletiondate: 'hanawonCompletionDate',
  보호결정일: 'protectionDecisionDate',
  protectiondecisiondate: 'protectionDecisionDate',
  전입일: 'residenceStartDate',
  residencestartdate: 'residenceStartDate',
  거주지역: 'residenceRegion',
  residenceregion: 'residenceRegion',
};

const SEX: Record<string, string> = {
  남: 'male',
  남자: 'male',
  남성: 'male',
  m: 'male',
  male: 'male',
  여: 'female',
  여자: 'female',
  여성: 'female',
  f: 'female',
  female: 'female',
};

const PROVINCES: Record<string, string> = {
  평양: 'pyongyang',
  평양시: 'pyongyang',
  평양직할시: 'pyongyang',
  남포: 'nampo',
  남포시: 'nampo',
  라선: 'rason',
  나선: 'rason',
  라선시: 'rason',
  평안남도: 'south_pyongan',
  평남: 'south_pyongan',
  평안북도: 'north_pyongan',
  평북: 'north_pyongan',
  자강도: 'chagang',
  황해남도: 'south_hwanghae',
  황남: 'south_hwanghae',
  황해북도: 'north_hwanghae',
  황북: 'north_hwanghae',
  강원도: 'kangwon',
  함경남도: 'south_hamgyong',
  함남: 'south_hamgyong',
  함경북도: 'north_hamgyong',
  함북: 'north_hamgyong',
  량강도: 'ryanggang',
  양강도: 'ryanggang',
  미상: 'unknown',
};

export type CohortField =
  | 'name'
  | 'otherNames'
  | 'rrn'
  | 'birthDate'
  | 'sex'
  | 'phone'
  | 'address'
  | 'originProvince'
  | 'arrivalDate'
  | 'hanawonClass'
  | 'hanawonCompletionDate'
  | 'protectionDecisionDate'
  | 'residenceStartDate'
  | 'residenceRegion';

export interface ParsedCohort {
  /** Columns the file has that ieum does not read (shown in the preview so nothing is dropped silently). */
  readonly ignoredColumns: string[];
  readonly rows: Record<string, unknown>[];
}

export class CohortFileError extends Error {
  override readonly name = 'CohortFileError';
  constructor(readonly reason: 'format' | 'empty' | 'no_name_column' | 'too_many_rows') {
    super(reason);
  }
}

export const MAX_ROWS = 5000;

export async function parseCohortFile(fileName: string, content: Buffer): Promise<ParsedCohort> {
  const table = await readSpreadsheet(fileName, content);
  const [header, ...body] = table;
  if (!header || body.length === 0) throw new CohortFileError('empty');
  if (body.length > MAX_ROWS) throw new CohortFileError('too_many_rows');
  const fields = header.map(
    (cell) =>
      HEADERS[cell.trim().toLowerCase().replace(/\s+/g, ' ')] ??
      HEADERS[cell.trim().replace(/\s+/g, '').toLowerCase()],
  );
  if (!fields.includes('name')) throw new CohortFileError('no_name_column');
  const ignoredColumns = header.filter((_, index) => !fields[index]);
  const rows = body
    // A row with nothing in the columns ieum reads (blank, or only a remark) is not a person.
    .filter((cells) => cells.some((cell, index) => fields[index] !== undefined && cell.trim() !== ''))
    .map((cells) => {
      const row: Record<string, unknown> = {};
      fields.forEach((field, index) => {
        const value = (cells[index] ?? '').trim();
        if (!field || value === '') return;
        row[field] = normalizeValue(field as CohortField, value);
      });
      return row;
    });
  return { ignoredColumns, rows };
}

function normalizeValue(field: CohortField, value: string): unknown {
  switch (field) {
    case 'otherNames':
      return value
        .split(/[,;/]/)
        .map((name) => name.trim())
        .filter(Boolean);
    case 'sex':
      return SEX[value.toLowerCase()] ?? value;
    case 'originProvince':
      return PROVINCES[value.replace(/\s+/g, '')] ?? value;
    case 'birthDate':
    case 'arrivalDate':
    case 'hanawonCompletionDate':
    case 'protectionDecisionDate':
    case 'residenceStartDate':
      return normalizeDate(value);
    default:
      return value;
  }
}

/** 2020.3.15 · 2020-03-15 · 2020/03/15 · 20200315 → 2020-03-15; anything else is passed on to fail validation. */
export function normalizeDate(value: string): string {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parts = /^(\d{4})[.\-/]\s*(\d{1,2})[.\-/]\s*(\d{1,2})\.?$/.exec(value);
  if (parts)
    return `${parts[1]}-${(parts[2] as string).padStart(2, '0')}-${(parts[3] as string).padStart(2, '0')}`;
  return value;
}

/** The cells of a CSV file or of an XLSX file's first sheet, as text (the signal import reads files this way too). */
export async function readSpreadsheet(fileName: string, content: Buffer): Promise<string[][]> {
  return fileName.toLowerCase().endsWith('.xlsx') ? readXlsx(content) : readCsv(content);
}

function readCsv(content: Buffer): string[][] {
  try {
    // A BOM is common in CSV saved by Excel in Korea; csv-parse strips it with `bom`.
    return parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (cause) {
    throw Object.assign(new CohortFileError('format'), { cause });
  }
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (cause) {
    throw Object.assign(new CohortFileError('format'), { cause });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CohortFileError('empty');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++)
      cells.push(cellText(row.getCell(column).value));
    table.push(cells);
  });
  return table;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates are calendar dates stored at UTC midnight.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    return '';
  }
  return String(value);
}
