import {
  compareDates,
  type IsoDate,
  isIsoDate,
  type SignalType,
  signalTypeDefinition,
  signalTypeValidOn,
} from '@ieum/domain';

/** A field's problem in both languages: agency systems, the import preview and the staff form all show one. */
export interface SignalFieldError {
  readonly path: string;
  readonly message: { readonly ko: string; readonly en: string };
}

export function signalError(path: string, ko: string, en: string): SignalFieldError {
  return { path, message: { ko, en } };
}

/**
 * What a signal of a known type must satisfy, wherever it comes from: a real calendar date, not later than
 * today in Korea, within the dates the type is received for (signal-types.ts), and a value exactly when the
 * type has one (months in arrears, days without contact), within its range.
 */
export function signalRuleErrors(
  signal: { readonly type: SignalType; readonly observedOn: string; readonly value?: number | null },
  today: IsoDate,
): SignalFieldError[] {
  const errors: SignalFieldError[] = [];
  const definition = signalTypeDefinition(signal.type);
  if (!isIsoDate(signal.observedOn)) {
    errors.push(
      signalError(
        'observedOn',
        '확인일을 YYYY-MM-DD 형식으로 보내 주십시오.',
        'Send the date as YYYY-MM-DD.',
      ),
    );
  } else if (compareDates(signal.observedOn, today) > 0) {
    errors.push(
      signalError(
        'observedOn',
        '확인일은 오늘(한국 시각) 이후일 수 없습니다.',
        'The date observed cannot be later than today (Korea time).',
      ),
    );
  } else if (!signalTypeValidOn(signal.type, signal.observedOn)) {
    errors.push(
      compareDates(signal.observedOn, definition.validFrom) < 0
        ? signalError(
            'observedOn',
            `'${definition.ko}' 신호는 ${definition.validFrom} 이후의 확인분부터 받습니다.`,
            `'${definition.en}' is received for observations from ${definition.validFrom} on.`,
          )
        : signalError(
            'observedOn',
            `'${definition.ko}' 신호는 ${definition.validUntil} 이후의 확인분을 받지 않습니다.`,
            `'${definition.en}' is not received for observations from ${definition.validUntil} on.`,
          ),
    );
  }
  const value = signal.value ?? null;
  if (definition.value) {
    const { unitKo, unitEn, max } = definition.value;
    if (value === null) {
      errors.push(
        signalError(
          'value',
          `'${definition.ko}' 신호에는 값(${unitKo})이 필요합니다.`,
          `'${definition.en}' needs a value (${unitEn}).`,
        ),
      );
    } else if (value > max) {
      errors.push(
        signalError(
          'value',
          `값은 ${max}${unitKo} 이하여야 합니다.`,
          `The value must be at most ${max} ${unitEn}.`,
        ),
      );
    }
  } else if (value !== null) {
    errors.push(
      signalError(
        'value',
        `'${definition.ko}' 신호는 값을 받지 않습니다. 값을 비워 주십시오.`,
        `'${definition.en}' takes no value; leave it empty.`,
      ),
    );
  }
  return errors;
}
