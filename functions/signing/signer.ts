// The Signer port: what signing a PDF needs from a key, wherever the key lives (a local file, AWS KMS, an HSM).

/** Signature schemes, named as AWS KMS names them; both are what PAdES and Vietnamese official CAs use. */
export type SignatureAlgorithm = 'RSASSA_PKCS1_V1_5_SHA_256' | 'ECDSA_SHA_256';

export interface Signer {
  /** DER X.509 certificates: the signer's own first, then its issuers (none for a self-signed one). */
  readonly certificateChain: readonly Uint8Array[];
  readonly algorithm: SignatureAlgorithm;
  /**
   * Signs `data` (the DER of the CMS signed attributes) with SHA-256, returning the signature as CMS carries
   * it: the PKCS #1 v1.5 block for RSA, a DER `Ecdsa-Sig-Value` for ECDSA.
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
} as const;

/** The signature algorithm identifier (RFC 5754 / RFC 5758) that goes into the certificate and the CMS. */
export function signatureAlgorithmOid(algorithm: SignatureAlgorithm): string {
  return algorithm === 'ECDSA_SHA_256' ? OID.ecdsaWithSha256 : OID.sha256WithRsa;
}
