// Short-lived download links to the checked copies that cases hold (officials' view of a case).
import { limits, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { presignedGetUrl } from '../commons/presign';
import type { StoredDocument } from '../storage/records';

const Bucket = requiredEnv(ENV.documentsBucket, 'the bucket of uploads and documents');

export async function downloadUrl(document: StoredDocument): Promise<string> {
  return presignedGetUrl({
    bucket: Bucket,
    key: document.key,
    responseContentType: document.contentType,
    responseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    expiresIn: limits.downloadUrlTtlSeconds,
  });
}
