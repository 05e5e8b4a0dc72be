import { ImportPreview, ImportProgress, ImportResult } from '@ieum/domain';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type ImportPreviewData = ReturnType<typeof ImportPreview.parse>;
export type ImportRowData = ImportPreviewData['rows'][number];
export type ImportResultData = ReturnType<typeof ImportResult.parse>;
export type ImportMode = 'all' | 'valid';

/** The server takes up to 12 MiB of JSON; base64 grows a file by a third, so 8 MiB is the file's limit. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** How often the progress bar asks how far a running commit has got. */
export const PROGRESS_POLL_MS = 500;

/** The file's bytes as base64, as `POST /api/persons/imports` expects them. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a spread of a whole file overflows the call stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

export async function previewImport(file: File): Promise<ImportPreviewData> {
  return request('/api/persons/imports', {
    method: 'POST',
    body: { fileName: file.name, contentBase64: await fileToBase64(file) },
    schema: ImportPreview,
  });
}

export function commitImport(batchId: string, mode: ImportMode): Promise<ImportResultData> {
  return request(`/api/persons/imports/${encodeURIComponent(batchId)}/commit`, {
    method: 'POST',
    body: { mode },
    schema: ImportResult,
  });
}

export function cancelImport(batchId: string): Promise<void> {
  return request(`/api/persons/imports/${encodeURIComponent(batchId)}/cancel`, { method: 'POST' });
}

/** The batch's progress, asked every half second while a commit runs (and not at all otherwise). */
export function useImportProgress(batchId: string | null, running: boolean) {
  return useQuery({
    queryKey: ['persons', 'imports', batchId, 'progress'],
    queryFn: ({ signal }) =>
      request(`/api/persons/imports/${encodeURIComponent(batchId ?? '')}`, {
        schema: ImportProgress,
        signal,
      }),
    enabled: batchId !== null && running,
    refetchInterval: running ? PROGRESS_POLL_MS : false,
  });
}
