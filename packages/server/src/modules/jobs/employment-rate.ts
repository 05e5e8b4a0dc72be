import { and, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { persons } from '../registry/schema';
import { employmentRecords } from './schema';

/**
 * The employment rate's definitions, shared by the jobs report and the plan's `jobs.employment_rate` metric:
 * working age is 15 to 64 in the year of the day counted (by birth year), and a person is in work on a day
 * when one of their employment records spans it (a record with no end is still running).
 */
export const WORKING_AGE = { from: 15, to: 64 } as const;

export function isWorkingAgeIn(year: number): SQL {
  return sql`${persons.birthYear} between ${year - WORKING_AGE.to} and ${year - WORKING_AGE.from}`;
}

export function isEmployedOn(day: string): SQL {
  return and(
    lte(employmentRecords.startOn, day),
    or(isNull(employmentRecords.endOn), gte(employmentRecords.endOn, day)),
  ) as SQL;
}
