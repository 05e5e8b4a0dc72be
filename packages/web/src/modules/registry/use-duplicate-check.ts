import { useCallback, useEffect, useRef } from 'react';
import { checkDuplicates, type DuplicateCandidateData, type DuplicateCheckData } from './api';

/** Long enough that moving through the identity fields with Tab asks once, short enough to feel immediate. */
export const DUPLICATE_CHECK_DELAY_MS = 400;

/**
 * The early duplicate check of the intake form: `schedule(identity)` asks the server after a short pause,
 * once per distinct identity (every check is audited per candidate, so repeating one adds only noise), and
 * only the answer to the latest question is delivered. A failed check stays quiet: the intake checks again.
 */
export function useDuplicateCheck(onCandidates: (candidates: DuplicateCandidateData[]) => void) {
  const deliver = useRef(onCandidates);
  deliver.current = onCandidates;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  const lastAsked = useRef<string | null>(null);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  return useCallback((identity: DuplicateCheckData | null) => {
    clearTimeout(timer.current);
    if (!identity) return;
    const key = JSON.stringify(identity);
    if (key === lastAsked.current) return;
    timer.current = setTimeout(() => {
      lastAsked.current = key;
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      checkDuplicates(identity, controller.signal).then(
        (candidates) => {
          if (!controller.signal.aborted) deliver.current(candidates);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          // Ask again next time: this answer never came.
          lastAsked.current = null;
          console.warn('Duplicate check failed', error);
        },
      );
    }, DUPLICATE_CHECK_DELAY_MS);
  }, []);
}
