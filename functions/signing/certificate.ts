// Self-signed X.509 certificates for demo signing keys, and reading names out of certificates.
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, type SignatureAlgorithm, signatureAlgorithmOid } from './signer';

export interface CertificateSubject {
  /** CN: the agency's name. */
  readonly commonName: string;
  /** O: the organisation (the agency's superior body, or the agency itself). */
  readonly organization: string;
  /** OU, optional: e.g. "Chứng thư số thử nghiệm" to say plainly that it is a demo certificate. */
  readonly organizationalUnit?: string;
}

/**
 * C, O, OU, CN, each its own RDN. (pkijs would put every attribute in one multi-valued RDN, "C=VN+O=…+CN=…",
 * which viewers show oddly: the name is encoded here and handed to pkijs as bytes.)
 */
function name(subject: CertificateSubject): pkijs.RelativeDistinguishedNames {
  const attribute = (type: string, value: asn1js.BaseBlock) =>
    new asn1js.Set({
      value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), value] })],
    });
  const utf8 = (value: string) => new asn1js.Utf8String({ value: value.normalize('NFC') });
  const rdns = [
    attribute(OID.country, new asn1js.PrintableString({ value: 'VN' })),
    attribute(OID.organization, utf8(subject.organization)),
    ...(subject.organizationalUnit
      ? [attribute(OID.organizationalUnit, utf8(subject.organizationalUnit))]
      : []),
    attribute(OID.commonName, utf8(subject.commonName)),
  ];
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER());
}

/**
 * A self-signed end-entity certificate for `publicKeySpki` (DER SubjectPublicKeyInfo), signed through
 * `sign` (SHA-256 with the matching private key), valid from a day before `now` for `years` years.
 * Key usage digitalSignature + nonRepudiation (contentCommitment), as document-signing certificates have.
 */
export async function createSelfSignedCertificate(options: {
  readonly subject: CertificateSubject;
  readonly publicKeySpki: Uint8Array;
  readonly algorithm: SignatureAlgorithm;
  readonly sign: (data: Uint8Array) => Promise<Uint8Array>;
  readonly now: Date;
  readonly years?: number;
}): Promise<Uint8Array> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f; // a positive INTEGER
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial });
  certificate.subject = name(options.subject);
  certificate.issuer = name(options.subject);
  certificate.notBefore.value = new Date(options.now.getTime() - 86_400_000);
  const notAfter = new Date(options.now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (options.years ?? 10));
  certificate.notAfter.value = notAfter;
  certificate.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(options.publicKeySpki);
  const keyId = createHash('sha1')
    .update(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
    .digest();
  certificate.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19', // basicConstraints: not a CA
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
    new pkijs.Extension({
      extnID: '2.5.29.15', // keyUsage: digitalSignature (bit 0) and nonRepudiation (bit 1)
      critical: true,
      extnValue: new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 }).toBER(false),
    }),
    new pkijs.Extension({
      extnID: '2.5.29.14', // subjectKeyIdentifier (RFC 5280's method 1)
      extnValue: new asn1js.OctetString({ valueHex: keyId }).toBER(false),
    }),
  ];
  const signatureAlgorithm = new pkijs.AlgorithmIdentifier(
    options.algorithm === 'RSASSA_PKCS1_V1_5_SHA_256'
      ? { algorithmId: signatureAlgorithmOid(options.algorithm), algorithmParams: new asn1js.Null() }
      : { algorithmId: signatureAlgorithmOid(options.algorithm) },
  );
  certificate.signature = signatureAlgorithm;
  certificate.signatureAlgorithm = signatureAlgorithm;
  const tbs = new Uint8Array(certificate.encodeTBS().toBER());
  certificate.tbsView = tbs;
  certificate.signatureValue = new asn1js.BitString({ valueHex: await options.sign(tbs) });
  return new Uint8Array(certificate.toSchema().toBER());
}

/** The value of the first attribute `type` of a certificate name (CN, O…), or undefined. */
export function nameAttribute(names: pkijs.RelativeDistinguishedNames, type: string): string | undefined {
  const value = names.typesAndValues.find((entry) => entry.type === type)?.value;
  const text = (value?.valueBlock as { value?: unknown } | undefined)?.value;
  return typeof text === 'string' ? text : undefined;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function pemBlock(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function pemBlocks(text: string, label: string): Uint8Array[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`, 'g');
  return [...text.matchAll(pattern)].map(
    (match) => new Uint8Array(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64')),
  );
}
