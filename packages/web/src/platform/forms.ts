import type { Problem } from '@ieum/domain';
import type { ParseKeys, TFunction } from 'i18next';
import { type ChangeEvent, useCallback, useState } from 'react';
import { isApiError } from './api';
import { i18n } from './i18n';

export type MessageKey = ParseKeys;

/** The parts of a zod issue a message is made from (zod's own issue types fit this shape). */
export interface IssueLike {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  readonly origin?: string;
  readonly format?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
}

/** What the shared zod schemas offer: `safeParse`. Typed structurally so the web app needs no zod import. */
export interface SafeParser<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T; error?: undefined }
    | { success: false; data?: undefined; error: { issues: readonly IssueLike[] } };
}

/**
 * A message to show beside a field. Kept untranslated (a key) so that switching the language re-renders it;
 * the server's field messages arrive already localized and are kept as text.
 */
export type FieldMessage = { key: MessageKey; values?: Record<string, unknown> } | { text: string };

export function messageText(t: TFunction, message: FieldMessage | undefined): string | undefined {
  if (!message) return undefined;
  if ('text' in message) return message.text;
  return String(t(message.key, message.values as never));
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Maps a zod issue to a translated message; schema-defined messages (`username.pattern`) have their own keys. */
export function issueMessage(issue: IssueLike): FieldMessage {
  const customKey = `validation.custom.${issue.message.replace(/\./g, '_')}`;
  if (i18n.exists(customKey)) return { key: customKey as MessageKey };
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum ?? 1);
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'validation.selectAtLeast', values: { min } };
      if (issue.origin === 'string') {
        return min <= 1 ? { key: 'validation.required' } : { key: 'validation.tooShort', values: { min } };
      }
      return { key: 'validation.invalid' };
    }
    case 'too_big':
      if (issue.origin === 'string')
        return { key: 'validation.tooLong', values: { max: Number(issue.maximum) } };
      return { key: 'validation.invalid' };
    case 'invalid_format':
      if (issue.format === 'uuid') return { key: 'validation.uuid' };
      if (issue.format === 'date') return { key: 'validation.date' };
      return { key: 'validation.pattern' };
    case 'invalid_type':
      return isBlank(issue.input) ? { key: 'validation.required' } : { key: 'validation.invalid' };
    case 'invalid_value':
      return isBlank(issue.input) ? { key: 'validation.choose' } : { key: 'validation.invalid' };
    default:
      return { key: 'validation.invalid' };
  }
}

/** `roles.0` → `roles`, `/body/username` → `username`: errors are shown on the top-level field. */
export function fieldOfPath(path: string): string {
  const segments = path.split(/[./]/).filter((segment) => segment !== '' && segment !== 'body');
  return segments[0] ?? '';
}

export type FieldErrors = Partial<Record<string, FieldMessage>>;

export interface ValidateOptions {
  /** A message key per field that replaces every generic one (e.g. "enter the 6 digits" for a code). */
  messages?: Partial<Record<string, MessageKey>>;
}

/**
 * One message per top-level field. `input` (what was validated) tells an empty field from a wrong one, since
 * zod does not report the input by default: an empty text field is "required", not "at least 3 characters".
 */
export function collectIssues(
  issues: readonly IssueLike[],
  options?: ValidateOptions,
  input?: unknown,
): FieldErrors {
  const errors: FieldErrors = {};
  const values = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  for (const issue of issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    if (errors[field]) continue;
    const override = options?.messages?.[field];
    if (override) errors[field] = { key: override };
    else if (issue.path.length === 1 && field in values && isBlank(values[field])) {
      errors[field] = {
        key: typeof values[field] === 'string' ? 'validation.required' : 'validation.choose',
      };
    } else errors[field] = issueMessage(issue);
  }
  return errors;
}

/**
 * Form state for one form: typed values, per-field messages, and the problem the server last returned.
 * Values are never reset on error, so nothing the user typed is lost.
 */
export function useForm<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);

  const setValue = useCallback(<K extends keyof V & string>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }, []);

  /** Validates `input` (default: the values) against a shared schema; returns the parsed data or null. */
  const validate = useCallback(
    <T>(schema: SafeParser<T>, input: unknown, options?: ValidateOptions): T | null => {
      const result = schema.safeParse(input);
      if (result.success) {
        setErrors({});
        return result.data;
      }
      setErrors(collectIssues(result.error.issues, options, input));
      return null;
    },
    [],
  );

  /**
   * Shows a failed request: field errors beside their fields, the rest (title, detail) above the form.
   * `fieldOfCode` puts a whole problem on one field (`auth.password_incorrect` → the password field).
   */
  const fail = useCallback(
    (error: unknown, fieldOfCode?: Partial<Record<string, keyof V & string>>) => {
      if (!isApiError(error)) throw error;
      const codeField = fieldOfCode?.[error.code];
      if (codeField) {
        setErrors({ [codeField]: { text: error.problem.title } });
        setProblem(null);
        return;
      }
      const fieldErrors: FieldErrors = {};
      const unplaced: { path: string; message: string }[] = [];
      for (const item of error.problem.errors ?? []) {
        const field = fieldOfPath(item.path);
        if (field in values) fieldErrors[field] ??= { text: item.message };
        else unplaced.push(item);
      }
      setErrors(fieldErrors);
      setProblem({ ...error.problem, errors: unplaced.length > 0 ? unplaced : undefined });
    },
    [values],
  );

  const reset = useCallback((next: V) => {
    setValues(next);
    setErrors({});
    setProblem(null);
  }, []);

  /** Props for a text-like Mantine input bound to a string field. */
  const text = useCallback(
    <K extends keyof V & string>(field: K) => ({
      name: field,
      value: String(values[field] ?? ''),
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        setValue(field, event.currentTarget.value as V[K]),
    }),
    [values, setValue],
  );

  return {
    values,
    errors,
    problem,
    setValue,
    setErrors,
    setProblem,
    validate,
    fail,
    reset,
    text,
  };
}
