// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../platform/api';
import { i18n } from '../../platform/i18n';
import { fakeServer, json, makeMe, session } from '../../testing/fake-server';
import { renderApp } from '../../testing/render';
import { FAIR_RESULT, OTHER_PERSON, OTHER_POSTING_ID, PERSON, POSTING_ID, POSTINGS } from './fixtures';

const SLOW = { timeout: 10_000 };

function fairServer() {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(['case_worker']), 'csrf-fair'),
    'GET /api/jobs/postings': () => json(POSTINGS),
    'POST /api/jobs/fair': () => json(FAIR_RESULT),
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

describe('the job fair', () => {
  it('runs on the chosen open postings and sets the exact total beside the greedy one', async () => {
    const server = fairServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/jobs/fair');
    await screen.findByTestId(`fair-posting-${POSTING_ID}`, {}, SLOW);
    const list = server.requests.find((r) => r.path === '/api/jobs/postings');
    expect(Object.fromEntries(list?.query ?? [])).toEqual({ status: 'open', page: '1', pageSize: '100' });

    // Nothing chosen: said, nothing sent.
    fireEvent.click(screen.getByTestId('fair-run'));
    expect((await screen.findByTestId('fair-postings-error')).textContent).toBe(
      '참여할 채용공고를 하나 이상 선택해 주십시오.',
    );
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: '지게차 운전원 (주간) 참여' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '주방 보조 (시간제) 참여' }));
    expect(screen.getByTestId('fair-chosen').textContent).toBe('2건 선택');
    fireEvent.change(screen.getByTestId('fair-min-score'), { target: { value: '50' } });
    fireEvent.click(screen.getByTestId('fair-run'));
    const result = await screen.findByTestId('fair-result', {}, SLOW);
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      postingIds: [POSTING_ID, OTHER_POSTING_ID],
      minScore: 50,
    });
    expect(within(result).getByTestId('fair-exactTotal').textContent).toBe('161점 (2명)');
    expect(within(result).getByTestId('fair-greedyTotal').textContent).toBe('89점 (1명)');
    expect(within(result).getByTestId('fair-comparison').textContent).toBe(
      '최적 배정이 점수가 높은 짝부터 배정하는 방식보다 적합도 합계가 72점 높습니다.',
    );
    const rows = within(within(result).getByTestId('fair-placements')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      `${PERSON.code}지게차 운전원 (주간)89점`,
      `${OTHER_PERSON.code}주방 보조 (시간제)72점`,
    ]);
  });

  it('refuses a lowest score outside 0-100 before asking the server', async () => {
    const server = fairServer();
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp('/jobs/fair');
    await screen.findByTestId(`fair-posting-${POSTING_ID}`, {}, SLOW);
    fireEvent.click(screen.getByTestId('fair-select-all'));
    expect(screen.getByTestId('fair-chosen').textContent).toBe('2건 선택');
    fireEvent.change(screen.getByTestId('fair-min-score'), { target: { value: '140' } });
    fireEvent.click(screen.getByTestId('fair-run'));
    expect(await screen.findByText('0에서 100 사이의 정수를 입력해 주십시오.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
  });
});
