import type { AlertDetailData, AlertItemData, PersonProtectionData, SurveyRoundData } from './api';

/** Made-up alerts, profiles and rounds for the module's DOM tests. */
export const ALERT_ID = '0190a6b2-0000-7000-8000-0000000000a1';
export const PERSON = { id: '0190a6b2-0000-7000-8000-0000000000c1', code: 'P-7K3M-Q9XA' };
export const CENTER = { id: '0190a6b2-0000-7000-8000-000000000001', name: '서울남부하나센터' };
export const WORKER = { id: '0190a6b2-0000-7000-8000-0000000000aa', displayName: '김하나' };
export const OTHER_WORKER = { id: '0190a6b2-0000-7000-8000-0000000000ab', displayName: '박두리' };

/** Water cut off and eight months of rent unpaid: 25 + (20 + 10) = 55 before the categories. */
export const WATER_REASON = {
  code: 'signal',
  points: 25,
  signalType: 'water_cutoff',
  count: 1,
  latestOn: '2026-03-02',
  maxValue: null,
  boosted: false,
};
export const RENT_REASON = {
  code: 'signal',
  points: 30,
  signalType: 'rent_arrears',
  count: 1,
  latestOn: '2026-03-01',
  maxValue: 8,
  boosted: true,
};
export const SINGLE_PARENT_REASON = { code: 'vulnerability', points: 8, category: 'single_parent' };
export const CHILDREN_REASON = { code: 'children_with_hardship', points: 10, children: 1 };

export const ALERT_ITEM: AlertItemData = {
  id: ALERT_ID,
  person: PERSON,
  level: 'crisis',
  score: 73,
  status: 'open',
  organization: CENTER,
  assignee: null,
  openedAt: '2026-03-02T01:00:00Z',
  dueAt: '2026-03-03T01:00:00Z',
  firstContactAt: null,
  escalatedAt: null,
  overdue: false,
  topReasons: [RENT_REASON, WATER_REASON],
  version: 1,
};

export const ALERT_DETAIL: AlertDetailData = {
  ...ALERT_ITEM,
  rulesVersion: '2020-12',
  reasons: [RENT_REASON, WATER_REASON, CHILDREN_REASON, SINGLE_PARENT_REASON],
  signals: [
    {
      id: '0190a6b2-0000-7000-8000-0000000000b1',
      type: 'water_cutoff',
      observedOn: '2026-03-02',
      value: null,
      receivedAt: '2026-03-02T00:50:00Z',
      via: 'staff',
      sourceOrganization: null,
    },
    {
      id: '0190a6b2-0000-7000-8000-0000000000b2',
      type: 'rent_arrears',
      observedOn: '2026-03-01',
      value: 8,
      receivedAt: '2026-03-02T00:40:00Z',
      via: 'import',
      sourceOrganization: { id: '0190a6b2-0000-7000-8000-0000000000f9', name: '한국토지주택공사' },
    },
  ],
  contacts: [],
  services: [],
  events: [
    {
      at: '2026-03-02T01:00:00Z',
      kind: 'opened',
      actor: null,
      detail: { level: 'crisis' },
    },
  ],
  outcome: null,
  followUpOn: null,
  closedAt: null,
};

export const EMPTY_PROTECTION: PersonProtectionData = {
  profile: {
    personId: PERSON.id,
    categories: [],
    childrenInHousehold: 0,
    benefits: [],
    insuredRegularWorker: false,
    updatedAt: null,
    updatedBy: null,
    version: 0,
  },
  score: null,
  signals: [],
  alerts: [],
};

export const SIGNAL_TYPES = {
  items: [
    {
      type: 'water_cutoff',
      ko: '단수',
      en: 'Water cut off',
      source: { ko: '지방자치단체 상수도사업본부', en: 'Municipal waterworks' },
      valueUnit: null,
      validFrom: '2015-01-01',
      validUntil: null,
    },
    {
      type: 'rent_arrears',
      ko: '임대료 체납',
      en: 'Rent arrears',
      source: { ko: '한국토지주택공사(LH)·지방공사', en: 'Korea Land and Housing Corporation (LH)' },
      valueUnit: { ko: '개월', en: 'months' },
      validFrom: '2015-01-01',
      validUntil: null,
    },
    {
      type: 'power_cutoff',
      ko: '전기 단전(폐지)',
      en: 'Retired type',
      source: { ko: '한국전력공사', en: 'KEPCO' },
      valueUnit: null,
      validFrom: '2015-01-01',
      validUntil: '2016-01-01',
    },
  ],
};

export const ROUND_ID = '0190a6b2-0000-7000-8000-0000000000d1';

export const ROUND: SurveyRoundData = {
  id: ROUND_ID,
  name: '2026년 상반기 취약계층 실태조사',
  startsOn: '2026-03-01',
  endsOn: '2026-05-31',
  criteria: {
    categories: ['single_parent', 'elderly_living_alone'],
    excludeOnLivelihoodOrMedicalAid: true,
    excludeInsuredRegularWorkers: false,
  },
  createdBy: { id: '0190a6b2-0000-7000-8000-0000000000ee', displayName: '이계획' },
  createdAt: '2026-02-20T01:00:00Z',
  selected: 120,
  checked: 30,
  findings: { no_concern: 18, needs_support: 8, crisis_suspect: null, unreachable: null },
  byOrganization: [
    { organization: CENTER, selected: 70, checked: 20, crisisSuspects: null },
    {
      organization: { id: '0190a6b2-0000-7000-8000-000000000003', name: '서울북부하나센터' },
      selected: 50,
      checked: 10,
      crisisSuspects: 5,
    },
  ],
};
