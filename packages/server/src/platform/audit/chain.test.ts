import { describe, expect, it } from 'vitest';
import { type ChainedFields, canonicalJson, chainHash, GENESIS_HASH } from './chain';

const entry: ChainedFields = {
  seq: 7,
  id: '0196f1a8-0000-7000-8000-000000000007',
  occurredAt: new Date('2026-03-01T00:00:00.000Z'),
  actorId: null,
  actorUsername: 'demo-admin',
  organizationId: null,
  ip: '10.0.0.1',
  requestId: 'req-1',
  action: 'update',
  entityType: 'user',
  entityId: 'u-1',
  subjectId: null,
  reason: null,
  detail: { fields: ['roles'], nested: { b: 1, a: [2, { d: 3, c: 4 }] } },
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order, so jsonb key reordering does not change it', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}',
    );
    expect(canonicalJson({ z: 1, a: 2 })).toBe(canonicalJson({ a: 2, z: 1 }));
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('drops undefined properties and writes undefined alone as null', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('chainHash', () => {
  it('is a SHA-256 hex digest that does not depend on the order of detail keys', () => {
    const reordered = { ...entry, detail: { nested: { a: [2, { c: 4, d: 3 }], b: 1 }, fields: ['roles'] } };
    expect(chainHash(GENESIS_HASH, entry)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, entry));
  });

  it('changes when any covered field or the previous hash changes', () => {
    const base = chainHash(GENESIS_HASH, entry);
    const variants: ChainedFields[] = [
      { ...entry, seq: 8 },
      { ...entry, occurredAt: new Date('2026-03-01T00:00:00.001Z') },
      { ...entry, actorUsername: 'demo-privacy-auditor' },
      { ...entry, ip: null },
      { ...entry, action: 'delete' },
      { ...entry, subjectId: 'p-1' },
      { ...entry, reason: '' },
      { ...entry, detail: { fields: ['roles', 'active'], nested: entry.detail?.nested } },
    ];
    for (const variant of variants) expect(chainHash(GENESIS_HASH, variant)).not.toBe(base);
    expect(chainHash('f'.repeat(64), entry)).not.toBe(base);
  });
});
