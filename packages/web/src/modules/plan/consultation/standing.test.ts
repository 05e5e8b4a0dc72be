import { addDays, koreanToday } from '@ieum/domain';
import { describe, expect, it } from 'vitest';
import { CONSULTATION, DRAFT, LEGAL_AID, MEMBER, MOEL, PLAN } from './fixtures';
import { commentStanding } from './standing';
import { reporterOf } from './test-helpers';

// 2020-02-07 00:30 and 2020-02-13 23:30 in Seoul are still 6 and 13 February in UTC: the Korean date counts.
const FIRST_DAY_KST = new Date('2020-02-06T15:30:00Z');
const LAST_DAY_LATE_KST = new Date('2020-02-13T14:30:00Z');
const DAY_AFTER_KST = new Date('2020-02-13T15:30:00Z');
const FEB_2020 = { ...CONSULTATION, startsOn: '2020-02-07', endsOn: '2020-02-13' };

describe('who may comment now', () => {
  it('admits an invited organization’s user on the first and the last Korean day, both inclusive', () => {
    for (const now of [FIRST_DAY_KST, LAST_DAY_LATE_KST]) {
      const standing = commentStanding(PLAN, FEB_2020, reporterOf(MOEL), now);
      expect(standing).toEqual({ ok: true, answeringAs: FEB_2020.invitees[1] });
    }
  });

  it('refuses the day after the last, and the day before the first', () => {
    expect(commentStanding(PLAN, FEB_2020, reporterOf(MOEL), DAY_AFTER_KST)).toEqual({
      ok: false,
      reason: 'consultation_ended',
    });
    expect(commentStanding(PLAN, FEB_2020, reporterOf(MOEL), new Date('2020-02-06T14:30:00Z'))).toEqual({
      ok: false,
      reason: 'consultation_not_started',
    });
  });

  it('answers for a council member in their own name when their organization is not invited', () => {
    const me = reporterOf(LEGAL_AID, { id: MEMBER.id });
    expect(commentStanding(PLAN, FEB_2020, me, FIRST_DAY_KST)).toEqual({
      ok: true,
      answeringAs: FEB_2020.invitees[3],
    });
  });

  it('refuses the uninvited, a draft and a plan with no consultation', () => {
    const today = new Date();
    const open = { ...CONSULTATION, startsOn: addDays(koreanToday(today), -1) };
    expect(commentStanding(PLAN, open, reporterOf(LEGAL_AID), today)).toEqual({
      ok: false,
      reason: 'not_invited',
    });
    expect(commentStanding(DRAFT, open, reporterOf(MOEL), today)).toEqual({
      ok: false,
      reason: 'not_in_consultation',
    });
    expect(commentStanding(PLAN, null, reporterOf(MOEL), today)).toEqual({
      ok: false,
      reason: 'not_in_consultation',
    });
  });
});
