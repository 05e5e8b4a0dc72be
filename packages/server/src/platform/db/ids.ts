import { v7 } from 'uuid';

/** Random, time-ordered identifiers (UUID v7): never sequential, friendly to B-tree indexes. */
export function newId(): string {
  return v7();
}
