import { Problem } from '@ieum/domain';
import { currentLocale, i18n } from './i18n';

/** Anything that turns an untrusted JSON body into a typed value: the shared zod schemas qualify. */
export interface Parser<T> {
  parse(input: unknown): T;
}

/** An error the API (or the way to it) produced, always carrying an RFC 9457 problem. */
export class ApiError extends Error {
  readonly problem: Problem;
  /** RFC 9457 extension members beyond the standard ones (e.g. `duplicates`): untrusted until parsed. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(problem: Problem, extensions: Readonly<Record<string, unknown>> = {}) {
    super(problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.extensions = extensions;
  }

  /** The extension member `name` checked against its schema; undefined when absent or not as expected. */
  extension<T>(name: string, schema: Parser<T>): T | undefined {
    if (!(name in this.extensions)) return undefined;
    try {
      return schema.parse(this.extensions[name]);
    } catch (error) {
      console.error('Unexpected problem extension', name, error);
      return undefined;
    }
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Codes with which the server says "this request has no live session". */
export const SESSION_LOST_CODES: ReadonlySet<string> = new Set([
  'auth.session_expired',
  'auth.unauthenticated',
]);

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The CSRF token lives in memory only: a script that can read localStorage must not get it for free,
// and a reload fetches a fresh one from GET /api/auth/session.
let csrfToken: string | null = null;
let sessionLostHandler: ((problem: Problem) => void) | null = null;
let activityHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when a request that needed a session learns that there is none (expired, or ended elsewhere). */
export function onSessionLost(handler: ((problem: Problem) => void) | null): void {
  sessionLostHandler = handler;
}

/** Called after every response that reached the server with the session accepted (it resets the idle timer). */
export function onActivity(handler: (() => void) | null): void {
  activityHandler = handler;
}

type QueryValue = string | number | boolean | null | undefined;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * A 401 on this request is an answer, not a lost session (login, and the session probe on load).
   * Without it, a 401 with a session-lost code calls the session-lost handler.
   */
  expectUnauthenticated?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function clientProblem(status: number, code: string, title: string): Problem {
  return { type: 'about:blank', title, status, code };
}

const PROBLEM_MEMBERS: ReadonlySet<string> = new Set(Object.keys(Problem.shape));

/**
 * Reads the problem+json body of a failed response, with the extension members the server added beside the
 * standard ones; falls back to a generic problem (and no extensions) for anything else.
 */
export async function readProblemResponse(
  response: Response,
): Promise<{ problem: Problem; extensions: Record<string, unknown> }> {
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = Problem.safeParse(body);
  if (!parsed.success) {
    const problem = clientProblem(response.status, `http.${response.status}`, i18n.t('errors.unexpected'));
    return { problem, extensions: {} };
  }
  const extensions = Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(([member]) => !PROBLEM_MEMBERS.has(member)),
  );
  return { problem: parsed.data, extensions };
}

/** Reads the problem+json body of a failed response; falls back to a generic problem for anything else. */
export async function readProblem(response: Response): Promise<Problem> {
  return (await readProblemResponse(response)).problem;
}

export function request<T>(path: string, options: RequestOptions & { schema: Parser<T> }): Promise<T>;
export function request(path: string, options?: RequestOptions): Promise<void>;
export async function request<T>(
  path: string,
  options: RequestOptions & { schema?: Parser<T> } = {},
): Promise<T | undefined> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(clientProblem(0, 'client.network', i18n.t('errors.network')));
  }

  if (response.status !== 401) activityHandler?.();

  if (!response.ok) {
    const { problem, extensions } = await readProblemResponse(response);
    if (response.status === 401 && !options.expectUnauthenticated && SESSION_LOST_CODES.has(problem.code)) {
      sessionLostHandler?.(problem);
    }
    throw new ApiError(problem, extensions);
  }

  if (!options.schema) {
    // Read (and drop) a body the caller does not want: an unread body keeps the response open, so the
    // connection is not reused and the browser never sees the request finish.
    await response.text();
    return undefined;
  }
  let body: unknown;
  try {
    body = await response.json();
    return options.schema.parse(body);
  } catch (error) {
    console.error('Unexpected response body', path, error);
    throw new ApiError(
      clientProblem(response.status, 'client.invalid_response', i18n.t('errors.invalidResponse')),
    );
  }
}

/** The problem behind any failure, for showing it: API errors carry one, anything else gets `fallbackTitle`. */
export function problemOf(error: unknown, fallbackTitle: string): Problem {
  return isApiError(error) ? error.problem : clientProblem(0, 'client.error', fallbackTitle);
}
