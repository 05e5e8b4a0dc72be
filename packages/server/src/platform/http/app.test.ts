import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { type App, buildApp } from './app';

describe('the HTTP layer', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(() => platform.close());

  describe('API documentation', () => {
    it('serves an OpenAPI 3.1 document without login, with the login, user and audit paths', async () => {
      const response = await platform.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      const document = response.json();
      expect(document.openapi).toBe('3.1.0');
      expect(document.info.title).toBe('ieum API');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/auth/login',
          '/api/auth/session',
          '/api/admin/users',
          '/api/admin/users/{id}',
          '/api/audit/entries',
          '/api/audit/verify',
        ]),
      );
      const login = document.paths['/api/auth/login'].post;
      expect(Object.keys(login.requestBody.content['application/json'].schema.properties)).toEqual([
        'username',
        'password',
        'totp',
      ]);
      expect(document.components.securitySchemes.session).toEqual({
        type: 'apiKey',
        in: 'cookie',
        name: 'ieum_session',
      });
      // The document describes the API; it carries no data and no internal routes.
      expect(Object.keys(document.paths)).not.toContain('/api/openapi.json');
    });

    it('serves the documentation page without login', async () => {
      const page = await platform.app.inject({ method: 'GET', url: '/api/docs' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('swagger-ui');
      const json = await platform.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(json.json().openapi).toBe('3.1.0');
    });
  });

  describe('response headers', () => {
    it('returns the request id and the security headers on every API answer', async () => {
      const response = await platform.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
      });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    });

    it('gives each request its own id, the same one a problem names as its instance', async () => {
      const a = await platform.app.inject({ method: 'GET', url: '/api/me' });
      const b = await platform.app.inject({ method: 'GET', url: '/api/me' });
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
      expect(a.json().instance).toBe(a.headers['x-request-id']);
    });
  });

  describe('malformed requests', () => {
    it('answers broken JSON with 400 request.invalid', async () => {
      const session = await platform.signIn('demo-admin');
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/admin/organizations',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          'content-type': 'application/json',
        },
        payload: '{"name": "기관",',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('request.invalid');
      expect(response.body).not.toContain('Unexpected');
    });

    it('answers a body over 1 MiB with 413 payload.too_large', async () => {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'demo-admin', password: 'x'.repeat(1_100_000) },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'payload.too_large', title: '요청이 너무 큽니다.' });
    });
  });

  describe('errors the code did not expect', () => {
    const logged: string[] = [];
    let app: App;
    beforeAll(async () => {
      const logStream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged.push(chunk.toString('utf8'));
          done();
        },
      });
      app = await buildApp(
        { ...platform.deps, config: { ...platform.config, logLevel: 'info' } },
        {
          logStream,
          plugins: [
            async (scope: FastifyInstance) => {
              scope.get('/api/test/boom', { config: { access: { kind: 'public' } } }, async () => {
                throw new Error('duplicate key value (name)=(김철수) violates constraint');
              });
            },
          ],
        },
      );
    });
    afterAll(() => app.close());

    it('become a 500 internal.error with a generic body: no message, no stack', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/test/boom',
        headers: { 'accept-language': 'en' },
      });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({
        type: 'https://ieum.example/problems/internal/error',
        title: 'Something went wrong. Please try again shortly.',
        status: 500,
        code: 'internal.error',
        instance: response.headers['x-request-id'],
      });
    });

    it('are logged by class and stack, never by message (driver messages quote row values)', () => {
      const line = logged.map((l) => JSON.parse(l)).find((entry) => entry.msg === 'unhandled error');
      expect(line?.err?.type).toBe('Error');
      expect(line?.err?.stack).toContain('app.test.ts');
      expect(logged.join('')).not.toContain('김철수');
    });
  });

  describe('validation messages', () => {
    let app: App;
    beforeAll(async () => {
      app = await buildApp(platform.deps, {
        plugins: [
          async (scope: FastifyInstance) => {
            scope.withTypeProvider<ZodTypeProvider>().post(
              '/api/test/form',
              {
                config: { access: { kind: 'public' } },
                schema: {
                  body: z.object({
                    name: z.string().min(2).max(5),
                    count: z.number().int().min(1),
                    kind: z.enum(['a', 'b']),
                    tags: z.array(z.string()).min(1),
                  }),
                },
              },
              async () => ({ ok: true }),
            );
          },
        ],
      });
    });
    afterAll(() => app.close());

    const submit = (payload: object, language = 'ko') =>
      app.inject({
        method: 'POST',
        url: '/api/test/form',
        payload,
        headers: { 'accept-language': language },
      });

    it('say what is wrong with a value that was given', async () => {
      const response = await submit({ name: '가나다라마바', count: 0, kind: 'c', tags: [] });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { path: 'name', message: '5자 이하로 입력해 주십시오.' },
        { path: 'count', message: '1 이상이어야 합니다.' },
        { path: 'kind', message: '허용되지 않는 값입니다.' },
        { path: 'tags', message: '1개 이상 선택해 주십시오.' },
      ]);
    });

    it('call every missing field required, whatever its type', async () => {
      const response = await submit({});
      expect(response.json().errors).toEqual([
        { path: 'name', message: '필수 항목입니다.' },
        { path: 'count', message: '필수 항목입니다.' },
        { path: 'kind', message: '필수 항목입니다.' },
        { path: 'tags', message: '필수 항목입니다.' },
      ]);
    });

    it('call a value of the wrong type a format error, not a missing one', async () => {
      const response = await submit({ name: 12, count: 'three', kind: 'a', tags: 'x' }, 'en');
      expect(response.json().errors).toEqual([
        { path: 'name', message: 'The value has the wrong type.' },
        { path: 'count', message: 'The value has the wrong type.' },
        { path: 'tags', message: 'The value has the wrong type.' },
      ]);
    });
  });
});
