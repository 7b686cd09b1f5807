// Signing an issued result: stamp the QR code of the verification page, sign PAdES B-B, store, register, notify.
import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { findAgency } from '../../schemas/agencies';
import { notificationsFor } from '../cases/notifications';
import { requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { countEvent, logger } from '../commons/observability';
import { s3 } from '../commons/s3';
import { verifyTokenKeys } from '../commons/verify-keys';
import { signedResultKey } from '../documents/object-keys';
import { verificationUrl, verifyTokenFor } from '../domain/verify-token';
import { toVietnamIso } from '../domain/vietnam-time';
import { nameAttribute } from '../signing/certificate';
import { parseCertificate } from '../signing/cms';
import { UnsignablePdfError } from '../signing/pdf-file';
import { signPdf } from '../signing/pdf-signature';
import { OID } from '../signing/signer';
import { getCaseWithHistory } from '../storage/cases';
import { TransactionConflict, transact } from '../storage/dynamo';
import { createNotificationItem } from '../storage/notifications';
import type { EventRecord } from '../storage/records';
import { getResultSignature, registerIssuedItem, settleSignatureItem } from '../storage/signed-results';
import { signerFor } from './signing-keys';

const Bucket = requiredEnv(ENV.documentsBucket, 'the bucket of result documents');

/** What the applicant is told once the signed file can be downloaded, in their language. */
const READY_NOTE = {
  vi: 'Kết quả điện tử đã được ký số; ông/bà tải về tại trang hồ sơ và có thể quét mã QR trên tệp để xác thực.',
  en: 'The electronic result is signed: download it from your case page; the QR code on it checks it is genuine.',
} as const;

async function readObject(key: string): Promise<Uint8Array> {
  const object = await s3.send(new GetObjectCommand({ Bucket, Key: key }));
  const bytes = await object.Body?.transformToByteArray();
  if (!bytes) throw new Error(`empty object ${key}`);
  return bytes;
}

/** The signing certificate's CN: how viewers and the verification page name the signer. */
function certificateName(der: Uint8Array | undefined): string | undefined {
  return der ? nameAttribute(parseCertificate(der).subject, OID.commonName) : undefined;
}

/**
 * Signs the result of `caseCode` if it is still waiting: an unreadable or encrypted PDF is recorded as failed
 * (with its reason, for the agency), anything else unexpected is thrown for the stream to try again. Signing
 * twice (a stream record read twice) stores one signature: the loser's file is removed.
 */
export async function signResult(caseCode: string, now = new Date()): Promise<void> {
  const request = await getResultSignature(caseCode);
  if (request?.state !== 'pending') return;
  const found = await getCaseWithHistory(caseCode);
  if (!found) throw new Error(`result of unknown case ${caseCode}`);
  const { record } = found;
  const agency = findAgency(request.agencyId);
  const agencyName = agency?.name.vi ?? request.agencyId;
  const signer = await signerFor({ id: request.agencyId, name: agencyName });
  const base = requiredEnv(ENV.publicBaseUrl, 'the site, for the verification link in the QR code');
  const verifyUrl = verificationUrl(base, caseCode, verifyTokenFor(caseCode, verifyTokenKeys()[0]!));
  const at = toVietnamIso(now);

  let signed: Uint8Array;
  try {
    signed = await signPdf(await readObject(request.source.key), signer, {
      signedAt: now,
      name: agencyName,
      reason: `Kết quả giải quyết thủ tục hành chính, hồ sơ ${caseCode}`,
      stamp: { url: verifyUrl },
    });
  } catch (error) {
    if (!(error instanceof UnsignablePdfError)) throw error;
    logger.warn('result cannot be signed', { caseCode, reason: error.reason });
    countEvent('ResultSigningRefused', { reason: error.reason });
    await transact([settleSignatureItem(caseCode, { state: 'failed', problem: error.reason })]).catch(
      (conflict) => {
        if (!(conflict instanceof TransactionConflict)) throw conflict;
      },
    );
    return;
  }

  const sha256 = createHash('sha256').update(signed).digest('hex');
  const key = signedResultKey(request.source.uploadId, sha256);
  await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: signed, ContentType: 'application/pdf' }));
  const signerView = { name: certificateName(signer.certificateChain[0]) ?? agencyName, agency: agencyName };
  // The applicant hears of it as of the case's last event: the result is issued, and now signed.
  const event: EventRecord = {
    type: 'event',
    caseCode,
    seq: record.version,
    at,
    status: record.status,
    action: 'issue_result',
    actor: { role: 'system', name: 'signing' },
    note: READY_NOTE[record.lang],
  };
  try {
    await transact([
      settleSignatureItem(caseCode, {
        state: 'signed',
        signed: { key, size: signed.length, sha256, signedAt: at, signer: signerView, verifyUrl },
      }),
      registerIssuedItem({
        type: 'issued-document',
        sha256,
        caseCode,
        kind: 'result',
        agencyId: request.agencyId,
        signedAt: at,
        signer: signerView,
      }),
      ...notificationsFor(record, event).map(createNotificationItem),
    ]);
  } catch (error) {
    if (!(error instanceof TransactionConflict)) throw error;
    // Signed meanwhile by another delivery of the same record: this copy is nobody's.
    await s3.send(new DeleteObjectCommand({ Bucket, Key: key }));
    return;
  }
  countEvent('ResultSigned', { agency: request.agencyId });
}
