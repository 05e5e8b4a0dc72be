import {
  type IsoDate,
  type ObservedSignal,
  type RiskScore,
  type ScreeningFacts,
  type ScreeningRules,
  type SignalType,
  type SupportBenefit,
  scorePerson,
  type VulnerabilityCategory,
} from '@ieum/domain';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { rowsOf } from '../../platform/db/rows';
import { persons } from '../registry/schema';
import { protectionProfiles, protectionSignals } from './schema';

/**
 * One person's screening facts, read with plain queries: the person-by-person way. It is the baseline the
 * benchmark compares the set-based screening with, and the oracle the tests check it against; the pages use
 * `scorePerson` on the stored reasons instead. "Contact" means the same here as in screening-sql.ts: a
 * reached outreach contact, an appointment held, a case note, a survey check that found the person.
 */
export async function loadScreeningFacts(
  q: Queryable,
  personId: string,
  asOf: IsoDate,
): Promise<ScreeningFacts | null> {
  const [person] = await q
    .select({
      decidedOn: persons.protectionDecisionDate,
      movedInOn: persons.residenceStartDate,
    })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!person) return null;
  const [profile] = await q
    .select()
    .from(protectionProfiles)
    .where(eq(protectionProfiles.personId, personId));
  const signals = await q
    .select({
      type: protectionSignals.type,
      observedOn: protectionSignals.observedOn,
      value: protectionSignals.value,
    })
    .from(protectionSignals)
    .where(and(eq(protectionSignals.personId, personId), lte(protectionSignals.observedOn, asOf)));
  const [contact] = rowsOf<{ last_on: string | null }>(
    await q.execute(sql`
      select max(d)::text as last_on from (
        select (contacted_at at time zone 'Asia/Seoul')::date as d from protection_contacts
          where person_id = ${personId} and reached
        union all
        select (starts_at at time zone 'Asia/Seoul')::date from appointments
          where person_id = ${personId} and status = 'done'
        union all
        select (n.created_at at time zone 'Asia/Seoul')::date from case_notes n join cases k on k.id = n.case_id
          where k.person_id = ${personId}
        union all
        select checked_on from survey_checks
          where person_id = ${personId} and finding is not null and finding <> 'unreachable'
      ) contacts where d <= ${asOf}::date`),
  );
  return {
    signals: signals.map(
      (s): ObservedSignal => ({ type: s.type as SignalType, observedOn: s.observedOn, value: s.value }),
    ),
    categories: (profile?.categories ?? []) as VulnerabilityCategory[],
    childrenInHousehold: profile?.childrenInHousehold ?? 0,
    benefits: (profile?.benefits ?? []) as SupportBenefit[],
    lastContactOn: contact?.last_on ?? null,
    protectionDecisionDate: person.decidedOn,
    residenceStartDate: person.movedInOn,
  };
}

/** The naive screening of one person: read the facts, score them in the application. */
export async function scorePersonNaively(
  q: Queryable,
  personId: string,
  rules: ScreeningRules,
  asOf: IsoDate,
): Promise<RiskScore | null> {
  const facts = await loadScreeningFacts(q, personId, asOf);
  return facts ? scorePerson(facts, rules, asOf) : null;
}
