// The server's side of the wizard's draft (PUT/GET/DELETE /api/drafts): one request at a time, the uploads it can no
// longer keep named back. Loaded just after the first page is drawn: the device keeps every change meanwhile.
import type { apiFetch } from '../lib/api';
import { draftApi, unavailableUploads } from '../lib/draft-api';
import type { LocalDraft } from '../lib/drafts';

export type SyncResult = 'saved' | 'offline' | 'failed';

export interface DraftHost {
  /** The page's API client. */
  readonly api: typeof apiFetch;
  /** The draft as it stands, and the count of changes it holds. */
  snapshot(): { readonly draft: LocalDraft; readonly revision: number };
  /** Whether there is nothing to send: the server has the latest change, or the application went. */
  upToDate(): boolean;
  /** The server took the draft holding `revision` changes, as of `updatedAt`. */
  saved(revision: number, updatedAt: string): void;
  /** The server could not keep these uploads (expired, or part of a case): they must be uploaded again. */
  lost(uploadIds: readonly string[]): void;
}

/** The draft's calls: `sync` sends it when the server lacks changes, one request at a time. */
export function createDraftSync(host: DraftHost) {
  const drafts = draftApi(host.api);
  let inFlight: Promise<SyncResult> | undefined;
  const send = async (): Promise<SyncResult> => {
    if (host.upToDate()) return 'saved';
    const { draft, revision } = host.snapshot();
    try {
      host.saved(revision, (await drafts.push(draft)).updatedAt);
      return 'saved';
    } catch (error) {
      const lost = unavailableUploads(error);
      if (lost.length > 0) {
        host.lost(lost.map((index) => draft.files[index]?.uploadId ?? ''));
        return 'failed';
      }
      return (error as { isNetworkError?: boolean }).isNetworkError ? 'offline' : 'failed';
    }
  };
  const sync = (): Promise<SyncResult> => {
    if (inFlight) return inFlight.then(sync);
    inFlight = send().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  return {
    sync,
    /** The server's draft; null when there is none; undefined when the server cannot be asked. */
    server: (procedureId: string) => drafts.get(procedureId).catch(() => undefined),
    remove: (procedureId: string) => drafts.remove(procedureId),
  };
}
