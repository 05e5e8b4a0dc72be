import { PERSON_ID, PERSON_SUMMARY } from '../../testing/persons';
import type { CaseDetailData, CaseSummaryData } from './api';

export const CASE_ID = '0190a6b2-0000-7000-8000-0000000000d1';
export const WORKER = { id: '0190a6b2-0000-7000-8000-0000000000aa', displayName: '김하나' };
export const OTHER_WORKER = { id: '0190a6b2-0000-7000-8000-0000000000ab', displayName: '이두리' };

export const CASE_SUMMARY: CaseSummaryData = {
  id: CASE_ID,
  person: { id: PERSON_ID, code: PERSON_SUMMARY.code, maskedName: PERSON_SUMMARY.maskedName },
  status: 'intake',
  assignedWorker: WORKER,
  openedOn: '2026-03-02',
  closedOn: null,
  version: 3,
};

export function caseDetail(overrides: Partial<CaseDetailData> = {}): CaseDetailData {
  return {
    ...CASE_SUMMARY,
    allowedTransitions: ['assessment', 'closed'],
    notes: [],
    withheldNotes: 0,
    assessments: [],
    goals: [],
    history: [{ status: 'intake', at: '2026-03-02T01:00:00Z', byUsername: 'kim.cw', reason: null }],
    ...overrides,
  };
}
