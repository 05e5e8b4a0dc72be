import type { Me, Organization, Problem, Role } from '@ieum/domain';
import { permissionsOf } from '@ieum/domain';

/** One request the app made, as the fake server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/** A problem+json response; `extra` may carry RFC 9457 extension members beside the standard ones. */
export function problem(
  status: number,
  code: string,
  title: string,
  extra: Partial<Problem> & Readonly<Record<string, unknown>> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, code, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export const noContent = (): Response => new Response(null, { status: 204 });

/**
 * A stand-in for the API behind `fetch`: routes by "METHOD /path", records every request,
 * and answers 404 problem+json for anything not routed.
 */
export function fakeServer(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input, 'http://localhost');
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const handler = routes[`${request.method} ${request.path}`];
    return handler ? handler(request) : problem(404, 'not_found', 'Not found');
  };
  return { fetch, requests, routes };
}

export const SEOUL_CENTER: Organization = {
  id: '0190a6b2-0000-7000-8000-000000000001',
  name: '서울남부하나센터',
  nameEn: 'Seoul South Hana Center',
  type: 'hana_center',
  region: 'seoul',
  active: true,
  userCount: 3,
  createdAt: '2025-01-02T00:00:00Z',
  version: 1,
};

export const MINISTRY: Organization = {
  id: '0190a6b2-0000-7000-8000-000000000002',
  name: '통일부',
  nameEn: 'Ministry of Unification',
  type: 'ministry',
  region: null,
  active: true,
  userCount: 2,
  createdAt: '2025-01-01T00:00:00Z',
  version: 1,
};

export function makeMe(roles: Role[], overrides: Partial<Me> = {}): Me {
  const organization = roles.includes('admin') || roles.includes('privacy_auditor') ? MINISTRY : SEOUL_CENTER;
  return {
    id: '0190a6b2-0000-7000-8000-0000000000aa',
    username: 'kim.cw',
    displayName: '김하나',
    locale: 'ko',
    roles,
    permissions: permissionsOf(roles),
    organization: {
      id: organization.id,
      name: organization.name,
      nameEn: organization.nameEn,
      type: organization.type,
      region: organization.region,
    },
    totpEnabled: false,
    totpEnrollmentRequired: false,
    sessionIdleTimeoutSeconds: 1800,
    ...overrides,
  };
}

export function session(me: Me, csrfToken = 'csrf-test-token') {
  return () => json({ csrfToken, me });
}
