import { randomBytes } from 'node:crypto';
import { type PersonIntake, parseRrn } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import { isUniqueViolation, violatedConstraint } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { organizations } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, type FieldError } from '../../platform/errors';
import { syncStatutoryTasks } from '../timeline/sync-statutory-tasks';
import { checkDuplicates, publicCandidate } from './check-duplicates';
import { personSearchTokens, persons } from './schema';
import { rrnIndex, tokensForPerson } from './search-tokens';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A pseudonymous person ID, `P-XXXX-XXXX`: 40 random bits in Crockford's base32 (no I, L, O, U). */
export function newPersonCode(): string {
  const chars = [...randomBytes(8)].map((byte) => CROCKFORD[byte & 31]).join('');
  return `P-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

function field(path: string, ko: string, en: string): FieldError {
  return { path, message: { ko, en } };
}

export interface ResolvedIdentity {
  readonly birthDate: string | null;
  readonly sex: 'male' | 'female' | null;
  readonly rrnDigits: string | null;
  readonly errors: FieldError[];
}

/**
 * Birth date and sex as the registration number states them; where both are given they must agree.
 * Used by the intake form and by cohort import alike.
 */
export function resolveIdentity(input: Pick<PersonIntake, 'rrn' | 'birthDate' | 'sex'>): ResolvedIdentity {
  const errors: FieldError[] = [];
  let birthDate = input.birthDate ?? null;
  let sex = input.sex ?? null;
  let rrnDigits: string | null = null;
  if (input.rrn) {
    const parsed = parseRrn(input.rrn);
    if (parsed.ok) {
      rrnDigits = parsed.value.digits;
      if (birthDate && birthDate !== parsed.value.birthDate) {
        errors.push(
          field(
            'birthDate',
            '주민등록번호의 생년월일과 다릅니다.',
            'Differs from the birth date in the registration number.',
          ),
        );
      }
      if (sex && sex !== parsed.value.sex) {
        errors.push(
          field('sex', '주민등록번호의 성별과 다릅니다.', 'Differs from the sex in the registration number.'),
        );
      }
      birthDate ??= parsed.value.birthDate;
      sex ??= parsed.value.sex;
    }
  }
  return { birthDate, sex, rrnDigits, errors };
}

/**
 * Intake of one person: validation against the registration number, the center the worker may register
 * into, a duplicate check across the whole registry, then the sealed record, its search tokens and the
 * audit entry in one transaction.
 */
export async function registerPerson(
  deps: Deps,
  options: { actor: Actor; input: PersonIntake },
): Promise<{ id: string; code: string }> {
  const { actor, input } = options;
  const { birthDate, sex, rrnDigits, errors } = resolveIdentity(input);

  const scopes = personScopes(actor);
  const ownCenter = scopes.find((scope) => scope.kind === 'center');
  const hanaCenterId = input.hanaCenterId ?? ownCenter?.organizationId;
  if (!ownCenter || hanaCenterId !== ownCenter.organizationId) {
    errors.push(
      field(
        'hanaCenterId',
        '소속 하나센터의 대상자만 등록할 수 있습니다.',
        'You can register persons only at your own Hana Center.',
      ),
    );
  }
  if (input.municipalityId) {
    const [municipality] = await deps.db
      .select({ type: organizations.type })
      .from(organizations)
      .where(eq(organizations.id, input.municipalityId));
    if (municipality?.type !== 'local_government') {
      errors.push(field('municipalityId', '지방자치단체를 선택해 주십시오.', 'Choose a local government.'));
    }
  }
  if (errors.length > 0 || !hanaCenterId) throw new AppError('request.invalid', { fieldErrors: errors });

  const identity = {
    name: input.name,
    otherNames: input.otherNames,
    rrn: input.rrn,
    birthDate: birthDate ?? undefined,
    sex: sex ?? undefined,
  };
  const candidates = await checkDuplicates(deps, deps.db, { actor, identity });
  const acknowledged = new Set(input.acknowledgedDuplicates);
  const blocking = candidates.filter((c) => c.level === 'certain' || !acknowledged.has(c.code));
  if (blocking.length > 0) {
    throw new AppError('person.possible_duplicate', {
      extensions: { duplicates: candidates.map(publicCandidate) },
    });
  }

  const id = newId();
  for (let attempt = 0; ; attempt++) {
    const code = newPersonCode();
    try {
      await deps.db.transaction(async (tx) => {
        await insertPerson(deps, tx, { id, code, actor, input, hanaCenterId, birthDate, sex, rrnDigits });
      });
      return { id, code };
    } catch (error) {
      // A code collision (1 in 10^12 per pair) retries; an RRN collision is a true duplicate that raced us.
      if (isUniqueViolation(error) && attempt < 3 && violatedConstraint(error) === 'persons_code_key') {
        continue;
      }
      if (isUniqueViolation(error))
        throw new AppError('person.possible_duplicate', { extensions: { duplicates: [] } });
      throw error;
    }
  }
}

export async function insertPerson(
  deps: Deps,
  tx: Tx,
  values: {
    id: string;
    code: string;
    actor: Actor;
    input: PersonIntake;
    hanaCenterId: string;
    birthDate: string | null;
    sex: string | null;
    rrnDigits: string | null;
  },
): Promise<void> {
  const { id, input } = values;
  const subject = { type: 'person' as const, id };
  const seal = (fieldName: string, value: string | null | undefined) =>
    value ? deps.vault.encrypt(tx, subject, fieldName, value) : Promise.resolve(null);
  const [row] = await tx
    .insert(persons)
    .values({
      id,
      code: values.code,
      hanaCenterId: values.hanaCenterId,
      municipalityId: input.municipalityId ?? null,
      sex: values.sex,
      birthYear: values.birthDate ? Number(values.birthDate.slice(0, 4)) : null,
      nameSealed: (await seal('name', input.name)) as string,
      otherNamesSealed:
        input.otherNames.length > 0 ? await seal('other_names', JSON.stringify(input.otherNames)) : null,
      rrnSealed: await seal('rrn', values.rrnDigits),
      rrnIndex: values.rrnDigits ? rrnIndex(deps.vault, values.rrnDigits) : null,
      birthDateSealed: await seal('birth_date', values.birthDate),
      phoneSealed: await seal('phone', input.phone),
      addressSealed: await seal('address', input.address),
      originProvince: input.originProvince ?? null,
      arrivalDate: input.arrivalDate ?? null,
      hanawonClass: input.hanawonClass ?? null,
      hanawonCompletionDate: input.hanawonCompletionDate ?? null,
      protectionDecisionDate: input.protectionDecisionDate ?? null,
      residenceStartDate: input.residenceStartDate ?? null,
      residenceRegion: input.residenceRegion ?? null,
      createdBy: values.actor.userId,
    })
    .returning();
  if (row) await syncStatutoryTasks(tx, row);
  const tokens = tokensForPerson(deps.vault, {
    names: [input.name, ...input.otherNames],
    phone: input.phone ?? null,
    birthDate: values.birthDate,
  });
  if (tokens.length > 0)
    await tx.insert(personSearchTokens).values(tokens.map((token) => ({ token, personId: id })));
  await appendAudit(tx, {
    action: 'create',
    entityType: 'person',
    entityId: id,
    subjectId: id,
    detail: {
      code: values.code,
      fields: Object.keys(input)
        .filter((k) => input[k as keyof PersonIntake] !== undefined)
        .sort(),
    },
  });
}
