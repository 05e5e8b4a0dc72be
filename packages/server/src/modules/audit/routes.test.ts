import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { seoulDayStart } from './audit.repository';

function seoulMonth(at: Date, monthsAhead = 0): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
  })
    .format(at)
    .split('-')
    .map(Number) as [number, number];
  const index = year * 12 + (month - 1) + monthsAhead;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

describe('the access log API', () => {
  let platform: TestPlatform;
  let auditor: TestSession;
  beforeAll(async () => {
    platform = await createTestPlatform();
    auditor = await platform.signIn('demo-privacy-auditor');
    const admin = await platform.signIn('demo-admin');
    await admin.request('POST', '/api/admin/organizations', {
      name: '로그 조회용 기관',
      type: 'school',
      region: null,
    });
  });
  afterAll(() => platform.close());

  it('lists entries newest first with a total, filtered by actor and action', async () => {
    const response = await auditor.request('GET', '/api/audit/entries?actor=DEMO-ADMIN&action=create');
    expect(response.statusCode).toBe(200);
    const { items, total } = response.json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      actorUsername: 'demo-admin',
      action: 'create',
      entityType: 'organization',
    });
    const all = (await auditor.request('GET', '/api/audit/entries?pageSize=200')).json().items as {
      seq: number;
    }[];
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
  });

  it('records each reading of the log with its filter, naming a searched data subject only as the entry’s subject', async () => {
    const subjectId = randomUUID();
    await auditor.request('GET', `/api/audit/entries?subjectId=${subjectId}&action=view`);
    // Newest first: the reading just made (this request is recorded after it answers).
    const [entry] = (
      await auditor.request('GET', '/api/audit/entries?actor=demo-privacy-auditor&action=view&pageSize=1')
    ).json().items;
    expect(entry).toMatchObject({
      action: 'view',
      entityType: 'audit_log',
      actorUsername: 'demo-privacy-auditor',
      subjectId,
      detail: { filter: { subjectId: 'set', action: 'view' }, page: 1 },
    });
  });

  it('filters by Seoul calendar days', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    const todays = (await auditor.request('GET', `/api/audit/entries?from=${today}&to=${today}`)).json();
    expect(todays.total).toBeGreaterThan(0);
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(
      new Date(Date.now() - 86_400_000),
    );
    expect((await auditor.request('GET', `/api/audit/entries?to=${yesterday}`)).json().total).toBe(0);
    expect(seoulDayStart('2026-03-01').toISOString()).toBe('2026-02-28T15:00:00.000Z');
  });

  it('verifies the chain on request', async () => {
    const response = await auditor.request('GET', '/api/audit/verify');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(response.json().checked).toBeGreaterThan(3);
  });

  describe('monthly review sign-off', () => {
    it('signs the current month (201) with the entry count and the chain result, once', async () => {
      const month = seoulMonth(new Date());
      const response = await auditor.request('POST', '/api/audit/reviews', {
        month,
        findings: '특이사항 없음',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        month,
        reviewerUsername: 'demo-privacy-auditor',
        findings: '특이사항 없음',
        chainVerified: true,
      });
      expect(response.json().entriesReviewed).toBeGreaterThan(3);
      const again = await auditor.request('POST', '/api/audit/reviews', { month, findings: '두 번째' });
      expect(again.statusCode).toBe(409);
      expect(again.json().errors).toEqual([{ path: 'month', message: '이미 검토를 마친 달입니다.' }]);
      const list = (await auditor.request('GET', '/api/audit/reviews')).json().items;
      expect(list.map((r: { month: string }) => r.month)).toEqual([month]);
      const signed = (await auditor.request('GET', '/api/audit/entries?action=review_signed')).json().items;
      expect(signed[0].detail).toMatchObject({ month, chainVerified: true });
    });

    it('refuses a future month with 422 on `month`', async () => {
      const response = await auditor.request('POST', '/api/audit/reviews', {
        month: seoulMonth(new Date(), 1),
        findings: '미리',
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        { path: 'month', message: '아직 오지 않은 달은 검토할 수 없습니다.' },
      ]);
    });

    it('lists reviews newest month first', async () => {
      await auditor.request('POST', '/api/audit/reviews', {
        month: seoulMonth(new Date(), -2),
        findings: '지난 달',
      });
      await auditor.request('POST', '/api/audit/reviews', {
        month: seoulMonth(new Date(), -1),
        findings: '지난 달',
      });
      const months = (await auditor.request('GET', '/api/audit/reviews'))
        .json()
        .items.map((r: { month: string }) => r.month);
      expect(months).toEqual([
        seoulMonth(new Date()),
        seoulMonth(new Date(), -1),
        seoulMonth(new Date(), -2),
      ]);
    });
  });
});
