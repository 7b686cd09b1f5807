// Short-lived download links to the checked copies that cases hold (officials' view of a case).
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { limits, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { s3 } from '../commons/s3';
import type { StoredDocument } from '../storage/records';

const Bucket = requiredEnv(ENV.documentsBucket, 'the bucket of uploads and documents');

export async function downloadUrl(document: StoredDocument): Promise<string> {
  return getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket,
      Key: document.key,
      ResponseContentType: document.contentType,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    }),
    { expiresIn: limits.downloadUrlTtlSeconds },
  );
}
