import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  CASE_STATUSES,
  canTransition,
  isOpen,
  mayReadNote,
  priorityNeeds,
} from './lifecycle';

describe('case lifecycle', () => {
  it('moves forward through assessment to active and review, and back from review', () => {
    expect(canTransition('intake', 'assessment')).toBe(true);
    expect(canTransition('assessment', 'active')).toBe(true);
    expect(canTransition('active', 'review')).toBe(true);
    expect(canTransition('review', 'active')).toBe(true);
  });

  it('does not skip assessment or reopen a closed case', () => {
    expect(canTransition('intake', 'active')).toBe(false);
    expect(canTransition('closed', 'active')).toBe(false);
    expect(allowedTransitions('transferred')).toEqual([]);
  });

  it('lets every open status close', () => {
    for (const status of CASE_STATUSES.filter(isOpen)) expect(canTransition(status, 'closed')).toBe(true);
  });
});

describe('note sensitivity', () => {
  const author = 'author-id';
  const reader = (
    over: Partial<{ userId: string; isCenterManager: boolean; isCaseWorkerOfCase: boolean }>,
  ) => ({
    userId: 'someone',
    isCenterManager: false,
    isCaseWorkerOfCase: false,
    ...over,
  });

  it('lets anyone with the case read normal notes', () => {
    expect(mayReadNote({ sensitivity: 'normal', authorId: author }, reader({}))).toBe(true);
  });

  it("keeps sensitive notes to the case's worker, the author and the manager", () => {
    const note = { sensitivity: 'sensitive' as const, authorId: author };
    expect(mayReadNote(note, reader({}))).toBe(false);
    expect(mayReadNote(note, reader({ isCaseWorkerOfCase: true }))).toBe(true);
    expect(mayReadNote(note, reader({ isCenterManager: true }))).toBe(true);
    expect(mayReadNote(note, reader({ userId: author }))).toBe(true);
  });

  it('keeps restricted notes to the author and the manager, not the assigned worker', () => {
    const note = { sensitivity: 'restricted' as const, authorId: author };
    expect(mayReadNote(note, reader({ isCaseWorkerOfCase: true }))).toBe(false);
    expect(mayReadNote(note, reader({ isCenterManager: true }))).toBe(true);
    expect(mayReadNote(note, reader({ userId: author }))).toBe(true);
  });
});

describe('priorityNeeds', () => {
  it('lists domains at or above the threshold, highest first, in domain order on ties', () => {
    expect(priorityNeeds({ housing: 3, employment: 4, mental_health: 4, legal: 2 })).toEqual([
      'employment',
      'mental_health',
      'housing',
    ]);
  });
});
