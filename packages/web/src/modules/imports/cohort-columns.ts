/**
 * The columns a cohort file may have, as the server's parser reads them (registry/import/parse-cohort.ts):
 * the Korean header a Hanawon list uses, and the intake field it fills. Only `성명` is required.
 */
export const COHORT_COLUMNS = [
  { header: '성명', field: 'name', required: true },
  { header: '이전 이름', field: 'otherNames', required: false },
  { header: '주민등록번호', field: 'rrn', required: false },
  { header: '생년월일', field: 'birthDate', required: false },
  { header: '성별', field: 'sex', required: false },
  { header: '연락처', field: 'phone', required: false },
  { header: '주소', field: 'address', required: false },
  { header: '출신지역', field: 'originProvince', required: false },
  { header: '입국일', field: 'arrivalDate', required: false },
  { header: '하나원 기수', field: 'hanawonClass', required: false },
  { header: '하나원 수료일', field: 'hanawonCompletionDate', required: false },
  { header: '보호결정일', field: 'protectionDecisionDate', required: false },
  { header: '전입일', field: 'residenceStartDate', required: false },
] as const;

export type CohortField = (typeof COHORT_COLUMNS)[number]['field'];

/** The header of a path such as `otherNames.1` (the server reports errors by intake field). */
export function columnOf(path: string): CohortField | null {
  const field = path.split('.')[0];
  return COHORT_COLUMNS.find((column) => column.field === field)?.field ?? null;
}

/**
 * A template with the header row only: a sample row would be a made-up person that someone might import.
 * UTF-8 with a BOM, so Excel in Korea opens the Korean headers correctly.
 */
export function cohortTemplateCsv(): string {
  return `\uFEFF${COHORT_COLUMNS.map((column) => column.header).join(',')}\r\n`;
}
