// Drafts on this device: the apply wizard keeps every change in localStorage at once (a reload, even offline, loses
// nothing) and sends it to `/api/drafts` when it can (lib/draft-api.ts), so the applicant can resume anywhere.

/** A file the draft names, with what this device knows of it (another device learns its name from the API). */
export interface DraftFile {
  readonly documentType: string;
  readonly uploadId: string;
  readonly fileName?: string;
  readonly size?: number;
  readonly contentType?: string;
}

/** The draft as this device holds it. */
export interface LocalDraft {
  readonly procedureId: string;
  readonly data: Record<string, unknown>;
  readonly files: readonly DraftFile[];
  readonly step?: string;
  /** When it was last changed here (this device's clock). */
  readonly savedAt: string;
  /** Changed since the server last took it. */
  readonly dirty: boolean;
  /** `updatedAt` of the server's copy this one matches, once it has been sent or read. */
  readonly serverUpdatedAt?: string;
  /**
   * A submission was sent and no answer came (the network dropped): it may have been stored, which also removes
   * the server's draft. Kept, so that sending it again (the same key) gets its answer rather than losing it.
   */
  readonly submitting?: boolean;
}

/** Every key of a draft starts so; signing out clears them (a shared phone keeps no one's answers). */
export const DRAFT_STORAGE_PREFIX = 'motcua.draft.';

const keyOf = (owner: string, procedureId: string) => `${DRAFT_STORAGE_PREFIX}${owner}.${procedureId}`;

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export function loadLocalDraft(owner: string, procedureId: string): LocalDraft | null {
  try {
    const raw = storage()?.getItem(keyOf(owner, procedureId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

/** Keeps the draft on this device; false when storage is full or blocked (the page still holds it). */
export function saveLocalDraft(owner: string, draft: LocalDraft): boolean {
  try {
    storage()?.setItem(keyOf(owner, draft.procedureId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalDraft(owner: string, procedureId: string): void {
  try {
    storage()?.removeItem(keyOf(owner, procedureId));
  } catch {
    // Nothing stored.
  }
}

function keysWith(prefix: string): string[] {
  const found: string[] = [];
  const store = storage();
  if (!store) return found;
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) found.push(key);
  }
  return found;
}

/** The drafts this device holds for `owner`. */
export function localDrafts(owner: string): LocalDraft[] {
  return keysWith(`${DRAFT_STORAGE_PREFIX}${owner}.`)
    .map((key) => {
      try {
        return JSON.parse(storage()?.getItem(key) ?? 'null') as LocalDraft | null;
      } catch {
        return null;
      }
    })
    .filter((draft): draft is LocalDraft => draft !== null);
}

/** Forgets every draft on this device, whoever's (sign-out). */
export function forgetLocalDrafts(): void {
  for (const key of keysWith(DRAFT_STORAGE_PREFIX)) storage()?.removeItem(key);
}
