import ExcelJS from 'exceljs';
import type { ReportTable } from './plan-report-data';

/** One sheet per table, named for it in Korean, headers bold and frozen; numbers stay numbers. */
export async function tablesToXlsx(options: {
  title: string;
  generatedAt: string;
  tables: readonly ReportTable[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ieum';
  workbook.title = options.title;
  for (const table of options.tables) {
    // Excel refuses sheet names over 31 characters and a few punctuation marks.
    const sheet = workbook.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) sheet.addRow([...row]).alignment = { vertical: 'top', wrapText: true };
  }
  const about = workbook.addWorksheet('문서 정보');
  about.columns = [
    { header: '항목', width: 14 },
    { header: '내용', width: 60 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow(['제목', options.title]);
  about.addRow(['생성 일시', options.generatedAt]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
