// The server's side of the wizard's draft (PUT/GET/DELETE /api/drafts): one request at a time, the uploads it can no
// longer keep named back. Loaded with the later steps' code: the device keeps every change meanwhile.
import { ApiError } from '../lib/api';
import { deleteServerDraft, fetchDraft, pushDraft, unavailableUploads } from '../lib/draft-api';
import type { LocalDraft } from '../lib/drafts';

export type SyncResult = 'saved' | 'offline' | 'failed';

export interface DraftHost {
  /** The draft as it stands, and the count of changes it holds. */
  snapshot(): { readonly draft: LocalDraft; readonly revision: number };
  /** Whether there is nothing to send: the server has the latest change, or the application went. */
  upToDate(): boolean;
  /** The server took the draft holding `revision` changes, as of `updatedAt`. */
  saved(revision: number, updatedAt: string): void;
  /** The server could not keep these uploads (expired, or part of a case): they must be uploaded again. */
  lost(uploadIds: readonly string[]): void;
}

/** Sends the draft when the server lacks changes, one request at a time. */
export function createDraftSync(host: DraftHost) {
  let inFlight: Promise<SyncResult> | undefined;
  const send = async (): Promise<SyncResult> => {
    if (host.upToDate()) return 'saved';
    const { draft, revision } = host.snapshot();
    try {
      host.saved(revision, (await pushDraft(draft)).updatedAt);
      return 'saved';
    } catch (error) {
      const lost = unavailableUploads(error);
      if (lost.length > 0) {
        host.lost(lost.map((index) => draft.files[index]?.uploadId ?? ''));
        return 'failed';
      }
      return error instanceof ApiError && error.isNetworkError ? 'offline' : 'failed';
    }
  };
  const sync = (): Promise<SyncResult> => {
    if (inFlight) return inFlight.then(sync);
    inFlight = send().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  return sync;
}

/** The server's draft of the procedure; null when there is none; undefined when the server cannot be asked. */
export async function serverDraft(procedureId: string) {
  try {
    return await fetchDraft(procedureId);
  } catch {
    return undefined;
  }
}

export { deleteServerDraft };
