// Public verification: a case's issued documents by its code and the QR code's token, and a PDF checked as it is.
import { findAgency } from '../../schemas/agencies';
import type { Output, verification } from '../../schemas/api';
import { countFailedLookup, refuseWhenLimited } from '../cases/attempt-limits';
import { verifyTokenKeys } from '../commons/verify-keys';
import { NotFoundError } from '../domain/errors';
import type { LocalizedText } from '../domain/types';
import { isVerifyToken } from '../domain/verify-token';
import { getCaseWithHistory } from '../storage/cases';
import { resultSignatureOf } from '../storage/signed-results';

const agencyName = (id: string): LocalizedText => findAgency(id)?.name ?? { vi: id, en: id };

/**
 * What anyone holding the QR code's link may know: the case's procedure, agency and status, and the documents
 * issued for it with their digests. No personal data. A wrong or missing token answers exactly as an unknown
 * code, and failures are limited as tracking's are.
 */
export async function verifyCase(
  code: string,
  token: string | undefined,
  clientIp: string,
): Promise<Output<typeof verification>> {
  await refuseWhenLimited('verification', code, clientIp);
  const found = token ? await getCaseWithHistory(code) : undefined;
  if (!found || !token || !isVerifyToken(code, token, verifyTokenKeys())) {
    await countFailedLookup('verification', code, clientIp);
    throw new NotFoundError('case');
  }
  const { record, parts } = found;
  const signature = resultSignatureOf(parts);
  const signed = signature?.state === 'signed' ? signature.signed : undefined;
  return {
    code: record.code,
    procedure: { id: record.procedureId, name: record.procedureName },
    agency: { id: record.agencyId, name: agencyName(record.agencyId) },
    status: record.status,
    documents: signed
      ? [{ kind: 'result', issuedAt: signed.signedAt, sha256: signed.sha256, signer: signed.signer }]
      : [],
  };
}
