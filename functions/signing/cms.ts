// CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1): detached, SHA-256, signed attributes content-type,
// message-digest and ESS signing-certificate-v2, and no signing-time (the time goes in the PDF's /M).
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, type Signer, signatureAlgorithmOid } from './signer';

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(der);
}

function algorithm(oid: string, nullParams = false): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier(
    nullParams ? { algorithmId: oid, algorithmParams: new asn1js.Null() } : { algorithmId: oid },
  );
}

/**
 * ESS signing-certificate-v2 (RFC 5035) naming the signer's certificate by its SHA-256 (the default hash, so
 * `hashAlgorithm` is left out as DER requires) and by issuer and serial number, which validators such as
 * the EU's DSS match against the certificate.
 */
function signingCertificateV2(certificate: pkijs.Certificate, certificateDer: Uint8Array): asn1js.Sequence {
  const certHash = createHash('sha256').update(certificateDer).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames with one directoryName: [4] EXPLICIT Name.
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 4 },
            value: [certificate.issuer.toSchema()],
          }),
        ],
      }),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * The signed attributes, in DER's order for a SET OF (by their encodings): verifiers hash the bytes as
 * they stand, but a strict one re-encodes, and only sorted attributes survive that unchanged.
 */
function signedAttributes(
  contentDigest: Uint8Array,
  certificate: pkijs.Certificate,
  certificateDer: Uint8Array,
): pkijs.SignedAndUnsignedAttributes {
  const attributes = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: contentDigest })],
    }),
    new pkijs.Attribute({
      type: OID.signingCertificateV2,
      values: [signingCertificateV2(certificate, certificateDer)],
    }),
  ]
    .map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER()) }))
    .sort((a, b) => compareBytes(a.der, b.der))
    .map(({ attribute }) => attribute);
  return new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
}

/**
 * A detached CMS SignedData over content whose SHA-256 is `contentDigest`, signed by `signer`; returns the
 * DER of its ContentInfo, what a PDF signature's /Contents holds.
 */
export async function createCadesSignature(contentDigest: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const [certificateDer] = signer.certificateChain;
  if (!certificateDer) throw new Error('the signer has no certificate');
  const certificate = parseCertificate(certificateDer);
  const signedAttrs = signedAttributes(contentDigest, certificate, certificateDer);
  // What is signed is the DER of the attributes as a SET (tag 0x31), not as the [0] they are stored under.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const signature = await signer.sign(toBeSigned);
  const rsa = signer.algorithm === 'RSASSA_PKCS1_V1_5_SHA_256';
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
    }),
    digestAlgorithm: algorithm(OID.sha256),
    signedAttrs,
    signatureAlgorithm: algorithm(signatureAlgorithmOid(signer.algorithm), rsa),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [algorithm(OID.sha256)],
    // Detached: the content type only, the content itself is the PDF's signed byte ranges.
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: signer.certificateChain.map(parseCertificate),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
