import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';

describe('consent records', () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let otherCenter: TestSession;
  let personId: string;
  let legalAidId: string;
  // Tests see the world on 2026-03-02 (Seoul).
  const today = new Date('2026-03-02T01:00:00Z');

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => today });
    worker = await platform.signIn('demo-case-worker');
    otherCenter = await platform.signIn('demo-case-worker-2');
    const created = await worker.request('POST', '/api/persons', {
      name: '오은실',
      birthDate: '1988-08-08',
      sex: 'female',
    });
    expect(created.statusCode).toBe(201);
    personId = created.json().id;
    const legalAid = await worker.request('GET', '/api/reference/organizations?type=legal_aid');
    legalAidId = legalAid.json().items[0].id;
  });
  afterAll(() => platform.close());

  const consent = () => ({
    recipientOrganizationId: legalAidId,
    categories: ['identity', 'legal', 'identity'],
    purpose: 'legal_aid',
    givenOn: '2026-03-01',
    expiresOn: '2026-12-31',
  });

  it('records a consent and lists it with its state, who recorded it, and each category once', async () => {
    const recorded = await worker.request('POST', `/api/persons/${personId}/consents`, consent());
    expect(recorded.statusCode).toBe(201);
    const list = await worker.request('GET', `/api/persons/${personId}/consents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: recorded.json().id,
        recipientOrganization: expect.objectContaining({ id: legalAidId, type: 'legal_aid' }),
        recipientType: null,
        categories: ['identity', 'legal'],
        purpose: 'legal_aid',
        state: 'active',
        withdrawnOn: null,
        recordedBy: expect.objectContaining({ displayName: '데모 사례관리자' }),
        version: 1,
      }),
    ]);
  });

  it('takes a kind of organization as recipient, but not both kinds of recipient or neither', async () => {
    const byType = await worker.request('POST', `/api/persons/${personId}/consents`, {
      ...consent(),
      recipientOrganizationId: undefined,
      recipientType: 'employment_center',
      purpose: 'employment_support',
    });
    expect(byType.statusCode).toBe(201);
    const both = await worker.request('POST', `/api/persons/${personId}/consents`, {
      ...consent(),
      recipientType: 'legal_aid',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].path).toBe('recipientOrganizationId');
    const neither = await worker.request('POST', `/api/persons/${personId}/consents`, {
      ...consent(),
      recipientOrganizationId: undefined,
    });
    expect(neither.statusCode).toBe(400);
  });

  it('refuses a period that ends before it starts, a consent dated in the future, or a non-partner recipient', async () => {
    const backwards = await worker.request('POST', `/api/persons/${personId}/consents`, {
      ...consent(),
      expiresOn: '2026-02-28',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([
      { path: 'expiresOn', message: '만료일은 동의일 이후여야 합니다.' },
    ]);
    const future = await worker.request('POST', `/api/persons/${personId}/consents`, {
      ...consent(),
      givenOn: '2026-03-03',
    });
    expect(future.json().errors.map((e: { path: string }) => e.path)).toEqual(['givenOn']);
    const police = (await worker.request('GET', '/api/reference/organizations?type=police')).json().items[0];
    const toPolice = await worker.request('POST', `/api/persons/${personId}/consents`, {
      ...consent(),
      recipientOrganizationId: police.id,
    });
    expect(toPolice.statusCode).toBe(400);
    const unknownCategory = await worker.request('POST', `/api/persons/${personId}/consents`, {
      ...consent(),
      categories: ['rrn'],
    });
    expect(unknownCategory.statusCode).toBe(400);
  });

  it('withdraws a consent once, recording who and when, with optimistic concurrency', async () => {
    const [first] = (await worker.request('GET', `/api/persons/${personId}/consents`))
      .json()
      .items.filter((c: { purpose: string }) => c.purpose === 'legal_aid');
    const future = await worker.request('POST', `/api/consents/${first.id}/withdraw`, {
      withdrawnOn: '2026-03-05',
      version: first.version,
    });
    expect(future.statusCode).toBe(400);
    const stale = await worker.request('POST', `/api/consents/${first.id}/withdraw`, {
      version: first.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const withdrawn = await worker.request('POST', `/api/consents/${first.id}/withdraw`, {
      version: first.version,
    });
    expect(withdrawn.statusCode).toBe(204);
    const after = (await worker.request('GET', `/api/persons/${personId}/consents`)).json().items;
    expect(after.find((c: { id: string }) => c.id === first.id)).toMatchObject({
      state: 'withdrawn',
      withdrawnOn: '2026-03-02',
      withdrawnBy: { displayName: '데모 사례관리자' },
      version: first.version + 1,
    });
    const again = await worker.request('POST', `/api/consents/${first.id}/withdraw`, {
      version: first.version + 1,
    });
    expect(again.statusCode).toBe(422);
  });

  it("answers another center's worker as if the person and the consent did not exist", async () => {
    const [any] = (await worker.request('GET', `/api/persons/${personId}/consents`)).json().items;
    expect((await otherCenter.request('GET', `/api/persons/${personId}/consents`)).statusCode).toBe(404);
    expect(
      (await otherCenter.request('POST', `/api/persons/${personId}/consents`, consent())).statusCode,
    ).toBe(404);
    expect(
      (await otherCenter.request('POST', `/api/consents/${any.id}/withdraw`, { version: any.version }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses consent records to roles that do not manage them', async () => {
    for (const username of [
      'demo-partner',
      'demo-employment-officer',
      'demo-admin',
      'demo-privacy-auditor',
    ]) {
      const session = await platform.signIn(username);
      expect((await session.request('GET', `/api/persons/${personId}/consents`)).statusCode, username).toBe(
        403,
      );
      expect(
        (await session.request('POST', `/api/persons/${personId}/consents`, consent())).statusCode,
        username,
      ).toBe(403);
    }
  });

  it('audits the recording, the withdrawal and each look at the consents with the data subject', async () => {
    const auditor = await platform.signIn('demo-privacy-auditor');
    const log = (
      await auditor.request('GET', `/api/audit/entries?subjectId=${personId}&pageSize=100`)
    ).json();
    const consentEntries = log.items.filter((e: { entityType: string }) => e.entityType === 'consent');
    const actions = consentEntries.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'create')).toHaveLength(2);
    expect(actions).toContain('update');
    expect(actions).toContain('view');
  });
});
