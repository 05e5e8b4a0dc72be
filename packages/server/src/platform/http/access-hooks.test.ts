import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { concreteUrl, takesBody } from '../../testing/routes';
import { createApp } from '../bootstrap';
import type { App } from './app';
import { buildApp } from './app';

/** The routes that answer without a session, by design. Anything else must ask for one. */
function isPublicByDesign(method: string, url: string, hasWeb: boolean): boolean {
  const readOnly = method === 'GET' || method === 'HEAD';
  if (readOnly && (url === '/api/health' || url === '/api/openapi.json')) return true;
  if (method === 'POST' && url === '/api/auth/login') return true;
  if (readOnly && (url === '/api/docs' || url.startsWith('/api/docs/'))) return true;
  return hasWeb && readOnly && url === '/*';
}

describe('the access declarations of the routes', () => {
  let platform: TestPlatform;
  let withWeb: App;
  let withoutWeb: App;
  const webDist = mkdtempSync(join(tmpdir(), 'ieum-web-'));
  const noWeb = mkdtempSync(join(tmpdir(), 'ieum-noweb-'));

  beforeAll(async () => {
    platform = await createTestPlatform();
    // Two variants of the app, so the test does not depend on whether packages/web was built.
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    withWeb = await createApp({ ...platform.deps, config: { ...platform.config, webDist } });
    withoutWeb = await createApp({ ...platform.deps, config: { ...platform.config, webDist: noWeb } });
    await Promise.all([withWeb.ready(), withoutWeb.ready()]);
  });
  afterAll(async () => {
    await Promise.all([withWeb.close(), withoutWeb.close()]);
    await platform.close();
    for (const dir of [webDist, noWeb]) rmSync(dir, { recursive: true, force: true });
  });

  it('gives every registered route an access declaration', () => {
    for (const app of [withWeb, withoutWeb, platform.app]) {
      expect(app.registeredRoutes.length).toBeGreaterThan(20);
      for (const route of app.registeredRoutes) {
        expect(route.access, `${route.method} ${route.url}`).toBeDefined();
        expect(['public', 'authenticated', 'permission']).toContain(route.access?.kind);
      }
    }
  });

  it('declares public only health, login, the API docs and (when the web is built) its static files', () => {
    for (const [app, hasWeb] of [
      [withWeb, true],
      [withoutWeb, false],
    ] as const) {
      const publicRoutes = app.registeredRoutes.filter((route) => route.access?.kind === 'public');
      const unexpected = publicRoutes.filter((route) => !isPublicByDesign(route.method, route.url, hasWeb));
      expect(unexpected.map((route) => `${route.method} ${route.url}`)).toEqual([]);
      const names = publicRoutes.map((route) => `${route.method} ${route.url}`);
      expect(names).toEqual(
        expect.arrayContaining([
          'GET /api/health',
          'POST /api/auth/login',
          'GET /api/openapi.json',
          'GET /api/docs',
        ]),
      );
      expect(names.includes('GET /*')).toBe(hasWeb);
    }
  });

  it('answers every non-public route with 401 to an anonymous request', async () => {
    const checked: string[] = [];
    for (const route of withWeb.registeredRoutes) {
      if (route.access?.kind === 'public') continue;
      const response = await withWeb.inject({
        method: route.method as HTTPMethods,
        url: concreteUrl(route.url),
        ...(takesBody(route.method) ? { payload: {} } : {}),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      if (route.method !== 'HEAD')
        expect(response.json().code, `${route.method} ${route.url}`).toBe('auth.unauthenticated');
      checked.push(`${route.method} ${route.url}`);
    }
    // The walk really went through the API (and sees every module's routes as they land).
    expect(checked).toEqual(
      expect.arrayContaining([
        'GET /api/me',
        'POST /api/auth/logout',
        'GET /api/admin/users',
        'PATCH /api/admin/users/:id',
        'GET /api/audit/entries',
        'POST /api/audit/reviews',
      ]),
    );
  });

  it('answers an unknown API address with 404 route.not_found, signed in or not', async () => {
    const anonymous = await withWeb.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(anonymous.statusCode).toBe(404);
    expect(anonymous.json().code).toBe('route.not_found');
    const session = await platform.signIn('demo-admin');
    const signedIn = await withWeb.inject({
      method: 'POST',
      url: '/api/no-such-thing',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: {},
    });
    expect(signedIn.statusCode).toBe(404);
    expect(signedIn.json().code).toBe('route.not_found');
  });

  it('serves the web app for other GET addresses when it is built, and nothing when it is not', async () => {
    const page = await withWeb.inject({ method: 'GET', url: '/admin/users' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const none = await withoutWeb.inject({ method: 'GET', url: '/admin/users' });
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('route.not_found');
  });

  it('refuses to start an app with a route that declares no access', async () => {
    const app = await buildApp(platform.deps, {
      plugins: [
        async (scope) => {
          scope.get('/api/undeclared', async () => ({ secret: true }));
          scope.post('/api/declared', { config: { access: { kind: 'authenticated' } } }, async () => ({}));
        },
      ],
    });
    await expect(app.ready()).rejects.toThrow(
      'Routes without an access declaration: GET /api/undeclared, HEAD /api/undeclared',
    );
    await app.close().catch(() => {});
  });
});
