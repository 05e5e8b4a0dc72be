import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as tables from '../../platform/db/tables';
import { TABLES_KEPT_WITH_THEIR_RECORD, TABLES_MOVED_WITH_A_PERSON } from './person-data-moves';

describe('moving a person’s rows on merge', () => {
  it('accounts for every table that points at a person: moved with the record, or kept on purpose', () => {
    const pointingAtPersons = Object.values(tables)
      .flatMap((value) => (is(value, PgTable) ? [value] : []))
      .map((table) => getTableConfig(table))
      .filter((config) => config.columns.some((column) => column.name === 'person_id'))
      .map((config) => config.name);
    expect(pointingAtPersons).toEqual(expect.arrayContaining(['cases', 'consents', 'tasks', 'referrals']));
    const accounted = new Set<string>([...TABLES_MOVED_WITH_A_PERSON, ...TABLES_KEPT_WITH_THEIR_RECORD]);
    expect(pointingAtPersons.filter((name) => !accounted.has(name))).toEqual([]);
  });
});
