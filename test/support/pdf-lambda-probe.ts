// A stand-in for the PDF Lambda group's entry: renders a form, signs it (local key), verifies it; imports the KMS
// signer too, so that its bundle weighs what the real group will. Bundled by test/support/pdf-bundle.ts.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { renderReceipt } from '../../functions/forms';
import { kmsSigner } from '../../functions/signing/kms-signer';
import { localSigner } from '../../functions/signing/local-signer';
import { signPdf } from '../../functions/signing/pdf-signature';
import { verifySignedPdf } from '../../functions/signing/verify';
import { sampleReceipt } from './form-samples';

export const handler = async () => {
  const form = await renderReceipt(sampleReceipt);
  const signer = process.env.KMS_KEY_ID
    ? kmsSigner({
        client: new KMSClient({}),
        keyId: process.env.KMS_KEY_ID,
        certificateChain: [],
        algorithm: 'ECDSA_SHA_256',
      })
    : await localSigner(await mkdtemp(join(tmpdir(), 'motcua-probe-')), {
        id: 'probe',
        name: 'Sở Tư pháp tỉnh Ninh Bình',
      });
  const signed = await signPdf(form, signer, {
    signedAt: new Date(),
    stamp: { url: sampleReceipt.verifyUrl },
  });
  const report = verifySignedPdf(signed, [{ certificate: signer.certificateChain[0]! }]);
  return {
    formBytes: form.length,
    signedBytes: signed.length,
    valid: report.valid,
    problems: report.problems,
  };
};
