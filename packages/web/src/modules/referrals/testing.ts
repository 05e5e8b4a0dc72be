import type { ConsentView, RecipientReferral } from '@ieum/domain';
import { fireEvent, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { PERSON_ID } from '../../testing/persons';
import type { OrganizationData } from './api';

/** Made-up organizations, consents and referrals for the module's DOM tests. */
export const LEGAL_AID: OrganizationData = {
  id: '0190a6b2-0000-7000-8000-0000000000d1',
  name: '대한법률구조공단 서울북부지부',
  nameEn: 'Korea Legal Aid Corporation, Seoul North',
  type: 'legal_aid',
  region: 'seoul',
};

export const EMPLOYMENT_CENTER: OrganizationData = {
  id: '0190a6b2-0000-7000-8000-0000000000d2',
  name: '서울북부고용센터',
  nameEn: 'Seoul North Employment Center',
  type: 'employment_center',
  region: 'seoul',
};

export const RECORDED_BY = { id: '0190a6b2-0000-7000-8000-0000000000aa', displayName: '김하나' };

export const WITHDRAWN_CONSENT: ConsentView = {
  id: '0190a6b2-0000-7000-8000-0000000000e1',
  personId: PERSON_ID,
  recipientOrganization: null,
  recipientType: 'employment_center',
  categories: ['identity', 'employment'],
  purpose: 'employment_support',
  givenOn: '2025-01-02',
  expiresOn: '2025-12-31',
  withdrawnOn: '2025-06-01',
  withdrawnBy: RECORDED_BY,
  recordedBy: RECORDED_BY,
  recordedAt: '2025-01-02T01:00:00Z',
  state: 'withdrawn',
  version: 2,
};

/** Identity only, for legal aid, to Legal Aid, in force until 2099. */
export const IDENTITY_CONSENT: ConsentView = {
  ...WITHDRAWN_CONSENT,
  id: '0190a6b2-0000-7000-8000-0000000000e2',
  recipientOrganization: { id: LEGAL_AID.id, name: LEGAL_AID.name, type: LEGAL_AID.type },
  recipientType: null,
  categories: ['identity'],
  purpose: 'legal_aid',
  givenOn: '2025-01-02',
  expiresOn: '2099-12-31',
  withdrawnOn: null,
  withdrawnBy: null,
  state: 'active',
  version: 1,
};

export const REFERRAL_ID = '0190a6b2-0000-7000-8000-0000000000f1';

/** What Legal Aid reads: identity and the legal need, nothing else. */
export const RECEIVED_REFERRAL: RecipientReferral = {
  id: REFERRAL_ID,
  side: 'recipient',
  person: null,
  senderOrganization: { id: '0190a6b2-0000-7000-8000-000000000001', name: '서울남부하나센터' },
  recipientOrganization: { id: LEGAL_AID.id, name: LEGAL_AID.name, type: 'legal_aid' },
  purpose: 'legal_aid',
  categories: ['identity', 'legal'],
  dueOn: '2099-03-10',
  sentAt: '2026-03-02T01:00:00Z',
  status: 'sent',
  overdue: false,
  suspended: false,
  allowedActions: ['accept', 'decline'],
  version: 1,
  message: '임금 체불 건으로 법률 상담을 부탁드립니다.',
  identity: { name: '김영희', birthDate: '1985-03-05' },
  needs: [{ domain: 'legal', score: 4 }],
  history: [{ status: 'sent', at: '2026-03-02T01:00:00Z', organizationName: '서울남부하나센터', note: null }],
};

export function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

/** Opens a Mantine Select and picks the option with this label. */
export async function choose(container: HTMLElement, testId: string, optionLabel: string) {
  const select = within(container).getByTestId(testId);
  await waitFor(() => expect((select as HTMLInputElement).disabled).toBe(false));
  fireEvent.click(select);
  const listbox = await waitFor(() => {
    const id = select.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error(`the list of ${testId} did not open`);
    return element;
  });
  // Still in its opening transition, so not "accessible" yet: find by text.
  const option = (await within(listbox).findByText(optionLabel)).closest('[role="option"]');
  if (!option) throw new Error(`no option ${optionLabel}`);
  fireEvent.click(option);
}
