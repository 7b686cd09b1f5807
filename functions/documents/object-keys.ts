// Where files live in the documents bucket: the code and the CDK stack (lifecycle, scanning, grants) read this.

/** Where presigned POST uploads land, and may land again until the form expires; never served to anyone. */
export const QUARANTINE_PREFIX = 'quarantine/';
/**
 * Where checked copies live (written only by the verifier, never by a presigned form; cases point here), and the
 * signed results under `signed/`.
 */
export const DOCUMENTS_PREFIX = 'documents/';

export const quarantineKey = (uploadId: string) => `${QUARANTINE_PREFIX}${uploadId}`;

/** The upload a quarantined object belongs to, or undefined for any other key. */
export function uploadIdOfQuarantineKey(key: string): string | undefined {
  if (!key.startsWith(QUARANTINE_PREFIX)) return undefined;
  const uploadId = key.slice(QUARANTINE_PREFIX.length);
  return /^[0-9a-f-]{36}$/.test(uploadId) ? uploadId : undefined;
}

/** The prefix of every checked copy of one upload. */
export const checkedPrefix = (uploadId: string) => `${DOCUMENTS_PREFIX}${uploadId}/`;

/**
 * The copy one check makes, under a key of its own (`copyId` is random): no other check, of a later post or of
 * the same event delivered twice, ever writes it, so a copy a case holds is never overwritten, whatever storage
 * does with a copy's preconditions (s3rver ignores them). Cases from before verification on arrival hold
 * `documents/<uploadId>`, beside these.
 */
export const checkedKey = (uploadId: string, copyId: string) => `${checkedPrefix(uploadId)}${copyId}`;

/**
 * Results the platform signed (PAdES), by the upload they were made from and their own digest: written only by the
 * result signer. No upload id is `signed`, so no upload's checked copies ever share this prefix.
 */
export const SIGNED_RESULTS_PREFIX = `${DOCUMENTS_PREFIX}signed/`;
export const signedResultKey = (uploadId: string, sha256: string) =>
  `${SIGNED_RESULTS_PREFIX}${uploadId}/${sha256}.pdf`;
