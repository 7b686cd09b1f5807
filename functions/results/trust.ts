// The certificates this platform signs with: what tells a document issued here from any other signed PDF.
import { oneOfEnv, optionalEnv, requiredEnv } from '../commons/config';
import { ENV } from '../commons/environment';
import { localTrustedCertificates } from '../signing/local-signer';
import type { TrustedCertificate } from '../signing/verify';

/**
 * The certificates issued for the KMS key (base64 DER, comma-separated, the current one first; older ones stay
 * while documents they signed are in circulation). The first is the one that signs. None until the province has
 * had a certificate issued for the key's public key (docs/deploy.md): results then cannot be signed.
 */
export function configuredCertificates(): Uint8Array[] {
  return (optionalEnv(ENV.signingCertificates) ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => new Uint8Array(Buffer.from(text, 'base64')));
}

/** Every certificate of the platform, with the agency it belongs to where that is known (the local demo keys). */
export async function trustedCertificates(): Promise<TrustedCertificate[]> {
  if (oneOfEnv(ENV.signingMode, ['local', 'kms']) === 'local') {
    return localTrustedCertificates(requiredEnv(ENV.signingDir, 'where the demo signing keys live'));
  }
  return configuredCertificates().map((certificate) => ({ certificate }));
}
