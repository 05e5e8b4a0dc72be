import type { ConsentPurpose, ConsentTerms, DataCategory } from '@ieum/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PersonScope } from '../../platform/access/scope';
import type { Queryable } from '../../platform/db/client';
import { organizations, users } from '../../platform/db/schema';
import { personsFor } from '../registry/persons.repository';
import { consents } from './schema';

export type ConsentRow = typeof consents.$inferSelect;
export type ConsentRecord = ConsentTerms & { readonly id: string; readonly personId: string };

const recorder = alias(users, 'recorder');
const withdrawer = alias(users, 'withdrawer');

/** The terms of a stored consent, typed for the coverage rules of `@ieum/domain`. */
export function toTerms(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    personId: row.personId,
    recipientOrganizationId: row.recipientOrganizationId,
    recipientType: row.recipientType,
    categories: row.categories as DataCategory[],
    purpose: row.purpose as ConsentPurpose,
    givenOn: row.givenOn,
    expiresOn: row.expiresOn,
    withdrawnOn: row.withdrawnOn,
  };
}

/** Consents as one actor may see them: those of persons in the actor's scope, and no others. */
export function consentsFor(q: Queryable, scopes: readonly PersonScope[]) {
  const visible = inArray(consents.personId, personsFor(q, scopes).idsQuery());
  return {
    async listForPerson(personId: string) {
      return q
        .select({
          consent: consents,
          organization: { id: organizations.id, name: organizations.name, type: organizations.type },
          recordedBy: { id: recorder.id, displayName: recorder.displayName },
          withdrawnBy: { id: withdrawer.id, displayName: withdrawer.displayName },
        })
        .from(consents)
        .innerJoin(recorder, eq(recorder.id, consents.recordedBy))
        .leftJoin(organizations, eq(organizations.id, consents.recipientOrganizationId))
        .leftJoin(withdrawer, eq(withdrawer.id, consents.withdrawnBy))
        .where(and(visible, eq(consents.personId, personId)))
        .orderBy(desc(consents.givenOn), desc(consents.id));
    },

    async findById(id: string) {
      const [row] = await q
        .select()
        .from(consents)
        .where(and(visible, eq(consents.id, id)));
      return row ?? null;
    },
  };
}

/**
 * Every consent of these persons, by person, for coverage checks. No actor scope: callers pass persons
 * they already reached through a scoped query (their own persons, or the referrals addressed to them).
 */
export async function consentTermsOf(
  q: Queryable,
  personIds: readonly string[],
): Promise<Map<string, ConsentRecord[]>> {
  const byPerson = new Map<string, ConsentRecord[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await q
    .select()
    .from(consents)
    .where(inArray(consents.personId, [...new Set(personIds)]));
  for (const row of rows) {
    const list = byPerson.get(row.personId) ?? [];
    list.push(toTerms(row));
    byPerson.set(row.personId, list);
  }
  return byPerson;
}
