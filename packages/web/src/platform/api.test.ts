import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, onSessionLost, readProblem, request, setCsrfToken } from './api';
import { i18n } from './i18n';

interface Call {
  url: string;
  init: RequestInit;
}

function mockFetch(response: () => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return response();
    }),
  );
  return calls;
}

function problemResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

const parseAnything = { parse: (input: unknown) => input };

beforeEach(async () => {
  await i18n.changeLanguage('ko');
  setCsrfToken(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  onSessionLost(null);
});

describe('readProblem', () => {
  it('returns the RFC 9457 body with code and field errors', async () => {
    const problem = await readProblem(
      problemResponse(422, {
        type: 'https://ieum.example/problems/validation',
        title: '입력값을 확인해 주십시오.',
        status: 422,
        code: 'validation.failed',
        errors: [{ path: 'username', message: '이미 사용 중인 아이디입니다.' }],
      }),
    );
    expect(problem.code).toBe('validation.failed');
    expect(problem.errors).toEqual([{ path: 'username', message: '이미 사용 중인 아이디입니다.' }]);
  });

  it('turns a body that is not a problem into a generic, localized one with the HTTP status', async () => {
    const problem = await readProblem(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(problem).toMatchObject({ status: 502, code: 'http.502', title: '요청을 처리하지 못했습니다.' });
  });
});

describe('request', () => {
  it('reads the body of a success the caller wants nothing from, so the response does not stay open', async () => {
    const created = new Response(JSON.stringify({ id: 'x' }), {
      status: 201,
      headers: { 'Content-Type': 'application/json' },
    });
    mockFetch(() => created);
    await expect(request('/api/things', { method: 'POST', body: {} })).resolves.toBeUndefined();
    expect(created.bodyUsed).toBe(true);
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    const calls = mockFetch(() => new Response(null, { status: 204 }));
    setCsrfToken('token-123');
    await request('/api/me/locale', { method: 'PATCH', body: { locale: 'en' } });
    await request('/api/admin/users', { schema: parseAnything }).catch(() => undefined);
    expect(headersOf(calls[0])['x-csrf-token']).toBe('token-123');
    expect(calls[0]?.init.body).toBe('{"locale":"en"}');
    expect(headersOf(calls[1])['x-csrf-token']).toBeUndefined();
  });

  it('sends the current UI language as Accept-Language', async () => {
    const calls = mockFetch(() => new Response(null, { status: 204 }));
    await request('/api/auth/logout', { method: 'POST' });
    await i18n.changeLanguage('en');
    await request('/api/auth/logout', { method: 'POST' });
    expect(headersOf(calls[0])['Accept-Language']).toBe('ko');
    expect(headersOf(calls[1])['Accept-Language']).toBe('en');
  });

  it('rejects with an ApiError carrying the problem', async () => {
    mockFetch(() =>
      problemResponse(409, { type: 'about:blank', title: 'Stale', status: 409, code: 'conflict.stale' }),
    );
    const error = await request('/api/admin/users/1', { method: 'PATCH', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('conflict.stale');
    expect((error as ApiError).status).toBe(409);
  });

  it('reports a lost session on 401 auth.session_expired, but not when a 401 is an expected answer', async () => {
    const lost = vi.fn();
    onSessionLost(lost);
    mockFetch(() =>
      problemResponse(401, {
        type: 'about:blank',
        title: 'Expired',
        status: 401,
        code: 'auth.session_expired',
      }),
    );
    await request('/api/admin/users', { schema: parseAnything }).catch(() => undefined);
    expect(lost).toHaveBeenCalledTimes(1);
    await request('/api/auth/session', { schema: parseAnything, expectUnauthenticated: true }).catch(
      () => undefined,
    );
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('does not treat a wrong password (401 auth.invalid_credentials) as a lost session', async () => {
    const lost = vi.fn();
    onSessionLost(lost);
    mockFetch(() =>
      problemResponse(401, {
        type: 'about:blank',
        title: 'Wrong',
        status: 401,
        code: 'auth.invalid_credentials',
      }),
    );
    await request('/api/me/password', { method: 'POST', body: {} }).catch(() => undefined);
    expect(lost).not.toHaveBeenCalled();
  });

  it('keeps the extension members of a problem and hands them out only through a schema', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    mockFetch(() =>
      problemResponse(409, {
        type: 'about:blank',
        title: '같은 사람으로 보이는 기록이 있습니다.',
        status: 409,
        code: 'person.possible_duplicate',
        instance: 'req-1',
        duplicates: [{ code: 'P-0000-0001' }],
      }),
    );
    const error = (await request('/api/persons', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.extensions).toEqual({ duplicates: [{ code: 'P-0000-0001' }] });
    const codes = {
      parse(input: unknown) {
        if (!Array.isArray(input)) throw new Error('not a list');
        return input.map((item: { code: string }) => item.code);
      },
    };
    expect(error.extension('duplicates', codes)).toEqual(['P-0000-0001']);
    expect(error.extension('instance', codes)).toBeUndefined();
    expect(error.extension('missing', codes)).toBeUndefined();
  });

  it('turns a network failure into an ApiError with a localized title', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await request('/api/auth/session', { schema: parseAnything }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('client.network');
    expect((error as ApiError).message).toBe('서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주십시오.');
  });

  it('rejects a response that does not match the schema', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    mockFetch(() => Response.json({ unexpected: true }));
    const schema = {
      parse(input: unknown) {
        if (typeof input !== 'object' || input === null || !('csrfToken' in input))
          throw new Error('no csrfToken');
        return input;
      },
    };
    const error = await request('/api/auth/session', { schema }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('client.invalid_response');
  });
});

describe('buildUrl', () => {
  it('leaves out empty filters', () => {
    expect(
      buildUrl('/api/admin/users', { q: '', role: null, organizationId: undefined, page: 2, pageSize: 20 }),
    ).toBe('/api/admin/users?page=2&pageSize=20');
    expect(buildUrl('/api/audit/entries', { actor: '김 상담' })).toBe(
      '/api/audit/entries?actor=%EA%B9%80+%EC%83%81%EB%8B%B4',
    );
  });
});
