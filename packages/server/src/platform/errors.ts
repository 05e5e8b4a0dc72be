/**
 * One error type for the whole server. A code maps to an HTTP status in one table and to a message
 * in Korean and English; the global handler turns it into RFC 9457 problem+json. Messages never carry
 * personal data: callers pass codes and safe parameters, not names or numbers of people.
 */
export const ERROR_CODES = {
  'request.invalid': {
    status: 400,
    ko: '입력값을 확인해 주십시오.',
    en: 'Please check the values you entered.',
  },
  'request.csrf': {
    status: 403,
    ko: '요청을 확인할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도해 주십시오.',
    en: 'The request could not be verified. Reload the page and try again.',
  },
  'auth.unauthenticated': { status: 401, ko: '로그인이 필요합니다.', en: 'Please sign in.' },
  'auth.session_expired': {
    status: 401,
    ko: '세션이 만료되었습니다. 다시 로그인해 주십시오.',
    en: 'Your session has expired. Please sign in again.',
  },
  'auth.invalid_credentials': {
    status: 401,
    ko: '아이디 또는 비밀번호가 올바르지 않습니다.',
    en: 'The username or password is incorrect.',
  },
  'auth.totp_required': {
    status: 401,
    ko: '인증 앱의 6자리 코드를 입력해 주십시오.',
    en: 'Enter the 6-digit code from your authenticator app.',
  },
  'auth.totp_invalid': {
    status: 401,
    ko: '인증 코드가 올바르지 않습니다.',
    en: 'The authentication code is incorrect.',
  },
  'auth.locked': {
    status: 429,
    ko: '로그인 시도가 너무 많아 잠시 잠겼습니다.',
    en: 'Too many sign-in attempts; sign-in is locked for a while.',
  },
  'auth.password_incorrect': {
    status: 422,
    ko: '현재 비밀번호가 올바르지 않습니다.',
    en: 'The current password is incorrect.',
  },
  'auth.totp_not_started': {
    status: 409,
    ko: '2단계 인증 등록을 먼저 시작해 주십시오.',
    en: 'Start two-factor enrolment first.',
  },
  'auth.totp_already_enabled': {
    status: 409,
    ko: '2단계 인증이 이미 켜져 있습니다. 다시 등록하려면 먼저 해제해 주십시오.',
    en: 'Two-factor authentication is already on. Turn it off first to enrol again.',
  },
  'auth.totp_enrollment_required': {
    status: 403,
    ko: '개인정보를 다루는 계정은 2단계 인증을 등록해야 합니다.',
    en: 'Accounts that handle personal data must enrol two-factor authentication.',
  },
  'access.denied': {
    status: 403,
    ko: '이 작업을 할 권한이 없습니다.',
    en: 'You are not allowed to do this.',
  },
  'resource.not_found': {
    status: 404,
    ko: '요청한 항목을 찾을 수 없습니다.',
    en: 'The requested item was not found.',
  },
  'route.not_found': {
    status: 404,
    ko: '요청한 주소를 찾을 수 없습니다.',
    en: 'The requested address was not found.',
  },
  'conflict.stale': {
    status: 409,
    ko: '다른 사용자가 먼저 수정했습니다. 최신 내용을 불러온 뒤 다시 시도해 주십시오.',
    en: 'Someone else changed this first. Reload and try again.',
  },
  'conflict.duplicate': { status: 409, ko: '이미 등록된 항목입니다.', en: 'This already exists.' },
  'person.possible_duplicate': {
    status: 409,
    ko: '같은 사람으로 보이는 기록이 있습니다. 후보를 확인해 주십시오.',
    en: 'Records that may be the same person exist. Please review the candidates.',
  },
  'person.merged': {
    status: 410,
    ko: '이 기록은 다른 기록에 병합되었습니다.',
    en: 'This record was merged into another record.',
  },
  'rule.violation': { status: 422, ko: '업무 규칙에 맞지 않습니다.', en: 'This breaks a business rule.' },
  'consent.not_covered': {
    status: 422,
    ko: '유효한 동의가 이 의뢰를 허용하지 않습니다.',
    en: 'No valid consent covers this referral.',
  },
  'referral.consent_lapsed': {
    status: 403,
    ko: '정보 제공 동의가 철회되었거나 만료되어 이 의뢰의 개인정보를 볼 수 없습니다. 의뢰한 기관에 문의해 주십시오.',
    en: 'The consent behind this referral was withdrawn or has expired, so its personal data cannot be shown. Please contact the referring office.',
  },
  'payload.too_large': { status: 413, ko: '요청이 너무 큽니다.', en: 'The request is too large.' },
  'internal.error': {
    status: 500,
    ko: '처리 중 오류가 발생했습니다. 잠시 후 다시 시도해 주십시오.',
    en: 'Something went wrong. Please try again shortly.',
  },
} as const satisfies Record<string, { status: number; ko: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  readonly path: string;
  /** Already in the user's language, or both languages for the problem writer to choose from. */
  readonly message: string | { readonly ko: string; readonly en: string };
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra, already-safe explanation in both languages (for example the lockout's end time). */
  readonly detail: { readonly ko: string; readonly en: string } | undefined;
  readonly fieldErrors: readonly FieldError[] | undefined;
  /** RFC 9457 extension members (for example the duplicate candidates of a refused intake). Safe data only. */
  readonly extensions: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    options: {
      detail?: { ko: string; en: string };
      fieldErrors?: readonly FieldError[];
      extensions?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = options.detail;
    this.fieldErrors = options.fieldErrors;
    this.extensions = options.extensions;
  }
}

export const notFound = (): AppError => new AppError('resource.not_found');
