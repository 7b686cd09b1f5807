// Verifies a signed PDF for `POST /api/verify`: the byte range covers the whole file, the digest and the CMS
// signature check out, the attributes are PAdES B-B's, and the signer is one of the platform's certificates.
import { createHash, createPublicKey, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { LocalizedText } from '../domain/types';
import { nameAttribute, sha256Hex } from './certificate';
import { OID } from './signer';

export interface TrustedCertificate {
  /** DER of a certificate this platform signs with. */
  readonly certificate: Uint8Array;
  /** The agency the certificate belongs to. */
  readonly agencyId?: string;
}

export const VERIFICATION_PROBLEMS = {
  'not-pdf': { vi: 'Tệp không phải là PDF.', en: 'The file is not a PDF.' },
  'no-signature': { vi: 'Tệp không có chữ ký số.', en: 'The file carries no digital signature.' },
  'several-signatures': {
    vi: 'Tệp có nhiều chữ ký; chỉ chữ ký cuối cùng được kiểm tra.',
    en: 'The file carries several signatures; only the last was checked.',
  },
  'byte-range-not-whole-file': {
    vi: 'Chữ ký không bao trùm toàn bộ tệp: tệp đã bị thêm nội dung sau khi ký.',
    en: 'The signature does not cover the whole file: something was added after signing.',
  },
  'contents-malformed': {
    vi: 'Không đọc được chữ ký trong tệp.',
    en: 'The signature in the file cannot be read.',
  },
  'not-pades': {
    vi: 'Chữ ký không theo định dạng PAdES (ETSI.CAdES.detached).',
    en: 'The signature is not PAdES (ETSI.CAdES.detached).',
  },
  'digest-mismatch': {
    vi: 'Nội dung tệp đã bị thay đổi sau khi ký.',
    en: 'The content of the file was changed after signing.',
  },
  'signature-invalid': { vi: 'Chữ ký số không hợp lệ.', en: 'The digital signature is not valid.' },
  'unsupported-algorithm': {
    vi: 'Thuật toán chữ ký không được hỗ trợ.',
    en: 'The signature algorithm is not supported.',
  },
  'signer-certificate-missing': {
    vi: 'Tệp không kèm chứng thư số của người ký.',
    en: "The signer's certificate is not in the file.",
  },
  'signing-certificate-v2-missing': {
    vi: 'Chữ ký thiếu thuộc tính signing-certificate-v2 (PAdES B-B).',
    en: 'The signature lacks the signing-certificate-v2 attribute (PAdES B-B).',
  },
  'signing-certificate-v2-mismatch': {
    vi: 'Thuộc tính signing-certificate-v2 không khớp chứng thư số của người ký.',
    en: "The signing-certificate-v2 attribute does not match the signer's certificate.",
  },
  'signing-time-present': {
    vi: 'Chữ ký có thuộc tính signing-time, không đúng PAdES B-B.',
    en: 'The signature has a signing-time attribute, which PAdES B-B forbids.',
  },
  'unknown-signer': {
    vi: 'Tệp không do hệ thống này ký phát hành.',
    en: 'The file was not signed by this platform.',
  },
} as const satisfies Record<string, LocalizedText>;

export type VerificationProblem = keyof typeof VERIFICATION_PROBLEMS;

export interface SignedPdfVerification {
  /** Issued here, unaltered, with a valid PAdES B-B signature: no problem at all. */
  readonly valid: boolean;
  /** The CMS signature verifies over the signed bytes, whoever signed. */
  readonly signatureValid: boolean;
  /** The signer's certificate is one of the platform's. */
  readonly issuedHere: boolean;
  readonly byteRangeCoversWholeFile: boolean;
  readonly signer?: {
    /** The certificate's CN. */
    readonly name: string;
    /** The certificate's O. */
    readonly organization?: string;
    /** The agency of the trusted certificate that matched. */
    readonly agencyId?: string;
    readonly certificateSha256: string;
  };
  /** The signature dictionary's /M, ISO 8601 (what the signer claims: B-B has no trusted time). */
  readonly signedAt?: string;
  readonly problems: readonly VerificationProblem[];
  /** SHA-256 of the whole file, hex. */
  readonly sha256: string;
}

interface FoundSignature {
  readonly range: readonly [number, number, number, number];
  readonly dictionary: string;
  readonly count: number;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * The last /ByteRange of the file and the text of the object around it (the signature dictionary). Read
 * from the bytes rather than through a PDF parser: what is signed is bytes, and this needs no trust in the
 * file's structure (a signature dictionary never sits in a compressed object stream).
 */
function findSignature(text: string): FoundSignature | undefined {
  const matches = [...text.matchAll(BYTE_RANGE)];
  const last = matches.at(-1);
  if (!last) return undefined;
  const start = Math.max(0, text.lastIndexOf(' obj', last.index));
  const end = text.indexOf('endobj', last.index);
  const numbers = last.slice(1, 5).map(Number) as [number, number, number, number];
  return { range: numbers, dictionary: text.slice(start, end < 0 ? undefined : end), count: matches.length };
}

/** An ISO 8601 time from a PDF date `D:YYYYMMDDHHmmSS+07'00'` (or `Z`); undefined if unreadable. */
export function parsePdfDate(value: string): string | undefined {
  const match = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:(Z)|([+-])(\d{2})'?(\d{2})'?)?/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, zulu, sign, offsetHours, offsetMinutes] = match;
  const offset = zulu || !sign ? 'Z' : `${sign}${offsetHours}:${offsetMinutes}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const HASHES: Readonly<Record<string, string>> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

function sameBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  return Buffer.from(a instanceof Uint8Array ? a : new Uint8Array(a)).equals(
    Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)),
  );
}

function attributeValues(signerInfo: pkijs.SignerInfo, type: string): unknown[] | undefined {
  return signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === type)?.values;
}

/** The certHash of the first ESSCertIDv2 of a signing-certificate-v2 value, with its hash algorithm. */
function essCertHash(value: unknown): { hash: string; certHash: Uint8Array } | undefined {
  if (!(value instanceof asn1js.Sequence)) return undefined;
  const certs = value.valueBlock.value[0];
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return undefined;
  const [head, second] = first.valueBlock.value;
  // hashAlgorithm is DEFAULT sha256: present only when it is another hash.
  if (head instanceof asn1js.OctetString) return { hash: 'sha256', certHash: head.valueBlock.valueHexView };
  if (head instanceof asn1js.Sequence && second instanceof asn1js.OctetString) {
    const oid = head.valueBlock.value[0];
    const hash = oid instanceof asn1js.ObjectIdentifier ? HASHES[oid.valueBlock.toString()] : undefined;
    return hash ? { hash, certHash: second.valueBlock.valueHexView } : undefined;
  }
  return undefined;
}

function findSignerCertificate(
  signedData: pkijs.SignedData,
  signerInfo: pkijs.SignerInfo,
): pkijs.Certificate | undefined {
  const certificates = (signedData.certificates ?? []).filter(
    (candidate): candidate is pkijs.Certificate => candidate instanceof pkijs.Certificate,
  );
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find(
      (certificate) =>
        certificate.issuer.isEqual(sid.issuer) &&
        sameBytes(certificate.serialNumber.valueBlock.valueHexView, sid.serialNumber.valueBlock.valueHexView),
    );
  }
  // subjectKeyIdentifier [0]: match the certificate's extension.
  const keyId = sid instanceof asn1js.Constructed ? sid.valueBlock.value[0] : undefined;
  const wanted = keyId instanceof asn1js.OctetString ? keyId.valueBlock.valueHexView : undefined;
  return certificates.find((certificate) => {
    const extension = certificate.extensions?.find((entry) => entry.extnID === '2.5.29.14');
    const parsed = extension ? asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result : undefined;
    return (
      wanted && parsed instanceof asn1js.OctetString && sameBytes(parsed.valueBlock.valueHexView, wanted)
    );
  });
}

/** Node's verify over the signed attributes with the certificate's key: RSA PKCS #1 v1.5 or ECDSA, SHA-2. */
function checkSignature(
  certificate: pkijs.Certificate,
  signerInfo: pkijs.SignerInfo,
  hash: string,
): boolean | 'unsupported' {
  const algorithm = signerInfo.signatureAlgorithm.algorithmId;
  const supported = [
    OID.rsaEncryption,
    OID.sha256WithRsa,
    OID.ecdsaWithSha256,
    '1.2.840.113549.1.1.12',
    '1.2.840.113549.1.1.13',
    '1.2.840.10045.4.3.3',
    '1.2.840.10045.4.3.4',
  ];
  if (!supported.includes(algorithm) || !signerInfo.signedAttrs) return 'unsupported';
  try {
    const key = createPublicKey({
      key: Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER()),
      format: 'der',
      type: 'spki',
    });
    // pkijs keeps the attributes' original encoding with its tag already turned to SET (0x31): what was signed.
    const signed = new Uint8Array(signerInfo.signedAttrs.encodedValue);
    return verify(hash, signed, key, signerInfo.signature.valueBlock.valueHexView);
  } catch {
    return false;
  }
}

/**
 * Checks a PDF signed by this platform (or anyone). `trusted` lists the platform's signing certificates
 * (the local runtime's from `localTrustedCertificates`, on AWS the configured ones).
 */
export function verifySignedPdf(
  pdf: Uint8Array,
  trusted: readonly TrustedCertificate[],
): SignedPdfVerification {
  const sha256 = sha256Hex(pdf);
  const file = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const problems = new Set<VerificationProblem>();
  const answer = (
    rest: Partial<Omit<SignedPdfVerification, 'problems' | 'sha256' | 'valid'>> = {},
  ): SignedPdfVerification => ({
    signatureValid: false,
    issuedHere: false,
    byteRangeCoversWholeFile: false,
    ...rest,
    valid: problems.size === 0,
    problems: [...problems],
    sha256,
  });

  if (file.indexOf('%PDF-', 0, 'latin1') < 0 || file.indexOf('%PDF-', 0, 'latin1') > 1024) {
    problems.add('not-pdf');
    return answer();
  }
  const found = findSignature(file.toString('latin1'));
  if (!found) {
    problems.add('no-signature');
    return answer();
  }
  if (found.count > 1) problems.add('several-signatures');
  const [start, gapStart, gapEnd, tailLength] = found.range;
  const subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(found.dictionary)?.[1];
  if (subFilter !== 'ETSI.CAdES.detached') problems.add('not-pades');
  const signedAtText = /\/M\s*\(([^)]*)\)/.exec(found.dictionary)?.[1];
  const signedAt = signedAtText ? parsePdfDate(signedAtText) : undefined;

  // The gap must be exactly the /Contents hex string: everything else, up to the last byte, is signed.
  const hex = file.toString('latin1', gapStart + 1, gapEnd - 1);
  const gapIsContents =
    gapStart < gapEnd && file[gapStart] === 0x3c && file[gapEnd - 1] === 0x3e && /^[0-9A-Fa-f\s]*$/.test(hex);
  const byteRangeCoversWholeFile = start === 0 && gapIsContents && gapEnd + tailLength === file.length;
  if (!byteRangeCoversWholeFile) problems.add('byte-range-not-whole-file');
  if (!gapIsContents || gapEnd + tailLength > file.length) {
    problems.add('contents-malformed');
    return answer({ byteRangeCoversWholeFile, ...(signedAt ? { signedAt } : {}) });
  }

  let signedData: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
    if (contentInfo.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    problems.add('contents-malformed');
    return answer({ byteRangeCoversWholeFile, ...(signedAt ? { signedAt } : {}) });
  }
  const signerInfo = signedData.signerInfos[0];
  const hash = signerInfo ? HASHES[signerInfo.digestAlgorithm.algorithmId] : undefined;
  if (!signerInfo || !hash || !signerInfo.signedAttrs) {
    problems.add(signerInfo && !hash ? 'unsupported-algorithm' : 'contents-malformed');
    return answer({ byteRangeCoversWholeFile, ...(signedAt ? { signedAt } : {}) });
  }

  const digest = createHash(hash)
    .update(file.subarray(start, gapStart))
    .update(file.subarray(gapEnd, gapEnd + tailLength))
    .digest();
  const messageDigest = attributeValues(signerInfo, OID.messageDigest)?.[0];
  const digestMatches =
    messageDigest instanceof asn1js.OctetString && sameBytes(messageDigest.valueBlock.valueHexView, digest);
  if (!digestMatches) problems.add('digest-mismatch');
  if (attributeValues(signerInfo, OID.signingTime)) problems.add('signing-time-present');

  const certificate = findSignerCertificate(signedData, signerInfo);
  if (!certificate) {
    problems.add('signer-certificate-missing');
    return answer({ byteRangeCoversWholeFile, ...(signedAt ? { signedAt } : {}) });
  }
  const certificateDer = new Uint8Array(certificate.toSchema().toBER());
  const checked = checkSignature(certificate, signerInfo, hash);
  if (checked === 'unsupported') problems.add('unsupported-algorithm');
  else if (!checked) problems.add('signature-invalid');

  const essValue = attributeValues(signerInfo, OID.signingCertificateV2)?.[0];
  const ess = essValue === undefined ? undefined : essCertHash(essValue);
  if (essValue === undefined) problems.add('signing-certificate-v2-missing');
  else if (!ess || !sameBytes(createHash(ess.hash).update(certificateDer).digest(), ess.certHash)) {
    problems.add('signing-certificate-v2-mismatch');
  }

  const certificateSha256 = sha256Hex(certificateDer);
  const match = trusted.find((entry) => sha256Hex(entry.certificate) === certificateSha256);
  if (!match) problems.add('unknown-signer');
  const organization = nameAttribute(certificate.subject, OID.organization);
  return answer({
    signatureValid: digestMatches && checked === true,
    issuedHere: match !== undefined,
    byteRangeCoversWholeFile,
    signer: {
      name: nameAttribute(certificate.subject, OID.commonName) ?? '',
      ...(organization ? { organization } : {}),
      ...(match?.agencyId ? { agencyId: match.agencyId } : {}),
      certificateSha256,
    },
    ...(signedAt ? { signedAt } : {}),
  });
}
