// A document's file as the wizard tracks it, from the pick to the verdict; and which files an application may name.
import type { PreparedFile } from '../lib/uploads';

export type FileState = 'preparing' | 'uploading' | 'checking' | 'uploaded' | 'verified' | 'failed';

export interface FileEntry {
  /** This page's own id of the file (an upload gets its `uploadId` only once the API gave one). */
  readonly id: string;
  readonly documentType: string;
  fileName: string;
  size?: number;
  uploadId?: string;
  state: FileState;
  progress: number;
  problem?: string;
  /** A failure that trying again may cure (the network), rather than a file to change. */
  retryable?: boolean;
  prepared?: Extract<PreparedFile, { ok: true }>;
}

/** Files the application may name: uploaded, whatever the verdict still to come. */
export const isStored = (entry: FileEntry) =>
  entry.uploadId !== undefined &&
  (entry.state === 'uploaded' || entry.state === 'verified' || entry.state === 'checking');
