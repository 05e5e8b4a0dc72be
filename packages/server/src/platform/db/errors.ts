/** PostgreSQL SQLSTATE 23505, from node-postgres and PGlite alike (drizzle may wrap it in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/** The driver error under drizzle's wrapper, if any. */
function driverError(error: unknown): { code?: unknown; constraint?: unknown } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
      return current as { code?: unknown; constraint?: unknown };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function sqlState(error: unknown): string | undefined {
  const code = driverError(error)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The name of the constraint a unique violation hit (e.g. `persons_code_key`), when the driver says. */
export function violatedConstraint(error: unknown): string | undefined {
  const constraint = driverError(error)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}
