import { SIGNAL_TYPE_TABLE } from '@ieum/domain';
import { CohortFileError, normalizeDate, readSpreadsheet } from '../registry/import/parse-cohort';

/**
 * Reads a signal file an agency sent (CSV or XLSX) into items of the agency API's shape (SignalSubmissionItem),
 * so a file row and an API item are checked by the same code. Headers in Korean as agencies write them, or the
 * API's field names; the signal type by its code or its Korean (or English) name; dates in the usual Korean
 * spellings. Nothing is validated here beyond reading: a cell that cannot be read is passed on as written and
 * fails the check with a message for its line.
 */
const HEADERS: Record<string, SignalColumn> = {
  주민등록번호: 'rrn',
  rrn: 'rrn',
  대상자id: 'personId',
  대상자코드: 'personId',
  대상자번호: 'personId',
  personid: 'personId',
  신호유형: 'type',
  유형: 'type',
  type: 'type',
  확인일: 'observedOn',
  확인일자: 'observedOn',
  발생일: 'observedOn',
  observedon: 'observedOn',
  값: 'value',
  value: 'value',
  참조번호: 'reference',
  reference: 'reference',
};

export type SignalColumn = 'rrn' | 'personId' | 'type' | 'observedOn' | 'value' | 'reference';

const TYPE_BY_NAME = new Map<string, string>(
  SIGNAL_TYPE_TABLE.flatMap((definition) => [
    [definition.type, definition.type],
    [compact(definition.ko), definition.type],
    [compact(definition.en), definition.type],
  ]),
);

export interface ParsedSignalFile {
  /** Columns the file has that are not read (shown in the preview so nothing is dropped silently). */
  readonly ignoredColumns: string[];
  /** Each row with its line in the file (the header is line 1). */
  readonly rows: { readonly line: number; readonly item: Record<string, unknown> }[];
}

export class SignalFileError extends Error {
  override readonly name = 'SignalFileError';
  constructor(readonly reason: 'format' | 'empty' | 'no_person_column' | 'no_type_column' | 'too_many_rows') {
    super(reason);
  }
}

export const MAX_SIGNAL_ROWS = 5000;

export async function parseSignalFile(fileName: string, content: Buffer): Promise<ParsedSignalFile> {
  let table: string[][];
  try {
    table = await readSpreadsheet(fileName, content);
  } catch (error) {
    if (error instanceof CohortFileError)
      throw new SignalFileError(error.reason === 'empty' ? 'empty' : 'format');
    throw error;
  }
  const [header, ...body] = table;
  if (!header || body.length === 0) throw new SignalFileError('empty');
  if (body.length > MAX_SIGNAL_ROWS) throw new SignalFileError('too_many_rows');
  const columns = header.map((cell) => HEADERS[cell.replace(/\s+/g, '').toLowerCase()]);
  if (!columns.includes('rrn') && !columns.includes('personId'))
    throw new SignalFileError('no_person_column');
  if (!columns.includes('type')) throw new SignalFileError('no_type_column');
  const rows: ParsedSignalFile['rows'] = [];
  body.forEach((cells, index) => {
    // A row with nothing in the columns read (blank, or only a remark) is not a signal.
    if (!cells.some((cell, column) => columns[column] !== undefined && cell.trim() !== '')) return;
    const item: Record<string, unknown> = {};
    columns.forEach((column, position) => {
      const value = (cells[position] ?? '').trim();
      if (column && value !== '') item[column] = readCell(column, value);
    });
    rows.push({ line: index + 2, item });
  });
  return { ignoredColumns: header.filter((_, index) => !columns[index]), rows };
}

function readCell(column: SignalColumn, value: string): unknown {
  switch (column) {
    case 'rrn':
      // Excel drops the leading zero of numbers born 2000-2009 when the column is numeric: 12 digits left.
      return /^\d{12}$/.test(value) ? `0${value}` : value;
    case 'type':
      return TYPE_BY_NAME.get(compact(value)) ?? value;
    case 'observedOn':
      return normalizeDate(value);
    case 'value': {
      // "3", "3개월", "1,200일", "3 months": the number; the unit is the type's.
      const number = /^(\d+(?:\.\d+)?)\s*(개월|일|months?|days?)?$/i.exec(value.replace(/,/g, ''));
      return number ? Number(number[1]) : value;
    }
    case 'personId':
    case 'reference':
      return value;
    default: {
      const unknown: never = column;
      return unknown;
    }
  }
}

function compact(name: string): string {
  return name.replace(/[\s·,()]/g, '').toLowerCase();
}
