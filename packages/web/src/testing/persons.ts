import type { PersonDetail, PersonSummary } from '@ieum/domain';
import type { DuplicateCandidateData } from '../modules/registry/api';
import { SEOUL_CENTER } from './fake-server';

export const PERSON_ID = '0190a6b2-0000-7000-8000-0000000000c1';

export const PERSON_SUMMARY: PersonSummary = {
  id: PERSON_ID,
  code: 'P-7K3M-Q9XA',
  maskedName: '김*희',
  sex: 'female',
  birthYear: 1985,
  hanaCenter: { id: SEOUL_CENTER.id, name: SEOUL_CENTER.name },
  arrivalDate: '2024-03-05',
  status: 'active',
};

export const MASKED_PERSON: PersonDetail = {
  ...PERSON_SUMMARY,
  identity: {
    masked: true,
    name: '김*희',
    otherNames: ['K** Y********'],
    rrn: '850305-2******',
    birthDate: '1985-**-**',
    phone: '***-****-5678',
    address: '서울특별시 노원구 ***',
  },
  originProvince: 'north_hamgyong',
  hanawonClass: '250',
  hanawonCompletionDate: '2024-06-20',
  protectionDecisionDate: '2024-02-01',
  residenceStartDate: '2024-06-25',
  residenceRegion: 'seoul',
  municipality: null,
  version: 1,
  createdAt: '2025-05-01T00:30:00Z',
};

export const UNMASKED_PERSON: PersonDetail = {
  ...MASKED_PERSON,
  identity: {
    masked: false,
    name: '김영희',
    otherNames: ['Kim Young-hee'],
    rrn: '8503052123456',
    birthDate: '1985-03-05',
    phone: '01012345678',
    address: '서울특별시 노원구 상계로 1',
  },
};

/** Same birth date, one vowel apart, at the worker's own center. */
export const LIKELY_CANDIDATE: DuplicateCandidateData = {
  code: 'P-7K3M-Q9XA',
  maskedName: '김*희',
  hanaCenterName: '서울남부하나센터',
  inScope: true,
  score: 86,
  level: 'likely',
  reasons: [
    { code: 'name_similar', points: 46, similarity: 0.92 },
    { code: 'birth_date_equal', points: 40 },
  ],
};

/** A former romanized name, swapped day and month, at an office the worker may not see. */
export const OTHER_OFFICE_CANDIDATE: DuplicateCandidateData = {
  code: 'P-2B8C-D4EF',
  maskedName: null,
  hanaCenterName: '부산하나센터',
  inScope: false,
  score: 61,
  level: 'possible',
  reasons: [
    {
      code: 'name_romanization',
      points: 41,
      similarity: 0.9,
      names: { incoming: 'current', existing: 'other' },
    },
    { code: 'birth_date_transposed', points: 20 },
  ],
};

/** The same resident registration number: not something a worker can wave through. */
export const CERTAIN_CANDIDATE: DuplicateCandidateData = {
  code: 'P-9Z9Z-0A0B',
  maskedName: '박*자',
  hanaCenterName: '서울남부하나센터',
  inScope: true,
  score: 100,
  level: 'certain',
  reasons: [{ code: 'rrn_equal', points: 100 }],
};
