import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ReportTable } from './plan-report-data';

/**
 * The printable documents: A4, Pretendard GOV (the KRDS typeface) embedded from node_modules — ieum runs on
 * separated networks and fetches nothing — with the title, the generation time in Korea and "n / N" on every
 * page. A table that runs past a page continues on the next with its header repeated; no row is split.
 */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const FOOTER = 24;
const FONT_SIZE = 8;
const CELL_PADDING = 3;
const CONTENT_WIDTH = A4.width - MARGIN * 2;
const PAGE_BOTTOM = A4.height - MARGIN - FOOTER;

let fonts: { regular: Buffer; bold: Buffer } | null = null;
function pretendard() {
  if (fonts) return fonts;
  // The package has no entry point: find it from its package.json, in whichever node_modules holds it.
  const root = dirname(createRequire(import.meta.url).resolve('pretendard-gov/package.json'));
  const file = (weight: string) =>
    readFileSync(join(root, 'dist/public/static', `PretendardGOV-${weight}.otf`));
  fonts = { regular: file('Regular'), bold: file('Bold') };
  return fonts;
}

/** `2020-02-03 10:00 (한국 시간)`: Korea keeps no daylight saving, so UTC+9 all year. */
export function koreaTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 9 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} (한국 시간)`;
}

/** Where each row of each table falls: the page it starts on (0-based), for the layout test and the drawing. */
export interface PlacedRow {
  readonly table: number;
  /** -1 for the header row. */
  readonly row: number;
  readonly page: number;
  readonly y: number;
  readonly height: number;
}

type Measure = (text: string, width: number, bold: boolean) => number;

function columnWidths(table: ReportTable): number[] {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  return table.columns.map((c) => (c.width / total) * CONTENT_WIDTH);
}

/**
 * Lays the tables out on pages, starting below the title block at `top`. Pure apart from `measure`, so a
 * test can check the page breaks with a fake measure.
 */
export function layoutTables(
  tables: readonly ReportTable[],
  measure: Measure,
  top: number,
): { placed: PlacedRow[]; pages: number } {
  const placed: PlacedRow[] = [];
  let page = 0;
  let y = top;
  const maxRow = PAGE_BOTTOM - MARGIN - 40;
  const rowHeight = (cells: readonly (string | number)[], widths: number[], bold: boolean) =>
    Math.min(
      maxRow,
      Math.max(
        ...cells.map((cell, i) => measure(String(cell), (widths[i] ?? 0) - CELL_PADDING * 2, bold)),
        FONT_SIZE,
      ) +
        CELL_PADDING * 2,
    );
  tables.forEach((table, tableIndex) => {
    const widths = columnWidths(table);
    const headerHeight = rowHeight(
      table.columns.map((c) => c.header),
      widths,
      true,
    );
    const titleHeight = 22;
    const firstRow = table.rows[0];
    const firstHeight = firstRow ? rowHeight(firstRow, widths, false) : 0;
    // A table's title, header and first row stay together.
    if (y + titleHeight + headerHeight + firstHeight > PAGE_BOTTOM) {
      page++;
      y = MARGIN;
    }
    y += titleHeight;
    placed.push({ table: tableIndex, row: -1, page, y, height: headerHeight });
    y += headerHeight;
    table.rows.forEach((row, rowIndex) => {
      const height = rowHeight(row, widths, false);
      if (y + height > PAGE_BOTTOM) {
        page++;
        y = MARGIN;
        placed.push({ table: tableIndex, row: -1, page, y, height: headerHeight });
        y += headerHeight;
      }
      placed.push({ table: tableIndex, row: rowIndex, page, y, height });
      y += height;
    });
    y += 16;
  });
  return { placed, pages: page + 1 };
}

export async function tablesToPdf(options: {
  title: string;
  subtitle: string;
  generatedAt: Date;
  tables: readonly ReportTable[];
}): Promise<{ pdf: Buffer; pages: number }> {
  const { regular, bold } = pretendard();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: options.title, Creator: 'ieum' },
    lang: 'ko-KR',
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(16).text(options.title, MARGIN, MARGIN, { width: CONTENT_WIDTH });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor('#444444')
    .text(`${options.subtitle} · 생성 ${koreaTime(options.generatedAt)}`, { width: CONTENT_WIDTH });
  doc.fillColor('black');
  const top = doc.y + 10;

  const measure: Measure = (text, width, isBold) =>
    doc
      .font(isBold ? 'bold' : 'regular')
      .fontSize(FONT_SIZE)
      .heightOfString(text || ' ', { width });
  const { placed, pages } = layoutTables(options.tables, measure, top);

  let currentPage = 0;
  for (const cell of placed) {
    while (currentPage < cell.page) {
      doc.addPage();
      currentPage++;
    }
    const table = options.tables[cell.table];
    if (!table) continue;
    const widths = columnWidths(table);
    const isFirstHeader =
      cell.row === -1 && placed.find((p) => p.table === cell.table && p.row === -1) === cell;
    if (isFirstHeader) {
      doc
        .font('bold')
        .fontSize(11)
        .fillColor('black')
        .text(table.title, MARGIN, cell.y - 18, { width: CONTENT_WIDTH, lineBreak: false });
    }
    const texts =
      cell.row === -1 ? table.columns.map((c) => c.header) : (table.rows[cell.row] ?? []).map(String);
    let x = MARGIN;
    if (cell.row === -1)
      doc.rect(MARGIN, cell.y, CONTENT_WIDTH, cell.height).fill('#e8ecf2').fillColor('black');
    texts.forEach((text, i) => {
      const width = widths[i] ?? 0;
      doc.rect(x, cell.y, width, cell.height).lineWidth(0.4).stroke('#8a94a6');
      doc
        .font(cell.row === -1 ? 'bold' : 'regular')
        .fontSize(FONT_SIZE)
        .fillColor('black')
        .text(text, x + CELL_PADDING, cell.y + CELL_PADDING, {
          width: width - CELL_PADDING * 2,
          height: cell.height - CELL_PADDING * 2,
          ellipsis: true,
        });
      x += width;
    });
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin, where pdfkit would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#444444')
      .text(`${i + 1} / ${range.count}`, MARGIN, A4.height - MARGIN - 10, {
        width: CONTENT_WIDTH,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages };
}
