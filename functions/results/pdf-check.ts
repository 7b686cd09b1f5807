// `POST /api/verify`: is this PDF a document this platform issued, unaltered, with a valid PAdES signature?
import { findAgency } from '../../schemas/agencies';
import type { Output, pdfVerification } from '../../schemas/api';
import { countEvent } from '../commons/observability';
import { RateLimitedError } from '../domain/errors';
import type { Language, LocalizedText } from '../domain/types';
import { toVietnamIso } from '../domain/vietnam-time';
import { VERIFICATION_PROBLEMS, verifySignedPdf } from '../signing/verify';
import { countFailure } from '../storage/rate-limits';
import { findIssuedDocument } from '../storage/signed-results';
import { trustedCertificates } from './trust';

/** Checks a client may ask for in a window: each parses up to 4 MB, so every check counts, not only failures. */
export const PDF_CHECKS_PER_CLIENT = 60;
const WINDOW_SECONDS = 15 * 60;

const NOT_ISSUED_HERE: LocalizedText = {
  vi: 'Tệp có chữ ký hợp lệ của hệ thống nhưng không khớp với tệp nào hệ thống đã phát hành.',
  en: "The file carries the platform's valid signature but matches no file the platform issued.",
};

/**
 * Valid means all of: the signature covers the whole file and checks out, it is PAdES B-B, the signer is one of
 * the platform's certificates, and the file's SHA-256 is that of a document the platform registered when it
 * signed it (so the answer can name the case). Every problem is listed in the caller's language.
 */
export async function checkPdf(
  pdf: Uint8Array,
  lang: Language,
  clientIp: string,
): Promise<Output<typeof pdfVerification>> {
  const checks = await countFailure('client', `verify-pdf:${clientIp}`, WINDOW_SECONDS);
  if (checks > PDF_CHECKS_PER_CLIENT) {
    countEvent('VerificationRateLimited');
    throw new RateLimitedError(WINDOW_SECONDS - (Math.floor(Date.now() / 1000) % WINDOW_SECONDS));
  }
  const checked = verifySignedPdf(pdf, await trustedCertificates());
  const issued = await findIssuedDocument(checked.sha256);
  const problems: string[] = checked.problems.map((problem) => VERIFICATION_PROBLEMS[problem][lang]);
  if (!issued && checked.problems.length === 0) problems.push(NOT_ISSUED_HERE[lang]);
  const valid = checked.valid && issued !== undefined;
  countEvent('PdfVerified', { valid: String(valid) });
  const agency = checked.signer?.agencyId ? findAgency(checked.signer.agencyId)?.name.vi : undefined;
  const signedAt = checked.signedAt ? toVietnamIso(new Date(checked.signedAt)) : undefined;
  return {
    valid,
    ...(issued ? { code: issued.caseCode, kind: issued.kind } : {}),
    ...(checked.signer
      ? {
          signer: {
            name: checked.signer.name,
            ...((issued?.signer.agency ?? agency) ? { agency: issued?.signer.agency ?? agency } : {}),
          },
        }
      : {}),
    ...(signedAt ? { signedAt } : {}),
    sha256: checked.sha256,
    problems,
  };
}
