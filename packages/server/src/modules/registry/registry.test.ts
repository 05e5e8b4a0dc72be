import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';

/** A synthetic person: the name, number and phone are made up for tests. */
const PERSON = {
  name: '김영희',
  otherNames: ['김옥순'],
  rrn: '850305-2123454',
  phone: '010-2345-6789',
  address: '서울특별시 노원구 상계로 1 (예시)',
  originProvince: 'north_hamgyong',
  arrivalDate: '2019-04-02',
  protectionDecisionDate: '2019-04-20',
  hanawonCompletionDate: '2019-07-19',
};

describe('person registry', () => {
  let platform: TestPlatform;
  let worker: TestSession;
  let otherCenter: TestSession;
  let personId: string;
  let personCode: string;

  beforeAll(async () => {
    platform = await createTestPlatform();
    worker = await platform.signIn('demo-case-worker');
    otherCenter = await platform.signIn('demo-case-worker-2');
    const created = await worker.request('POST', '/api/persons', PERSON);
    expect(created.statusCode).toBe(201);
    ({ id: personId, code: personCode } = created.json());
    const other = await worker.request('POST', '/api/persons', {
      name: '박철수',
      birthDate: '1970-11-20',
      sex: 'male',
      phone: '010-9999-1234',
    });
    expect(other.statusCode).toBe(201);
  });
  afterAll(() => platform.close());

  it('gives a pseudonymous ID and derives birth date and sex from the registration number', async () => {
    expect(personCode).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const response = await worker.request('GET', `/api/persons/${personId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: personCode,
      sex: 'female',
      birthYear: 1985,
      maskedName: '김*희',
    });
  });

  it('shows a masked identity until it is unmasked with a reason, and audits both', async () => {
    const masked = (await worker.request('GET', `/api/persons/${personId}`)).json();
    expect(masked.identity).toMatchObject({
      masked: true,
      name: '김*희',
      rrn: '850305-2******',
      phone: '***-****-6789',
      birthDate: '1985-**-**',
    });
    const tooShort = await worker.request('POST', `/api/persons/${personId}/unmask`, { reason: '확인' });
    expect(tooShort.statusCode).toBe(400);
    const unmasked = await worker.request('POST', `/api/persons/${personId}/unmask`, {
      reason: '전입 신고 서류 확인',
    });
    expect(unmasked.statusCode).toBe(200);
    expect(unmasked.json().identity).toMatchObject({
      masked: false,
      name: '김영희',
      otherNames: ['김옥순'],
      rrn: '8503052123454',
      phone: '01023456789',
      birthDate: '1985-03-05',
    });
    // Another session of the same worker starts masked again.
    const fresh = await platform.signIn('demo-case-worker');
    expect((await fresh.request('GET', `/api/persons/${personId}`)).json().identity.masked).toBe(true);

    const log = (
      await (
        await platform.signIn('demo-privacy-auditor')
      ).request('GET', `/api/audit/entries?subjectId=${personId}&pageSize=100`)
    ).json();
    const actions = log.items.map((entry: { action: string }) => entry.action);
    expect(actions).toContain('create');
    expect(actions).toContain('view');
    const unmaskEntry = log.items.find((entry: { action: string }) => entry.action === 'unmask');
    expect(unmaskEntry).toMatchObject({
      actorUsername: 'demo-case-worker',
      reason: '전입 신고 서류 확인',
      subjectId: personId,
    });
  });

  it.each([
    ['a partial name', '영희'],
    ['a full name', '김영희'],
    ['initial consonants', 'ㄱㅇㅎ'],
    ['a former name', '옥순'],
    ['the last four digits of the phone', '6789'],
    ['the birth date', '1985-03-05'],
    ['the birth date without dashes', '19850305'],
  ])('finds the person by %s', async (_what, q) => {
    const response = await worker.request('GET', `/api/persons?q=${encodeURIComponent(q)}`);
    expect(response.statusCode).toBe(200);
    const codes = response.json().items.map((item: { code: string }) => item.code);
    expect(codes).toEqual([personCode]);
  });

  it('finds the person by ID in any spelling of the code', async () => {
    const loose = personCode.replace(/-/g, '').toLowerCase();
    const response = await worker.request('GET', `/api/persons?q=${loose}`);
    expect(response.json().items.map((item: { code: string }) => item.code)).toEqual([personCode]);
  });

  it('does not find by a name that is not there', async () => {
    const response = await worker.request('GET', `/api/persons?q=${encodeURIComponent('영수')}`);
    expect(response.json()).toEqual({ items: [], total: 0 });
  });

  it("answers another center's worker exactly as if the person did not exist", async () => {
    const seen = await otherCenter.request('GET', `/api/persons/${personId}`);
    const missing = await otherCenter.request('GET', `/api/persons/${crypto.randomUUID()}`);
    expect(seen.statusCode).toBe(404);
    expect(seen.json().code).toBe(missing.json().code);
    expect(seen.json().title).toBe(missing.json().title);
    expect(
      (await otherCenter.request('GET', `/api/persons?q=${encodeURIComponent('영희')}`)).json().total,
    ).toBe(0);
    expect(
      (await otherCenter.request('POST', `/api/persons/${personId}/unmask`, { reason: '호기심에 의한 조회' }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses roles without access to persons', async () => {
    for (const username of ['demo-admin', 'demo-privacy-auditor', 'demo-plan-manager', 'demo-partner']) {
      const session = await platform.signIn(username);
      expect((await session.request('GET', `/api/persons/${personId}`)).statusCode).toBe(403);
    }
  });

  it('refuses intake of a likely duplicate until the worker acknowledges it, explaining the score', async () => {
    const again = await worker.request('POST', '/api/persons', {
      name: '김영혜',
      birthDate: '1985-03-05',
      sex: 'female',
    });
    expect(again.statusCode).toBe(409);
    const body = again.json();
    expect(body.code).toBe('person.possible_duplicate');
    expect(body.duplicates[0]).toMatchObject({
      code: personCode,
      maskedName: '김*희',
      inScope: true,
      level: 'likely',
    });
    expect(body.duplicates[0].reasons.map((r: { code: string }) => r.code)).toEqual([
      'name_similar',
      'birth_date_equal',
    ]);
    const acknowledged = await worker.request('POST', '/api/persons', {
      name: '김영혜',
      birthDate: '1985-03-05',
      sex: 'female',
      acknowledgedDuplicates: [personCode],
    });
    expect(acknowledged.statusCode).toBe(201);
  });

  it('never registers the same registration number twice, even when acknowledged', async () => {
    const response = await worker.request('POST', '/api/persons', {
      name: '이순자',
      rrn: PERSON.rrn,
      acknowledgedDuplicates: [personCode],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().duplicates[0]).toMatchObject({ code: personCode, level: 'certain', score: 100 });
  });

  it('flags a duplicate at another center without revealing who it is', async () => {
    const response = await otherCenter.request('POST', '/api/persons/duplicate-check', {
      name: 'Kim Young-hee',
      birthDate: '1985-03-05',
    });
    expect(response.statusCode).toBe(200);
    const candidate = response.json().candidates.find((c: { code: string }) => c.code === personCode);
    expect(candidate).toMatchObject({ inScope: false, maskedName: null, hanaCenterName: '서울남부하나센터' });
  });

  it('checks the registration number and its agreement with the birth date', async () => {
    const bad = await worker.request('POST', '/api/persons', { name: '최민수', rrn: '851305-1000000' });
    expect(bad.statusCode).toBe(400);
    const disagreeing = await worker.request('POST', '/api/persons', {
      name: '최민수',
      rrn: '850101-1000000',
      birthDate: '1985-01-02',
    });
    expect(disagreeing.statusCode).toBe(400);
    expect(disagreeing.json().errors).toEqual([
      { path: 'birthDate', message: '주민등록번호의 생년월일과 다릅니다.' },
    ]);
  });

  it('keeps names, registration numbers, phones and addresses out of every table in plaintext', async () => {
    const hits = await findPlaintext(platform.deps.db, [
      PERSON.name,
      '김옥순',
      '8503052123454',
      '850305',
      '01023456789',
      '2345-6789',
      '상계로',
      '박철수',
    ]);
    expect(hits).toEqual([]);
  });
});
