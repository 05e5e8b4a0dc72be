import { LoginRequest, UserInput } from '@ieum/domain';
import { describe, expect, it } from 'vitest';
import { collectIssues, fieldOfPath, messageText, type SafeParser } from './forms';
import { i18n } from './i18n';

const t = i18n.getFixedT('ko');

function errorsOf<T>(schema: SafeParser<T>, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected invalid input');
  const errors = collectIssues(result.error.issues, undefined, input);
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, messageText(t, message)]),
  );
}

describe('client-side validation with the shared schemas', () => {
  it('translates every failing field of a new user into Korean', () => {
    expect(
      errorsOf(UserInput, {
        username: 'Bad Name',
        displayName: '',
        organizationId: undefined,
        roles: [],
        password: 'short',
      }),
    ).toEqual({
      username: '영문 소문자, 숫자와 . _ - 기호만 쓸 수 있으며, 영문 소문자나 숫자로 시작해야 합니다.',
      displayName: '필수 입력 항목입니다.',
      organizationId: '항목을 선택해 주십시오.',
      roles: '1개 이상 선택해 주십시오.',
      password: '비밀번호는 12자 이상이어야 합니다.',
    });
  });

  it('says "required" for an empty field rather than its minimum length', () => {
    expect(
      errorsOf(UserInput, {
        username: '',
        displayName: '김',
        organizationId: null,
        roles: ['admin'],
        password: '',
      }),
    ).toEqual({
      username: '필수 입력 항목입니다.',
      organizationId: '항목을 선택해 주십시오.',
      password: '필수 입력 항목입니다.',
    });
  });

  it('uses a field-specific message where the form asks for one', () => {
    const result = LoginRequest.safeParse({ username: 'kim', password: 'x', totp: '12' });
    if (result.success) throw new Error('expected invalid input');
    const errors = collectIssues(result.error.issues, { messages: { totp: 'validation.totpCode' } });
    expect(messageText(t, errors.totp)).toBe('6자리 숫자를 입력해 주십시오.');
  });
});

describe('fieldOfPath', () => {
  it('maps server error paths to the top-level form field', () => {
    expect(fieldOfPath('username')).toBe('username');
    expect(fieldOfPath('roles.0')).toBe('roles');
    expect(fieldOfPath('/body/organizationId')).toBe('organizationId');
  });
});
