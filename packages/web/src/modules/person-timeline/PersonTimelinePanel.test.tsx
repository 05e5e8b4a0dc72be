// @vitest-environment happy-dom
import type { PersonTimelineEvent } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, SEOUL_CENTER, session } from '../../testing/fake-server';
import { MASKED_PERSON, PERSON_ID } from '../../testing/persons';
import { renderApp } from '../../testing/render';

const SLOW = { timeout: 10_000 };
const CASE_ID = '0190a6b2-0000-7000-8000-0000000000d1';

const EVENTS: PersonTimelineEvent[] = [
  {
    kind: 'transfer_decided',
    id: 'transfer_decided:1',
    at: '2026-03-05T01:00:00Z',
    actor: '박센터',
    status: 'accepted',
    fromCenter: '서울남부하나센터',
    toCenter: '부산하나센터',
  },
  {
    kind: 'note_added',
    id: 'note:1',
    at: '2026-03-04T01:00:00Z',
    actor: '김하나',
    caseId: CASE_ID,
    sensitivity: 'sensitive',
  },
  {
    kind: 'goal_changed',
    id: 'goal:9',
    at: '2026-03-03T01:00:00Z',
    actor: '김하나',
    caseId: CASE_ID,
    domain: 'employment',
    status: 'achieved',
  },
  {
    kind: 'consent_given',
    id: 'consent:1',
    at: '2026-03-02T01:00:00Z',
    actor: '김하나',
    purpose: 'legal_aid',
    categories: ['identity'],
    recipientOrganization: null,
    recipientType: 'legal_aid',
  },
  {
    kind: 'task_created',
    id: 'task:1',
    at: '2026-03-01T01:00:00Z',
    actor: null,
    taskKind: 'initial_education',
    dueOn: '2026-04-01',
  },
];

function server(locale: 'ko' | 'en' = 'ko') {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['case_worker'], { locale })),
    [`GET /api/persons/${PERSON_ID}`]: () => json(MASKED_PERSON),
    'GET /api/reference/organizations': () =>
      json({
        items: [
          {
            id: SEOUL_CENTER.id,
            name: SEOUL_CENTER.name,
            nameEn: SEOUL_CENTER.nameEn,
            type: 'hana_center',
            region: 'seoul',
          },
          {
            id: '0190a6b2-0000-7000-8000-000000000011',
            name: '부산하나센터',
            nameEn: 'Busan Hana Center',
            type: 'hana_center',
            region: 'busan',
          },
        ],
      }),
    [`GET /api/persons/${PERSON_ID}/timeline`]: (request) =>
      json(
        request.query.get('page') === '2'
          ? {
              items: [{ kind: 'registered', id: 'registered:1', at: '2026-01-01T00:00:00Z', actor: null }],
              total: 31,
            }
          : { items: EVENTS, total: 31 },
      ),
  });
}

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rows = () => screen.getAllByTestId('timeline-event').map((row) => row.textContent ?? '');

describe("the person's timeline tab", () => {
  it('says what happened in each kind of entry, newest first, and who did it', async () => {
    vi.stubGlobal('fetch', vi.fn(server().fetch));
    renderApp(`/persons/${PERSON_ID}`);
    fireEvent.click(await screen.findByTestId('person-tab-timeline', {}, SLOW));
    await screen.findAllByTestId('timeline-event', {}, SLOW);
    const text = rows();
    expect(text[0]).toContain('사례 이관 수락: 서울남부하나센터 → 부산하나센터');
    expect(text[0]).toContain('박센터');
    expect(text[1]).toContain('상담 기록 작성(민감도: 민감)');
    expect(text[2]).toContain('서비스 계획 목표 상태 변경(취업): 달성');
    expect(text[3]).toContain('정보 제공 동의 등록: 법률구조기관 전체, 법률 지원');
    expect(text[4]).toContain('업무 생성: 하나센터 초기집중교육(기한 2026-04-01)');
    expect(text[4]).toContain('시스템');
  });

  it('pages on the server', async () => {
    const fake = server();
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    renderApp(`/persons/${PERSON_ID}`);
    fireEvent.click(await screen.findByTestId('person-tab-timeline', {}, SLOW));
    await screen.findAllByTestId('timeline-event', {}, SLOW);
    const pages = screen.getByRole('navigation', { name: '페이지 이동' });
    const second = [...pages.querySelectorAll('button')].find((button) => button.textContent === '2');
    fireEvent.click(second as HTMLButtonElement);
    await waitFor(() => expect(rows()).toEqual([expect.stringContaining('대상자 등록')]), SLOW);
    const last = fake.requests.filter((r) => r.path.endsWith('/timeline')).at(-1);
    expect(last?.query.get('page')).toBe('2');
    expect(last?.query.get('pageSize')).toBe('30');
  });

  it('reads in English', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', vi.fn(server('en').fetch));
    renderApp(`/persons/${PERSON_ID}`);
    fireEvent.click(await screen.findByTestId('person-tab-timeline', {}, SLOW));
    await screen.findAllByTestId('timeline-event', {}, SLOW);
    const text = rows();
    expect(text[1]).toContain('Case note written (sensitivity: Sensitive)');
    expect(text[3]).toContain('Consent recorded: any Legal aid');
    await waitFor(
      () =>
        expect(rows()[0]).toContain('Case transfer accepted: Seoul South Hana Center → Busan Hana Center'),
      SLOW,
    );
  });
});
