// Where files live in the documents bucket: the code and the CDK stack (lifecycle, scanning, grants) read this.

/** Where presigned POST uploads land until a case claims them; never served to anyone. */
export const QUARANTINE_PREFIX = 'quarantine/';
/** Where checked files are copied to once a case claims them. */
export const DOCUMENTS_PREFIX = 'documents/';

export const quarantineKey = (uploadId: string) => `${QUARANTINE_PREFIX}${uploadId}`;
export const documentKey = (uploadId: string) => `${DOCUMENTS_PREFIX}${uploadId}`;

/** Results the platform signed (PAdES), by the upload they were made from and their own digest. */
export const SIGNED_RESULTS_PREFIX = `${DOCUMENTS_PREFIX}signed/`;
export const signedResultKey = (uploadId: string, sha256: string) =>
  `${SIGNED_RESULTS_PREFIX}${uploadId}/${sha256}.pdf`;
