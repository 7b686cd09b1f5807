// The signed result behind a short-lived download link: checked here, then handed to S3 by a presigned URL.
import { requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { presignedGetUrl } from '../commons/presign';
import { NotFoundError } from '../domain/errors';
import { getResultSignature } from '../storage/signed-results';
import { isResultDownloadLink } from './links';

const Bucket = requiredEnv(ENV.documentsBucket, 'the bucket of signed results');
/** The S3 link only has to survive the redirect. */
const S3_LINK_SECONDS = 60;

/** Where to send a browser holding a valid link; an expired, forged or unknown one is "not found". */
export async function resultDownloadLocation(code: string, expires: number, sig: string): Promise<string> {
  if (!isResultDownloadLink(code, expires, sig)) throw new NotFoundError('result');
  const signature = await getResultSignature(code);
  if (signature?.state !== 'signed' || !signature.signed) throw new NotFoundError('result');
  return presignedGetUrl({
    bucket: Bucket,
    key: signature.signed.key,
    responseContentType: 'application/pdf',
    responseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(signature.source.fileName)}`,
    expiresIn: S3_LINK_SECONDS,
  });
}
