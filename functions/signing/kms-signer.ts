// The AWS Signer: an asymmetric AWS KMS key signs the SHA-256 digest; the key never leaves KMS.
import { createHash } from 'node:crypto';
import { type KMSClient, SignCommand, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import type { SignatureAlgorithm, Signer } from './signer';

export interface KmsSignerOptions {
  /** The part of KMSClient used: `send`. A stub in unit tests. */
  readonly client: Pick<KMSClient, 'send'>;
  /** Key id, ARN or alias ARN of an asymmetric SIGN_VERIFY key (RSA_2048/3072/4096 or ECC_NIST_P256). */
  readonly keyId: string;
  /**
   * DER certificates issued for the key's public key (the agency's own first, then its CA's), configured
   * from outside: KMS holds keys, not certificates.
   */
  readonly certificateChain: readonly Uint8Array[];
  readonly algorithm: SignatureAlgorithm;
}

/**
 * Signs with `kms:Sign` over the digest (`MessageType: 'DIGEST'`): the data to be signed (the signed
 * attributes) stays in the function and only 32 bytes go to KMS. RSASSA_PKCS1_V1_5_SHA_256 gives the PKCS #1
 * block and ECDSA_SHA_256 a DER Ecdsa-Sig-Value: both as CMS carries them.
 */
export function kmsSigner(options: KmsSignerOptions): Signer {
  if (options.certificateChain.length === 0)
    throw new Error('the KMS signer needs the certificate issued for its key');
  return {
    certificateChain: options.certificateChain,
    algorithm: options.algorithm,
    async sign(data) {
      const digest = createHash('sha256').update(data).digest();
      const { Signature } = await options.client.send(
        new SignCommand({
          KeyId: options.keyId,
          Message: digest,
          MessageType: 'DIGEST',
          SigningAlgorithm: options.algorithm satisfies SigningAlgorithmSpec,
        }),
      );
      if (!Signature) throw new Error('AWS KMS returned no signature');
      return Signature;
    },
  };
}
