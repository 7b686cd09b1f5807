// The signing key of each agency, from the deployment: demo keys under DATA_DIR locally, an AWS KMS key on AWS.
import { KMSClient } from '@aws-sdk/client-kms';
import { oneOfEnv, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { kmsSigner } from '../signing/kms-signer';
import { localSigner, type SigningAgency } from '../signing/local-signer';
import type { SignatureAlgorithm, Signer } from '../signing/signer';
import { configuredCertificates } from './trust';

let kms: Signer | undefined;

/**
 * The signer of `agency`'s results. Locally each agency has its own demo key and self-signed certificate,
 * made at first use; on AWS one KMS key signs for the deployment, under the certificate configured for it.
 */
export async function signerFor(agency: SigningAgency): Promise<Signer> {
  if (oneOfEnv(ENV.signingMode, ['local', 'kms']) === 'local') {
    return localSigner(requiredEnv(ENV.signingDir, 'where the demo signing keys live'), agency);
  }
  // The first is the key's current certificate; the others are kept only to verify what they signed.
  const [current] = configuredCertificates();
  if (!current) {
    throw new Error(
      `${ENV.signingCertificates} is not set: no certificate was configured for the signing key`,
    );
  }
  kms ??= kmsSigner({
    client: new KMSClient({}),
    keyId: requiredEnv(ENV.signingKeyId, 'the KMS key that signs results'),
    certificateChain: [current],
    algorithm: oneOfEnv<SignatureAlgorithm>(
      ENV.signingAlgorithm,
      ['RSASSA_PKCS1_V1_5_SHA_256', 'ECDSA_SHA_256'],
      'RSASSA_PKCS1_V1_5_SHA_256',
    ),
  });
  return kms;
}
