// Drafts on the server (`/api/drafts`, CONTRACT.md v2): the device's copy sent, read back, listed, deleted. It takes
// the API client as an argument rather than importing it, so that the code which loads it later (the wizard's draft
// sync) shares the page's client and does not split the page's first load into one more file.
import type { ApiError, apiFetch } from './api';
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

const failure = (error: unknown) => error as Partial<Pick<ApiError, 'status' | 'fieldErrors'>>;

/** The calls of `/api/drafts`, through `api` (the page's `apiFetch`). */
export function draftApi(api: typeof apiFetch) {
  return {
    /** Sends the draft (replacing the server's). Throws: a 400 names the uploads it could not keep. */
    push: (draft: LocalDraft) =>
      // A PUT of the whole draft is safe to repeat.
      api<Draft>(path(draft.procedureId), { method: 'PUT', body: draftRequest(draft), retries: 1 }),
    /** The server's draft of the procedure, or null when there is none. */
    async get(procedureId: string): Promise<Draft | null> {
      try {
        return await api<Draft>(path(procedureId), { retries: 1 });
      } catch (error) {
        if (failure(error).status === 404) return null;
        throw error;
      }
    },
    list: async (): Promise<readonly Draft[]> => (await api<{ items: Draft[] }>('/drafts')).items,
    remove: (procedureId: string) => api<void>(path(procedureId), { method: 'DELETE', retries: 1 }),
  };
}

/** The index of each upload a refused draft could not keep (`documents[i].uploadId`), from the 400's problems. */
export function unavailableUploads(error: unknown): number[] {
  const { status, fieldErrors } = failure(error);
  if (status !== 400 || !fieldErrors) return [];
  return fieldErrors
    .map((e) => /^documents\[(\d+)\]\.uploadId$/.exec(e.path)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number);
}
