import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizationIds } from '../../seed/demo-organizations';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { auditLog, users } from '../db/schema';

/**
 * The access promises, proved over HTTP as the people concerned: a case worker cannot read another
 * center's person (404, as if absent), a partner reads only what a consented referral carries and only
 * while the consent holds, the administrator and the privacy auditor never read case content — and every
 * refusal and every view is in the access log with the data subject.
 */
describe('who may read a person, a case and a referral', () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let otherCenter: TestSession;
  let partner: TestSession;
  let personId: string;
  let caseId: string;
  let referralId: string;
  let consentId: string;
  const PHONE = '010-2345-6789';
  const NOTE = '면담 중 확인한 가족 관계 사항';

  async function userId(username: string): Promise<string> {
    const [row] = await platform.deps.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, username));
    return row?.id as string;
  }

  /** The access-log entries written after `afterSeq`, for one actor. */
  async function entriesSince(afterSeq: number, username: string) {
    return platform.deps.db
      .select({
        action: auditLog.action,
        subjectId: auditLog.subjectId,
        entityType: auditLog.entityType,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .where(and(gt(auditLog.seq, afterSeq), eq(auditLog.actorId, await userId(username))));
  }

  async function lastSeq(): Promise<number> {
    const rows = await platform.deps.db.select({ seq: auditLog.seq }).from(auditLog);
    return Math.max(0, ...rows.map((row) => Number(row.seq)));
  }

  beforeAll(async () => {
    platform = await createTestPlatform();
    worker = await platform.signIn('demo-case-worker');
    otherCenter = await platform.signIn('demo-case-worker-2');
    partner = await platform.signIn('demo-partner');
    const created = await worker.request('POST', '/api/persons', {
      name: '한가람',
      birthDate: '1990-04-12',
      sex: 'female',
      phone: PHONE,
      address: '서울특별시 노원구 예시로 12',
    });
    expect(created.statusCode).toBe(201);
    personId = created.json().id;
    const opened = await worker.request('POST', '/api/cases', { personId });
    expect(opened.statusCode).toBe(201);
    caseId = opened.json().id;
    expect(
      (await worker.request('POST', `/api/cases/${caseId}/notes`, { body: NOTE, sensitivity: 'normal' }))
        .statusCode,
    ).toBe(201);

    const legalAid = (await demoOrganizationIds(platform.deps.db)).get('legal-aid') as string;
    const today = platform.deps.now().toISOString().slice(0, 10);
    const consent = await worker.request('POST', `/api/persons/${personId}/consents`, {
      recipientOrganizationId: legalAid,
      categories: ['identity'],
      purpose: 'legal_aid',
      givenOn: today,
      expiresOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    });
    expect(consent.statusCode).toBe(201);
    consentId = consent.json().id;
    const referral = await worker.request('POST', '/api/referrals', {
      personId,
      recipientOrganizationId: legalAid,
      purpose: 'legal_aid',
      categories: ['identity'],
      dueOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
      message: '법률상담을 요청드립니다.',
    });
    expect(referral.statusCode).toBe(201);
    referralId = referral.json().id;
  }, 120_000);
  afterAll(() => platform.close());

  describe('a case worker of another center', () => {
    it('gets not-found for the person, the case and its consents, exactly as for an absent id', async () => {
      const absent = crypto.randomUUID();
      for (const [url, absentUrl] of [
        [`/api/persons/${personId}`, `/api/persons/${absent}`],
        [`/api/cases/${caseId}`, `/api/cases/${absent}`],
        [`/api/persons/${personId}/consents`, `/api/persons/${absent}/consents`],
      ] as const) {
        const seen = await otherCenter.request('GET', url);
        const missing = await otherCenter.request('GET', absentUrl);
        expect({ url, status: seen.statusCode }).toEqual({ url, status: 404 });
        expect(seen.json().code).toBe(missing.json().code);
      }
      expect(
        (await otherCenter.request('POST', `/api/persons/${personId}/unmask`, { reason: '업무 확인' }))
          .statusCode,
      ).toBe(404);
    });

    it('leaves each refusal in the access log with the person as the data subject', async () => {
      const before = await lastSeq();
      await otherCenter.request('GET', `/api/persons/${personId}`);
      await otherCenter.request('POST', `/api/persons/${personId}/unmask`, { reason: '업무 확인' });
      await otherCenter.request('GET', `/api/cases/${caseId}`);
      await otherCenter.request('GET', `/api/persons/${personId}/consents`);
      await otherCenter.request('GET', `/api/persons/${personId}/transfers`);
      expect((await otherCenter.request('POST', '/api/cases', { personId })).statusCode).toBe(404);
      const entries = await entriesSince(before, 'demo-case-worker-2');
      expect(
        entries.filter((entry) => entry.action === 'permission_denied' && entry.subjectId === personId),
      ).toHaveLength(6);
    });

    it('does not log a subject for an id that names nobody (nothing to protect, nothing to reveal)', async () => {
      const before = await lastSeq();
      await otherCenter.request('GET', `/api/persons/${crypto.randomUUID()}`);
      const entries = await entriesSince(before, 'demo-case-worker-2');
      expect(entries.filter((entry) => entry.subjectId !== null)).toEqual([]);
    });
  });

  describe('a partner organization', () => {
    it('cannot open the person, the case or the person list at all', async () => {
      for (const url of [`/api/persons/${personId}`, `/api/cases/${caseId}`, '/api/persons', '/api/cases'])
        expect({ url, status: (await partner.request('GET', url)).statusCode }).toEqual({ url, status: 403 });
    });

    it('reads of the referral only the consented category: identity, not contact or case content', async () => {
      const response = await partner.request('GET', `/api/referrals/${referralId}`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.side).toBe('recipient');
      expect(body.identity).toEqual({ name: '한가람', birthDate: '1990-04-12' });
      expect(body).not.toHaveProperty('contact');
      expect(body).not.toHaveProperty('caseSummary');
      expect(response.body).not.toContain(PHONE);
      expect(response.body).not.toContain('6789');
      expect(response.body).not.toContain(NOTE);
    });

    it('loses the carried data the moment the consent is withdrawn (checked on every read)', async () => {
      const consents = await worker.request('GET', `/api/persons/${personId}/consents`);
      const consent = consents.json().items.find((item: { id: string }) => item.id === consentId);
      expect(
        (await worker.request('POST', `/api/consents/${consentId}/withdraw`, { version: consent.version }))
          .statusCode,
      ).toBe(204);
      const response = await partner.request('GET', `/api/referrals/${referralId}`);
      expect(response.body).not.toContain('한가람');
      // Refused outright (the recipient has nothing left to read), and the refusal names the subject.
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('1990-04-12');
    });
  });

  describe('the administrator and the privacy auditor', () => {
    it.each(['demo-admin', 'demo-privacy-auditor'])(
      '%s cannot read a case, a note or a person',
      async (username) => {
        const session = await platform.signIn(username);
        for (const url of [
          `/api/cases/${caseId}`,
          '/api/cases',
          `/api/persons/${personId}`,
          `/api/persons/${personId}/consents`,
        ]) {
          const response = await session.request('GET', url);
          expect({ url, status: response.statusCode }).toEqual({ url, status: 403 });
          expect(response.body).not.toContain(NOTE);
        }
      },
    );

    it('the privacy auditor reads who looked at the person, never what the case says', async () => {
      const auditor = await platform.signIn('demo-privacy-auditor');
      const response = await auditor.request('GET', `/api/audit/entries?subjectId=${personId}&pageSize=100`);
      expect(response.statusCode).toBe(200);
      expect(response.json().items.length).toBeGreaterThan(0);
      expect(response.body).not.toContain(NOTE);
      expect(response.body).not.toContain(PHONE);
      expect(response.body).not.toContain('한가람');
    });
  });

  describe('every look is logged with the data subject', () => {
    it('the worker viewing the person and the case, and the partner viewing the referral', async () => {
      const before = await lastSeq();
      expect((await worker.request('GET', `/api/persons/${personId}`)).statusCode).toBe(200);
      expect((await worker.request('GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
      const workerViews = (await entriesSince(before, 'demo-case-worker')).filter(
        (entry) => entry.action === 'view',
      );
      expect(workerViews.map((entry) => entry.subjectId)).toEqual([personId, personId]);
      const partnerBefore = await lastSeq();
      await partner.request('GET', `/api/referrals/${referralId}`);
      const partnerEntries = await entriesSince(partnerBefore, 'demo-partner');
      expect(partnerEntries.some((entry) => entry.subjectId === personId)).toBe(true);
    });
  });
});
