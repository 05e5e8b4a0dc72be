import { createHash } from 'node:crypto';

/** The fields an audit entry's hash covers, in a fixed order. */
export interface ChainedFields {
  readonly seq: number;
  readonly id: string;
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly actorUsername: string | null;
  readonly organizationId: string | null;
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly action: string;
  readonly entityType: string | null;
  readonly entityId: string | null;
  readonly subjectId: string | null;
  readonly reason: string | null;
  readonly detail: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: jsonb reorders keys, and the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  const content = canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}
