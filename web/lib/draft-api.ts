// Drafts on the server (`/api/drafts`, CONTRACT.md v2): the device's copy sent, read back, deleted.
import { ApiError, apiFetch } from './api';
import type { Draft, DraftRequest } from './api-types';
import type { LocalDraft } from './drafts';

const path = (procedureId: string) => `/drafts/${encodeURIComponent(procedureId)}`;

/** The body of `PUT /api/drafts/{procedureId}` for a draft. */
export function draftRequest(draft: LocalDraft): DraftRequest {
  return {
    data: draft.data,
    documents: draft.files.map(({ documentType, uploadId }) => ({ documentType, uploadId })),
    ...(draft.step ? { step: draft.step } : {}),
  };
}

/** Sends the draft (replacing the server's). Throws ApiError: a 400 names the uploads it could not keep. */
export function pushDraft(draft: LocalDraft): Promise<Draft> {
  // A PUT of the whole draft is safe to repeat.
  return apiFetch<Draft>(path(draft.procedureId), { method: 'PUT', body: draftRequest(draft), retries: 1 });
}

/** The server's draft of the procedure, or null when there is none. */
export async function fetchDraft(procedureId: string): Promise<Draft | null> {
  try {
    return await apiFetch<Draft>(path(procedureId), { retries: 1 });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export async function fetchDrafts(): Promise<readonly Draft[]> {
  return (await apiFetch<{ items: Draft[] }>('/drafts')).items;
}

export async function deleteServerDraft(procedureId: string): Promise<void> {
  await apiFetch<void>(path(procedureId), { method: 'DELETE', retries: 1 });
}

/** The index of each upload a refused draft could not keep (`documents[i].uploadId`), from the 400's problems. */
export function unavailableUploads(error: unknown): number[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return error.fieldErrors
    .map((e) => /^documents\[(\d+)\]\.uploadId$/.exec(e.path)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number);
}
