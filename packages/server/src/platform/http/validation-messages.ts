import type { FastifySchemaValidationError } from 'fastify';
import type { FieldError } from '../errors';

export type Locale = 'ko' | 'en';

/** Messages that schemas name by key (e.g. `NewPassword` says 'password.too_short'). */
const NAMED: Record<string, Record<Locale, string>> = {
  'date.invalid': { ko: '날짜를 YYYY-MM-DD 형식으로 입력해 주십시오.', en: 'Enter a date as YYYY-MM-DD.' },
  'rrn.invalid': {
    ko: '주민등록번호 형식이 올바르지 않습니다(예: 900101-2345678).',
    en: 'Not a valid resident registration number (e.g. 900101-2345678).',
  },
  'phone.invalid': {
    ko: '전화번호 형식이 올바르지 않습니다(예: 010-1234-5678).',
    en: 'Not a valid phone number (e.g. 010-1234-5678).',
  },
  'file.type': {
    ko: 'CSV 또는 XLSX 파일만 가져올 수 있습니다.',
    en: 'Only CSV or XLSX files can be imported.',
  },
  'password.too_short': {
    ko: '비밀번호는 12자 이상이어야 합니다.',
    en: 'The password must be at least 12 characters.',
  },
  'application.insured_required': {
    ko: '고용보험 가입 여부를 선택해 주십시오.',
    en: 'Say whether employment insurance is paid.',
  },
  'application.reason_required': {
    ko: '사유를 선택해 주십시오.',
    en: 'Choose a reason.',
  },
  'application.start_required': {
    ko: '첫 출근일을 입력해 주십시오.',
    en: 'Enter the first day of work.',
  },
  'course.end_before_start': {
    ko: '종료일은 시작일보다 빠를 수 없습니다.',
    en: 'The end date cannot be before the start date.',
  },
  'employer.business_number': {
    ko: '사업자등록번호 10자리를 123-45-67890 형식으로 입력해 주십시오.',
    en: 'Enter the 10-digit business registration number as 123-45-67890.',
  },
  'employment.end_before_start': {
    ko: '퇴사일은 입사일보다 빠를 수 없습니다.',
    en: 'The end date cannot be before the start date.',
  },
  'enrolment.certificate_date_required': {
    ko: '자격증과 취득일은 함께 입력해 주십시오.',
    en: 'Enter the certificate and its date together.',
  },
  'enrolment.completed_on_required': {
    ko: '수료로 기록하려면 수료일을 입력해 주십시오.',
    en: 'Enter the completion date to record a completion.',
  },
  'occupation.invalid': {
    ko: '직종을 목록에서 선택해 주십시오.',
    en: 'Choose an occupation from the list.',
  },
  'plan.category_code_duplicate': {
    ko: '분야 번호가 겹칩니다.',
    en: 'Two categories have the same number.',
  },
  'plan.invitee_duplicate': {
    ko: '같은 협의 대상이 두 번 들어 있습니다.',
    en: 'An invitee is listed twice.',
  },
  'plan.kpi_key_duplicate': {
    ko: '같은 성과지표가 두 번 들어 있습니다.',
    en: 'A KPI is listed twice.',
  },
  'plan.kpi_rate_range': {
    ko: '비율 지표의 기준값과 목표값은 0~100 사이여야 합니다.',
    en: 'A rate’s baseline and target must be between 0 and 100.',
  },
  'plan.kpi_target_direction': {
    ko: '목표값이 지표의 방향(높을수록 또는 낮을수록 우수)과 맞지 않습니다.',
    en: 'The target does not go the KPI’s way (higher or lower is better).',
  },
  'plan.kpi_unit_not_metric_unit': {
    ko: '자동 산출 지표의 단위와 맞지 않습니다.',
    en: 'The unit does not match the computed metric’s.',
  },
  'plan.lead_also_cooperating': {
    ko: '주관기관은 협업기관에 넣지 않습니다.',
    en: 'The lead organization cannot also be a cooperating one.',
  },
  'plan.metric_not_computable': {
    ko: '아직 자동 산출할 수 없는 지표입니다. 직접 입력으로 정해 주십시오.',
    en: 'This metric cannot be computed yet; make the KPI manual.',
  },
  'plan.milestone_quarter_duplicate': {
    ko: '한 분기에 중간목표는 하나만 정할 수 있습니다.',
    en: 'Set one milestone per quarter.',
  },
  'plan.no_invitees': {
    ko: '협의할 기관이나 협의회 위원을 한 명 이상 정해 주십시오.',
    en: 'Invite at least one organization or council member.',
  },
  'plan.organization_duplicate': {
    ko: '같은 기관이 두 번 들어 있습니다.',
    en: 'An organization is listed twice.',
  },
  'plan.period_order': {
    ko: '협의 종료일은 시작일보다 빠를 수 없습니다.',
    en: 'The consultation cannot end before it starts.',
  },
  'plan.resolution_reason_required': {
    ko: '반영하지 않거나 일부만 반영하는 사유를 입력해 주십시오.',
    en: 'Give a reason when a comment is not or only partly accepted.',
  },
  'plan.task_code': {
    ko: '과제 번호는 1-3처럼 분야 번호와 과제 순번으로 입력해 주십시오.',
    en: 'Enter the task code as the category number and the task number, e.g. 1-3.',
  },
  'plan.years_order': {
    ko: '종료 연도는 시작 연도보다 빠를 수 없습니다.',
    en: 'The end year cannot be before the start year.',
  },
  'plan.done_means_100': {
    ko: '완료는 추진율 100%일 때만 선택할 수 있습니다.',
    en: 'A task is done exactly when it is 100% complete.',
  },
  'username.pattern': {
    ko: '아이디는 영문 소문자, 숫자, 마침표(.), 밑줄(_), 하이픈(-)만 쓸 수 있습니다.',
    en: 'Use lowercase letters, digits, dots, underscores and hyphens only.',
  },
};

