import type { PersonTransfer } from '@ieum/domain';
import { SEOUL_CENTER } from '../../testing/fake-server';
import type { TransferData } from './api';

export const CASE_ID = '0190a6b2-0000-7000-8000-0000000000d1';
export const BUSAN_CENTER = {
  id: '0190a6b2-0000-7000-8000-000000000011',
  name: '부산하나센터',
  nameEn: 'Busan Hana Center',
  type: 'hana_center' as const,
  region: 'busan' as const,
};
export const OWN_CENTER = {
  id: SEOUL_CENTER.id,
  name: SEOUL_CENTER.name,
  nameEn: SEOUL_CENTER.nameEn,
  type: 'hana_center' as const,
  region: 'seoul' as const,
};

export const DECLINED_TRANSFER: PersonTransfer = {
  id: '0190a6b2-0000-7000-8000-0000000000e1',
  caseId: CASE_ID,
  fromCenter: SEOUL_CENTER.name,
  toCenter: BUSAN_CENTER.name,
  status: 'declined',
  reason: '부산 전입 예정',
  decisionReason: '전입 일정이 확정되지 않음',
  requestedBy: '김하나',
  requestedAt: '2026-03-02T01:00:00Z',
  decidedBy: '박센터',
  decidedAt: '2026-03-03T02:00:00Z',
  cancellable: false,
};

export const INCOMING_TRANSFER: TransferData = {
  id: '0190a6b2-0000-7000-8000-0000000000e2',
  caseId: CASE_ID,
  person: { code: 'P-7K3M-Q9XA', maskedName: '김*희', birthYear: 1985 },
  fromCenter: BUSAN_CENTER.name,
  toCenter: SEOUL_CENTER.name,
  status: 'requested',
  reason: '서울 노원구로 전입',
  decisionReason: null,
  requestedAt: '2026-03-02T01:00:00Z',
  decidedAt: null,
  newCaseId: null,
};
