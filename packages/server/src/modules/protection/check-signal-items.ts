import { parseRrn, SignalSubmissionItem, SignalType, seoulDate } from '@ieum/domain';
import type { PersonScope } from '../../platform/access/scope';
import type { Deps } from '../../platform/deps';
import { localizeZodIssues } from '../../platform/http/validation-messages';
import { rrnIndex } from '../registry/search-tokens';
import {
  type ResolvedSignalPersons,
  resolvePersonsInScope,
  type SignalPerson,
  unsafeResolvePersonsNationally,
} from './signal-persons.repository';
import { type SignalFieldError, signalError, signalRuleErrors } from './signal-rules';

/** A signal that passed every check, with its person found. */
export interface CheckedSignal {
  readonly index: number;
  readonly ok: true;
  readonly person: SignalPerson;
  readonly type: SignalType;
  readonly observedOn: string;
  readonly value: number | null;
  readonly reference: string | null;
}

export interface RejectedSignal {
  readonly index: number;
  readonly ok: false;
  readonly errors: SignalFieldError[];
  /** The person, when found although another field is wrong (the import preview shows the code). */
  readonly person: SignalPerson | null;
}

export type SignalCheck = CheckedSignal | RejectedSignal;

/** Where persons are looked for: everywhere (agency systems) or within the actor's row scope (imports). */
export type SignalPersonSearch =
  | { readonly kind: 'national' }
  | { readonly kind: 'scoped'; readonly scopes: readonly PersonScope[] };

type PersonRef = { kind: 'rrn'; index: string } | { kind: 'code'; code: string } | { kind: 'id'; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^P-?([0-9A-Z]{4})-?([0-9A-Z]{4})$/;

// Never echoes what was sent: a registration number in an error message would land in the sender's logs.
const NOT_FOUND = {
  ko: '이음에 등록된 대상자 중 일치하는 사람이 없습니다.',
  en: 'No person registered in ieum matches this reference.',
};

/**
 * Checks each item on its own — the shape, the person reference, the signal type, the date and value rules —
 * and finds every referenced person with one lookup for the whole batch. One bad item never affects another.
 * Answers in the items' order.
 */
export async function checkSignalItems(
  deps: Deps,
  options: { items: readonly unknown[]; search: SignalPersonSearch },
): Promise<SignalCheck[]> {
  const today = seoulDate(deps.now());
  const staged = options.items.map((item) => stage(deps, item, today));
  const refs = staged.flatMap((entry) => (entry.ref ? [entry.ref] : []));
  const search = {
    rrnIndexes: refs.flatMap((ref) => (ref.kind === 'rrn' ? [ref.index] : [])),
    codes: refs.flatMap((ref) => (ref.kind === 'code' ? [ref.code] : [])),
    ids: refs.flatMap((ref) => (ref.kind === 'id' ? [ref.id] : [])),
  };
  const found =
    options.search.kind === 'national'
      ? await unsafeResolvePersonsNationally(deps.db, search)
      : await resolvePersonsInScope(deps.db, options.search.scopes, search);

  return staged.map((entry, index): SignalCheck => {
    const person = entry.ref ? personFor(found, entry.ref) : null;
    const errors = [...entry.errors];
    if (entry.ref && !person)
      errors.push({ path: entry.ref.kind === 'rrn' ? 'rrn' : 'personId', message: NOT_FOUND });
    if (errors.length > 0 || !person || !entry.item || !entry.type)
      return { index, ok: false, errors, person };
    return {
      index,
      ok: true,
      person,
      type: entry.type,
      observedOn: entry.item.observedOn,
      value: entry.item.value ?? null,
      reference: entry.item.reference ?? null,
    };
  });
}

interface Staged {
  readonly item: SignalSubmissionItem | null;
  readonly type: SignalType | null;
  readonly ref: PersonRef | null;
  readonly errors: SignalFieldError[];
}

function stage(deps: Deps, raw: unknown, today: string): Staged {
  const parsed = SignalSubmissionItem.safeParse(raw);
  if (!parsed.success)
    return { item: null, type: null, ref: null, errors: zodErrors(parsed.error.issues, raw) };
  const item = parsed.data;
  const errors: SignalFieldError[] = [];

  let ref: PersonRef | null = null;
  const rrn = item.rrn?.trim() || undefined;
  const personId = item.personId?.trim() || undefined;
  if ((rrn === undefined) === (personId === undefined)) {
    errors.push(
      signalError(
        rrn === undefined ? 'rrn' : 'personId',
        '주민등록번호 또는 대상자 ID 중 하나만 보내 주십시오.',
        'Send either a resident registration number or a person ID, not both.',
      ),
    );
  } else if (rrn !== undefined) {
    const parsedRrn = parseRrn(rrn);
    if (parsedRrn.ok) ref = { kind: 'rrn', index: rrnIndex(deps.vault, parsedRrn.value.digits) };
    else
      errors.push(
        signalError(
          'rrn',
          '주민등록번호 형식이 올바르지 않습니다(13자리, 예: 900101-2345678).',
          'Not a valid resident registration number (13 digits, e.g. 900101-2345678).',
        ),
      );
  } else if (personId !== undefined) {
    ref = personRef(personId);
    if (!ref)
      errors.push(
        signalError(
          'personId',
          '대상자 ID는 P-XXXX-XXXX 형식의 코드 또는 UUID여야 합니다.',
          'A person ID is a code like P-XXXX-XXXX or a UUID.',
        ),
      );
  }

  const type = SignalType.safeParse(item.type);
  if (!type.success) {
    errors.push(
      signalError(
        'type',
        '알 수 없는 신호 유형입니다. 신호 유형 목록(GET /api/protection/signal-types)을 확인해 주십시오.',
        'Unknown signal type; see the list at GET /api/protection/signal-types.',
      ),
    );
  } else {
    errors.push(
      ...signalRuleErrors({ type: type.data, observedOn: item.observedOn, value: item.value }, today),
    );
  }
  return { item, type: type.success ? type.data : null, ref, errors };
}

function personRef(value: string): PersonRef | null {
  if (UUID.test(value)) return { kind: 'id', id: value.toLowerCase() };
  const code = CODE.exec(value.toUpperCase().replace(/\s/g, ''));
  return code ? { kind: 'code', code: `P-${code[1]}-${code[2]}` } : null;
}

function personFor(found: ResolvedSignalPersons, ref: PersonRef): SignalPerson | null {
  switch (ref.kind) {
    case 'rrn':
      return found.byRrnIndex.get(ref.index) ?? null;
    case 'code':
      return found.byCode.get(ref.code) ?? null;
    case 'id':
      return found.byId.get(ref.id) ?? null;
    default: {
      const unknown: never = ref;
      return unknown;
    }
  }
}

/** The schema's complaints in both languages (the validator's messages never carry the value sent). */
function zodErrors(
  issues: readonly { code: string; path: readonly PropertyKey[]; message: string }[],
  raw: unknown,
): SignalFieldError[] {
  const ko = localizeZodIssues(issues, 'ko', raw);
  const en = localizeZodIssues(issues, 'en', raw);
  return ko.map((error, index) => ({
    path: error.path,
    message: { ko: String(error.message), en: String(en[index]?.message ?? error.message) },
  }));
}