/**
 * Turns the validator's issues into field errors in the user's language. Zod's own messages are English
 * and technical; a case worker gets a sentence about the field instead.
 */
export function localizeValidation(
  issues: readonly FastifySchemaValidationError[],
  locale: Locale,
  /** What was sent: zod 4 does not report the input, and "required" depends on whether a value was there. */
  sent?: unknown,
): FieldError[] {
  return issues.map((issue) => {
    const missing = valueAt(sent, issue.instancePath) === undefined;
    if (missing && (issue.keyword === 'invalid_type' || issue.keyword === 'invalid_value')) {
      return {
        path: pathOf(issue),
        message: locale === 'ko' ? '필수 항목입니다.' : 'This field is required.',
      };
    }
    return {
      path: pathOf(issue),
      message: (issue.message ? NAMED[issue.message]?.[locale] : undefined) ?? describe(issue, locale),
    };
  });
}

function pathOf(issue: FastifySchemaValidationError): string {
  return issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(body)';
}

function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const part of pointer.split('/').filter(Boolean)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function describe(issue: FastifySchemaValidationError, locale: Locale): string {
  const params = issue.params as Record<string, unknown>;
  const ko = locale === 'ko';
  switch (issue.keyword) {
    case 'invalid_type':
      return params.input === undefined && !('expected' in params)
        ? ko
          ? '필수 항목입니다.'
          : 'This field is required.'
        : ko
          ? '값의 형식이 올바르지 않습니다.'
          : 'The value has the wrong type.';
    case 'too_small':
      if (params.origin === 'string') {
        return ko
          ? `${String(params.minimum)}자 이상 입력해 주십시오.`
          : `Enter at least ${String(params.minimum)} characters.`;
      }
      if (params.origin === 'array') {
        return ko
          ? `${String(params.minimum)}개 이상 선택해 주십시오.`
          : `Choose at least ${String(params.minimum)}.`;
      }
      return ko
        ? `${String(params.minimum)} 이상이어야 합니다.`
        : `Must be at least ${String(params.minimum)}.`;
    case 'too_big':
      if (params.origin === 'string') {
        return ko
          ? `${String(params.maximum)}자 이하로 입력해 주십시오.`
          : `Enter at most ${String(params.maximum)} characters.`;
      }
      return ko ? `${String(params.maximum)} 이하여야 합니다.` : `Must be at most ${String(params.maximum)}.`;
    case 'invalid_format':
      return ko ? '형식이 올바르지 않습니다.' : 'The format is not valid.';
    case 'invalid_value':
      return ko ? '허용되지 않는 값입니다.' : 'This value is not allowed.';
    case 'unrecognized_keys':
      return ko ? '알 수 없는 항목이 포함되어 있습니다.' : 'Contains unknown fields.';
    default:
      return ko ? '입력값이 올바르지 않습니다.' : 'The value is not valid.';
  }
}

export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'ko';
}

/** The same messages for zod issues met outside a route's schema (rows of an imported file). */
export function localizeZodIssues(
  issues: readonly { code: string; path: readonly PropertyKey[]; message: string }[],
  locale: Locale,
  sent?: unknown,
): FieldError[] {
  return localizeValidation(
    issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.map(String).join('/')}`,
      schemaPath: '',
      message: issue.message,
      params: issue as unknown as Record<string, unknown>,
    })),
    locale,
    sent,
  );
}
