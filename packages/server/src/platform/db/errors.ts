/** PostgreSQL SQLSTATE 23505, from node-postgres and PGlite alike (drizzle may wrap it in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
