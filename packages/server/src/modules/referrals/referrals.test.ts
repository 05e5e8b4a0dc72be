import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';

/** Synthetic persons and texts: every name, number and sentence here is made up for tests. */
const PERSON = {
  name: '김영희',
  rrn: '850305-2123454',
  phone: '010-2345-6789',
  address: '서울특별시 노원구 상계로 1 (예시)',
};
const NOTE = '가족사 관련 민감 상담 내용';
const ASSESSMENT_SUMMARY = '임금 체불로 생계 곤란';
const GOAL = '임금 체불 구제 신청';
const MESSAGE = '임금 체불 건으로 법률 상담을 부탁드립니다.';
const DECLINE_REASON = '이해 상충으로 다른 지부 연계 요망';
const CANCEL_REASON = '본인이 다른 기관 이용을 원함';

describe('referrals to partner organizations', () => {
  let platform: TestPlatform;
  // The clock tests move: they start on Monday 2026-03-02 in Seoul.
  let clock = new Date('2026-03-02T01:00:00Z');
  let worker: TestSession;
  let manager: TestSession;
  let partner: TestSession;
  let ngoPartner: TestSession;
  let officer: TestSession;
  let kim: string;
  let park: string;
  let lee: string;
  let legalAid: string;
  let ngo: string;
  let employmentCenter: string;
  let legalAidConsent: { id: string; version: number };

  async function signInAll() {
    worker = await platform.signIn('demo-case-worker');
    manager = await platform.signIn('demo-center-manager');
    partner = await platform.signIn('demo-partner');
    ngoPartner = await platform.signIn('test-ngo-partner');
    officer = await platform.signIn('demo-employment-officer');
  }

  /** Moves the clock; sessions idle out over days, so everyone signs in again. */
  async function travelTo(instant: string) {
    clock = new Date(instant);
    await signInAll();
  }

  async function organizationOf(type: string, namePart = '') {
    const items = (await worker.request('GET', `/api/reference/organizations?type=${type}`)).json().items;
    return items.find((org: { name: string }) => org.name.includes(namePart)).id as string;
  }

  async function register(body: Record<string, unknown>) {
    const created = await worker.request('POST', '/api/persons', body);
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }

  async function recordConsent(personId: string, body: Record<string, unknown>) {
    const recorded = await worker.request('POST', `/api/persons/${personId}/consents`, body);
    expect(recorded.statusCode).toBe(201);
    return recorded.json().id as string;
  }

  const refer = (personId: string, over: Record<string, unknown> = {}) =>
    worker.request('POST', '/api/referrals', {
      personId,
      recipientOrganizationId: legalAid,
      purpose: 'legal_aid',
      categories: ['identity', 'legal'],
      dueOn: '2026-03-10',
      message: MESSAGE,
      ...over,
    });

  async function sent(personId: string, over: Record<string, unknown> = {}) {
    const response = await refer(personId, over);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }

  async function auditOf(subjectId: string) {
    const auditor = await platform.signIn('demo-privacy-auditor');
    const log = await auditor.request('GET', `/api/audit/entries?subjectId=${subjectId}&pageSize=200`);
    return log.json().items as {
      action: string;
      actorUsername: string;
      entityType: string;
      entityId: string;
      reason: string | null;
      detail: Record<string, unknown> | null;
    }[];
  }

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    worker = await platform.signIn('demo-case-worker');
    const admin = await platform.signIn('demo-admin');
    ngo = await organizationOf('partner_ngo');
    legalAid = await organizationOf('legal_aid', '서울북부');
    employmentCenter = await organizationOf('employment_center', '서울북부');
    const ngoUser = await admin.request('POST', '/api/admin/users', {
      username: 'test-ngo-partner',
      displayName: '민간단체 담당자',
      organizationId: ngo,
      roles: ['partner'],
      password: TEST_PASSWORD,
    });
    expect(ngoUser.statusCode).toBe(201);
    await signInAll();

    kim = await register(PERSON);
    park = await register({ name: '박철수', birthDate: '1970-11-20', sex: 'male' });
    lee = await register({ name: '이순자', birthDate: '1962-01-15', sex: 'female' });

    const caseId = (await worker.request('POST', '/api/cases', { personId: kim })).json().id;
    for (const [path, body] of [
      ['assessments', { scores: { legal: 4, employment: 3, health: 2 }, summary: ASSESSMENT_SUMMARY }],
      ['goals', { domain: 'legal', goal: GOAL, targetOn: '2026-06-30' }],
      ['notes', { body: NOTE, sensitivity: 'normal' }],
    ] as const) {
      expect((await worker.request('POST', `/api/cases/${caseId}/${path}`, body)).statusCode).toBe(201);
    }

    const consentId = await recordConsent(kim, {
      recipientOrganizationId: legalAid,
      categories: ['identity', 'legal'],
      purpose: 'legal_aid',
      givenOn: '2026-03-01',
      expiresOn: '2026-12-31',
    });
    legalAidConsent = { id: consentId, version: 1 };
    await recordConsent(kim, {
      recipientType: 'employment_center',
      categories: ['identity', 'contact', 'employment'],
      purpose: 'employment_support',
      givenOn: '2026-02-15',
      expiresOn: '2026-12-31',
    });
    await recordConsent(park, {
      recipientOrganizationId: legalAid,
      categories: ['identity', 'legal'],
      purpose: 'legal_aid',
      givenOn: '2025-01-01',
      expiresOn: '2025-12-31',
    });
  });
  afterAll(() => platform.close());

  describe('is refused at sending unless one consent covers recipient, categories and purpose today', () => {
    it('refuses a person without any consent', async () => {
      const response = await refer(lee);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'consent.not_covered',
        title: '유효한 동의가 이 의뢰를 허용하지 않습니다.',
        missing: ['no_consent'],
      });
      expect(response.json().detail).toContain('정보 제공 동의가 없음');
    });

    it('refuses with a consent that has expired', async () => {
      const response = await refer(park);
      expect(response.statusCode).toBe(422);
      expect(response.json().missing).toEqual(['expired']);
      expect(response.json().detail).toContain('동의 기간 만료');
    });

    it('refuses with a consent for another purpose', async () => {
      const response = await refer(kim, { purpose: 'employment_support', categories: ['identity'] });
      expect(response.statusCode).toBe(422);
      expect(response.json().missing).toEqual(['other_purpose']);
      expect(response.json().detail).toContain('취업 지원');
    });

    it('refuses a category the consent does not name, naming it', async () => {
      const response = await refer(kim, { categories: ['identity', 'contact', 'legal'] });
      expect(response.statusCode).toBe(422);
      expect(response.json().missing).toEqual(['missing_category:contact']);
      expect(response.json().detail).toBe(
        '이 의뢰를 허용하는 유효한 동의가 없습니다: 동의받지 않은 항목: 연락처(전화·주소).',
      );
    });

    it('refuses an organization the consent does not name, and explains in English too', async () => {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrfToken, 'accept-language': 'en' },
        payload: {
          personId: kim,
          recipientOrganizationId: ngo,
          purpose: 'legal_aid',
          categories: ['identity', 'legal'],
          dueOn: '2026-03-10',
          message: MESSAGE,
        },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        title: 'No valid consent covers this referral.',
        detail: 'No valid consent covers this referral: the consent does not name this recipient.',
        missing: ['other_recipient'],
      });
    });

    it('refuses a past due date and a recipient that is not a partner organization', async () => {
      expect((await refer(kim, { dueOn: '2026-03-01' })).statusCode).toBe(400);
      const police = await organizationOf('police');
      const response = await refer(kim, { recipientOrganizationId: police });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].path).toBe('recipientOrganizationId');
    });

    it('audits each refused disclosure with the data subject and what was missing', async () => {
      const refused = (await auditOf(kim)).filter(
        (e) => e.action === 'permission_denied' && e.entityType === 'referral',
      );
      expect(refused.map((e) => e.detail?.missing)).toEqual(
        expect.arrayContaining([['other_purpose'], ['missing_category:contact'], ['other_recipient']]),
      );
      expect(refused.every((e) => e.actorUsername === 'demo-case-worker' && e.reason === 'referral')).toBe(
        true,
      );
    });
  });

  describe('once sent under a consent', () => {
    let referralId: string;

    beforeAll(async () => {
      referralId = await sent(kim);
    });

    it('shows the sender the whole referral, under its consent', async () => {
      const detail = (await worker.request('GET', `/api/referrals/${referralId}`)).json();
      expect(detail).toMatchObject({
        side: 'sender',
        person: { id: kim, maskedName: '김*희' },
        recipientOrganization: { id: legalAid, type: 'legal_aid' },
        purpose: 'legal_aid',
        categories: ['identity', 'legal'],
        message: MESSAGE,
        status: 'sent',
        overdue: false,
        suspended: false,
        consentId: legalAidConsent.id,
        consentGaps: [],
        allowedActions: ['cancel'],
      });
      expect(detail.history).toEqual([
        expect.objectContaining({ status: 'sent', organizationName: '서울남부하나센터' }),
      ]);
    });

    it('shows the partner exactly the carried categories: name, birth date and the legal need', async () => {
      const list = (await partner.request('GET', '/api/referrals?box=received')).json();
      const item = list.items.find((r: { id: string }) => r.id === referralId);
      expect(item).toMatchObject({
        person: null,
        purpose: 'legal_aid',
        allowedActions: ['accept', 'decline'],
      });

      const response = await partner.request('GET', `/api/referrals/${referralId}`);
      expect(response.statusCode).toBe(200);
      const detail = response.json();
      expect(detail).toMatchObject({
        side: 'recipient',
        person: null,
        identity: { name: '김영희', birthDate: '1985-03-05' },
        needs: [{ domain: 'legal', score: 4 }],
        message: MESSAGE,
        senderOrganization: { name: '서울남부하나센터' },
      });
      for (const key of [
        'contact',
        'caseSummary',
        'phone',
        'address',
        'rrn',
        'otherNames',
        'notes',
        'code',
      ]) {
        expect(Object.keys(detail)).not.toContain(key);
      }
      for (const value of [
        '01023456789',
        '2345-6789',
        '8503052123454',
        '850305-2',
        '상계로',
        NOTE,
        ASSESSMENT_SUMMARY,
        GOAL,
        kim,
      ]) {
        expect(response.body).not.toContain(value);
      }
    });

    it('audits every read by the partner with the data subject and the reason', async () => {
      const views = (await auditOf(kim)).filter(
        (e) => e.actorUsername === 'demo-partner' && e.entityId === referralId,
      );
      expect(views).toEqual([
        expect.objectContaining({ action: 'view', entityType: 'referral', reason: 'referral' }),
      ]);
    });

    it('answers another partner organization exactly as if the referral did not exist, and audits it', async () => {
      const seen = await ngoPartner.request('GET', `/api/referrals/${referralId}`);
      const missing = await ngoPartner.request('GET', `/api/referrals/${crypto.randomUUID()}`);
      expect(seen.statusCode).toBe(404);
      expect(seen.json().code).toBe(missing.json().code);
      expect(seen.json().title).toBe(missing.json().title);
      expect((await ngoPartner.request('GET', '/api/referrals?box=received&view=all')).json()).toEqual({
        items: [],
        total: 0,
      });
      expect(
        (await ngoPartner.request('POST', `/api/referrals/${referralId}/accept`, { version: 1 })).statusCode,
      ).toBe(404);
      const refused = (await auditOf(kim)).filter((e) => e.actorUsername === 'test-ngo-partner');
      expect(refused).toEqual([
        expect.objectContaining({ action: 'permission_denied', entityId: referralId, reason: 'referral' }),
      ]);
    });

    it("lists one person's sent referrals for the person's page, and refuses that filter on the receiving side", async () => {
      const ofKim = (await worker.request('GET', `/api/referrals?box=sent&view=all&personId=${kim}`)).json();
      expect(ofKim.items.map((r: { id: string }) => r.id)).toContain(referralId);
      expect(ofKim.items.every((r: { person: { id: string } }) => r.person.id === kim)).toBe(true);
      const ofPark = (
        await worker.request('GET', `/api/referrals?box=sent&view=all&personId=${park}`)
      ).json();
      expect(ofPark).toEqual({ items: [], total: 0 });
      const received = await partner.request('GET', `/api/referrals?box=received&personId=${kim}`);
      expect(received.statusCode).toBe(400);
      expect(received.body).not.toContain(kim);
    });

    it('does not show it to the employment officer, whose center it was not sent to', async () => {
      expect((await officer.request('GET', `/api/referrals/${referralId}`)).statusCode).toBe(404);
    });

    it('refuses the administrator and the privacy auditor every referral route', async () => {
      for (const username of ['demo-admin', 'demo-privacy-auditor']) {
        const session = await platform.signIn(username);
        expect((await session.request('GET', '/api/referrals?box=sent')).statusCode, username).toBe(403);
        expect((await session.request('GET', `/api/referrals/${referralId}`)).statusCode, username).toBe(403);
        expect((await session.request('POST', '/api/referrals', {})).statusCode, username).toBe(403);
        expect(
          (await session.request('POST', `/api/referrals/${referralId}/accept`, { version: 1 })).statusCode,
          username,
        ).toBe(403);
        expect(
          (await session.request('POST', `/api/referrals/${referralId}/cancel`, { version: 1 })).statusCode,
          username,
        ).toBe(403);
      }
    });

    it('is accepted and completed by the recipient only, in order, with optimistic concurrency', async () => {
      expect(
        (await worker.request('POST', `/api/referrals/${referralId}/accept`, { version: 1 })).statusCode,
      ).toBe(403);
      expect(
        (await partner.request('POST', `/api/referrals/${referralId}/cancel`, { version: 1 })).statusCode,
      ).toBe(403);
      expect(
        (await partner.request('POST', `/api/referrals/${referralId}/complete`, { version: 1 })).statusCode,
      ).toBe(422);
      expect(
        (await partner.request('POST', `/api/referrals/${referralId}/accept`, { version: 2 })).statusCode,
      ).toBe(409);
      expect(
        (await partner.request('POST', `/api/referrals/${referralId}/accept`, { version: 1 })).statusCode,
      ).toBe(204);
      expect(
        (await partner.request('POST', `/api/referrals/${referralId}/accept`, { version: 2 })).statusCode,
      ).toBe(422);
      expect(
        (await partner.request('POST', `/api/referrals/${referralId}/complete`, { version: 2 })).statusCode,
      ).toBe(204);
      const detail = (await worker.request('GET', `/api/referrals/${referralId}`)).json();
      expect(detail.status).toBe('completed');
      expect(
        detail.history.map((h: { status: string; organizationName: string }) => [
          h.status,
          h.organizationName,
        ]),
      ).toEqual([
        ['sent', '서울남부하나센터'],
        ['accepted', '대한법률구조공단 서울북부지부'],
        ['completed', '대한법률구조공단 서울북부지부'],
      ]);
    });

    it('is declined with a reason the sender reads, and cancelled by the sender', async () => {
      const declined = await sent(kim);
      expect(
        (await partner.request('POST', `/api/referrals/${declined}/decline`, { version: 1 })).statusCode,
      ).toBe(400);
      expect(
        (
          await partner.request('POST', `/api/referrals/${declined}/decline`, {
            reason: DECLINE_REASON,
            version: 1,
          })
        ).statusCode,
      ).toBe(204);
      const asSender = (await worker.request('GET', `/api/referrals/${declined}`)).json();
      expect(asSender).toMatchObject({ status: 'declined', allowedActions: [] });
      expect(asSender.history[1]).toMatchObject({ status: 'declined', note: DECLINE_REASON });

      const cancelled = await sent(kim);
      expect(
        (
          await worker.request('POST', `/api/referrals/${cancelled}/cancel`, {
            reason: CANCEL_REASON,
            version: 1,
          })
        ).statusCode,
      ).toBe(204);
      const asRecipient = (await partner.request('GET', `/api/referrals/${cancelled}`)).json();
      expect(asRecipient).toMatchObject({ status: 'cancelled', allowedActions: [] });
      expect(asRecipient.history[1]).toMatchObject({ status: 'cancelled', note: CANCEL_REASON });
    });

    it('carries contact and employment to the Employment Center under a consent for every employment center', async () => {
      const toEmployment = await sent(kim, {
        recipientOrganizationId: employmentCenter,
        purpose: 'employment_support',
        categories: ['contact', 'employment'],
        dueOn: '2026-03-20',
      });
      const response = await officer.request('GET', `/api/referrals/${toEmployment}`);
      expect(response.statusCode).toBe(200);
      const detail = response.json();
      expect(detail).toMatchObject({
        side: 'recipient',
        contact: { phone: '01023456789', address: PERSON.address },
        needs: [{ domain: 'employment', score: 3 }],
      });
      expect(Object.keys(detail)).not.toContain('identity');
      expect(response.body).not.toContain('김영희');
      // The referral opens the referral, not the registry: the officer still cannot look the person up.
      expect((await officer.request('GET', `/api/persons/${kim}`)).statusCode).toBe(404);
      expect((await partner.request('GET', `/api/referrals/${toEmployment}`)).statusCode).toBe(404);
    });
  });

  describe('after the consent is withdrawn', () => {
    let open: string;
    let completed: string;

    beforeAll(async () => {
      open = await sent(kim);
      completed = await sent(kim);
      await partner.request('POST', `/api/referrals/${completed}/accept`, { version: 1 });
      await partner.request('POST', `/api/referrals/${completed}/complete`, { version: 2 });
      expect((await partner.request('GET', `/api/referrals/${open}`)).statusCode).toBe(200);
      const withdrawn = await worker.request('POST', `/api/consents/${legalAidConsent.id}/withdraw`, {
        version: legalAidConsent.version,
      });
      expect(withdrawn.statusCode).toBe(204);
    });

    it("refuses the partner's next read of the person's data with a problem that names no one", async () => {
      for (const id of [open, completed]) {
        const response = await partner.request('GET', `/api/referrals/${id}`);
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({
          code: 'referral.consent_lapsed',
          title: expect.stringContaining('동의가 철회되었거나 만료되어'),
        });
        for (const value of ['김영희', '1985-03-05', MESSAGE, kim])
          expect(response.body).not.toContain(value);
      }
    });

    it('audits each refused read as permission_denied with the data subject and the reason', async () => {
      const refused = (await auditOf(kim)).filter(
        (e) =>
          e.actorUsername === 'demo-partner' &&
          e.action === 'permission_denied' &&
          e.detail?.refused === 'consent',
      );
      expect(refused.map((e) => e.entityId).sort()).toEqual([open, completed].sort());
      expect(refused[0]).toMatchObject({
        entityType: 'referral',
        reason: 'referral',
        detail: { refused: 'consent', missing: ['withdrawn'] },
      });
    });

    it('shows the referral as suspended to the sender and the recipient, and it cannot be accepted', async () => {
      const asSender = (await worker.request('GET', `/api/referrals/${open}`)).json();
      expect(asSender).toMatchObject({ suspended: true, consentGaps: ['withdrawn'], status: 'sent' });
      const senderList = (await worker.request('GET', '/api/referrals?box=sent')).json();
      expect(senderList.items.find((r: { id: string }) => r.id === open)).toMatchObject({ suspended: true });
      const received = (await partner.request('GET', '/api/referrals?box=received')).json();
      expect(received.items.find((r: { id: string }) => r.id === open)).toMatchObject({
        suspended: true,
        person: null,
        allowedActions: ['decline'],
      });
      const accept = await partner.request('POST', `/api/referrals/${open}/accept`, { version: 1 });
      expect(accept.statusCode).toBe(403);
      expect(accept.json().code).toBe('referral.consent_lapsed');
      // A completed referral is finished, not suspended; its data stays closed to the partner all the same.
      const completedAsSender = (await worker.request('GET', `/api/referrals/${completed}`)).json();
      expect(completedAsSender).toMatchObject({ suspended: false, consentGaps: ['withdrawn'] });
    });

    it('refuses new referrals under the withdrawn consent', async () => {
      const response = await refer(kim);
      expect(response.statusCode).toBe(422);
      expect(response.json().missing).toEqual(['withdrawn']);
    });
  });

  describe('over time', () => {
    let dueTenth: string;
    let dueEleventh: string;

    beforeAll(async () => {
      await recordConsent(park, {
        recipientType: 'legal_aid',
        categories: ['identity', 'legal'],
        purpose: 'legal_aid',
        givenOn: '2026-03-02',
        expiresOn: '2026-03-20',
      });
      dueTenth = await sent(park, { dueOn: '2026-03-10' });
      dueEleventh = await sent(park, { dueOn: '2026-03-11' });
    });

    const ids = (response: { json(): { items: { id: string; overdue: boolean }[] } }) =>
      response.json().items.map((r) => r.id);

    it('shows an unanswered referral as overdue from the day after its due date, on both sides', async () => {
      await travelTo('2026-03-10T14:59:00Z'); // 23:59 on the 10th in Seoul: the due date still counts
      expect(ids(await worker.request('GET', '/api/referrals?box=sent&view=overdue'))).not.toContain(
        dueTenth,
      );

      await travelTo('2026-03-11T01:00:00Z');
      const senderOverdue = ids(await worker.request('GET', '/api/referrals?box=sent&view=overdue'));
      expect(senderOverdue).toContain(dueTenth);
      expect(senderOverdue).not.toContain(dueEleventh);
      const recipientOverdue = ids(await partner.request('GET', '/api/referrals?box=received&view=overdue'));
      expect(recipientOverdue).toContain(dueTenth);
      expect(recipientOverdue).not.toContain(dueEleventh);
      const open = (await worker.request('GET', '/api/referrals?box=sent&view=open')).json().items;
      expect(open.find((r: { id: string }) => r.id === dueTenth).overdue).toBe(true);
      expect(open.find((r: { id: string }) => r.id === dueEleventh).overdue).toBe(false);
    });

    it("escalates: the center manager sees the center's overdue referrals, another center sees none", async () => {
      expect(ids(await manager.request('GET', '/api/referrals?box=sent&view=overdue'))).toContain(dueTenth);
      const otherCenter = await platform.signIn('demo-case-worker-2');
      expect((await otherCenter.request('GET', '/api/referrals?box=sent&view=all')).json().total).toBe(0);
      expect((await otherCenter.request('GET', `/api/referrals/${dueTenth}`)).statusCode).toBe(404);
    });

    it('is no longer overdue once answered', async () => {
      expect(
        (await partner.request('POST', `/api/referrals/${dueTenth}/accept`, { version: 1 })).statusCode,
      ).toBe(204);
      expect(ids(await worker.request('GET', '/api/referrals?box=sent&view=overdue'))).not.toContain(
        dueTenth,
      );
    });

    it('holds on the expiry day and suspends the referral from the day after', async () => {
      await travelTo('2026-03-20T14:00:00Z'); // 23:00 on the 20th in Seoul
      expect((await partner.request('GET', `/api/referrals/${dueTenth}`)).statusCode).toBe(200);

      await travelTo('2026-03-21T01:00:00Z');
      const refused = await partner.request('GET', `/api/referrals/${dueTenth}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('referral.consent_lapsed');
      expect((await worker.request('GET', `/api/referrals/${dueTenth}`)).json()).toMatchObject({
        suspended: true,
        consentGaps: ['expired'],
      });
      const denied = (await auditOf(park)).find(
        (e) => e.action === 'permission_denied' && e.entityId === dueTenth,
      );
      expect(denied).toMatchObject({ actorUsername: 'demo-partner', detail: { missing: ['expired'] } });
    });
  });

  it('documents the routes under the referrals and consents tags, each declaring its permission', async () => {
    const document = (await platform.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/referrals'].get.tags).toEqual(['referrals']);
    expect(document.paths['/api/referrals/{id}/decline'].post.tags).toEqual(['referrals']);
    expect(document.paths['/api/persons/{id}/consents'].post.tags).toEqual(['consents']);
    expect(document.paths['/api/consents/{id}/withdraw'].post.tags).toEqual(['consents']);
    const declared = platform.app.registeredRoutes
      .filter((route) => route.method !== 'HEAD')
      .filter((route) => route.url.startsWith('/api/referrals') || route.url.includes('consents'))
      .map(
        (route) =>
          `${route.method} ${route.url} ${route.access?.kind === 'permission' ? route.access.permission : '-'}`,
      );
    expect(declared.sort()).toEqual([
      'GET /api/persons/:id/consents consents.read',
      'GET /api/referrals referrals.read',
      'GET /api/referrals/:id referrals.read',
      'POST /api/consents/:id/withdraw consents.manage',
      'POST /api/persons/:id/consents consents.manage',
      'POST /api/referrals referrals.send',
      'POST /api/referrals/:id/accept referrals.receive',
      'POST /api/referrals/:id/cancel referrals.send',
      'POST /api/referrals/:id/complete referrals.receive',
      'POST /api/referrals/:id/decline referrals.receive',
    ]);
  });

  it('keeps messages, reasons and identities out of every table in plaintext', async () => {
    const hits = await findPlaintext(platform.deps.db, [
      MESSAGE,
      '임금 체불',
      DECLINE_REASON,
      CANCEL_REASON,
      PERSON.name,
      '01023456789',
      '상계로',
    ]);
    expect(hits).toEqual([]);
  });
});
