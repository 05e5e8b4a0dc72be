/** The rows of a raw `execute`: it answers `{ rows }` on node-postgres and on PGlite alike. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
