/**
 * When this browser last heard from the server with the session accepted. The server's idle timeout restarts
 * on every request, so this is what the idle warning counts from. Shared between tabs through localStorage
 * (a timestamp, nothing sensitive) so that work in one tab keeps the warning away in the others.
 */
const STORAGE_KEY = 'ieum.lastActivityAt';

let lastActivityAt = Date.now();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function recordActivity(at: number = Date.now()): void {
  if (at <= lastActivityAt) return;
  lastActivityAt = at;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, String(at));
  } catch {
    // Storage refused: the warning then counts this tab's requests only.
  }
  emit();
}

export function resetActivity(at: number = Date.now()): void {
  lastActivityAt = at;
  emit();
}

export function getLastActivity(): number {
  return lastActivityAt;
}

function onStorage(event: StorageEvent): void {
  if (event.key !== STORAGE_KEY || !event.newValue) return;
  const at = Number(event.newValue);
  if (Number.isFinite(at) && at > lastActivityAt) {
    lastActivityAt = at;
    emit();
  }
}

export function subscribeActivity(listener: () => void): () => void {
  if (listeners.size === 0 && typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined')
      window.removeEventListener('storage', onStorage);
  };
}
