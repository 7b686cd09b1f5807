// The local runtime's Signer: one demo key and self-signed certificate per agency, made on first use and kept
// as one PEM file per agency in a directory (the local runtime passes DATA_DIR/signing/).
import { createPrivateKey, generateKeyPair, type KeyObject, sign } from 'node:crypto';
import { link, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSelfSignedCertificate, pemBlock, pemBlocks } from './certificate';
import type { SignatureAlgorithm, Signer } from './signer';

const generateKeyPairAsync = promisify(generateKeyPair);

export interface SigningAgency {
  /** The agency's id (a slug such as `so-tu-phap-ninh-binh`): names its key file. */
  readonly id: string;
  /** The agency's name, the certificate's CN. */
  readonly name: string;
  /** The superior body, the certificate's O; the agency's own name when absent. */
  readonly parentName?: string;
}

export interface LocalSignerOptions {
  readonly algorithm?: SignatureAlgorithm;
  /** The certificate's start of validity (an injected clock in tests). */
  readonly now?: () => Date;
}

const AGENCY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Says in the certificate itself that it proves nothing outside the demo. */
export const DEMO_CERTIFICATE_UNIT = 'Chứng thư số thử nghiệm (không có giá trị pháp lý)';

const signers = new Map<string, Promise<Signer>>();

function keyFile(directory: string, agencyId: string): string {
  if (!AGENCY_ID.test(agencyId) || agencyId.includes('..'))
    throw new RangeError(`not an agency id: ${agencyId}`);
  return join(directory, `${agencyId}.pem`);
}

function signerOf(privateKey: KeyObject, certificate: Uint8Array): Signer {
  const algorithm: SignatureAlgorithm =
    privateKey.asymmetricKeyType === 'ec' ? 'ECDSA_SHA_256' : 'RSASSA_PKCS1_V1_5_SHA_256';
  return {
    certificateChain: [certificate],
    algorithm,
    // Node gives ECDSA signatures DER-encoded, as CMS wants them.
    sign: async (data) => new Uint8Array(sign('sha256', data, privateKey)),
  };
}

async function readSigner(file: string): Promise<Signer> {
  const pem = await readFile(file, 'utf8');
  const [certificate] = pemBlocks(pem, 'CERTIFICATE');
  if (!certificate) throw new Error(`${file} holds no certificate`);
  return signerOf(createPrivateKey(pem), certificate);
}

async function createSigner(
  file: string,
  agency: SigningAgency,
  options: LocalSignerOptions,
): Promise<Signer> {
  const algorithm = options.algorithm ?? 'RSASSA_PKCS1_V1_5_SHA_256';
  const { privateKey, publicKey } =
    algorithm === 'ECDSA_SHA_256'
      ? await generateKeyPairAsync('ec', { namedCurve: 'P-256' })
      : await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  const certificate = await createSelfSignedCertificate({
    subject: {
      commonName: agency.name,
      organization: agency.parentName ?? agency.name,
      organizationalUnit: DEMO_CERTIFICATE_UNIT,
    },
    publicKeySpki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
    algorithm,
    sign: async (data) => new Uint8Array(sign('sha256', data, privateKey)),
    now: options.now?.() ?? new Date(),
  });
  const pem = `${privateKey.export({ type: 'pkcs8', format: 'pem' })}${pemBlock('CERTIFICATE', certificate)}`;
  // Written aside, then linked into place: link fails if another process made the agency's key meanwhile,
  // and then that one (already in use) is the key, never a half-written or overwritten file.
  const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(partial, pem, { mode: 0o600 });
  try {
    await link(partial, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readSigner(file);
  } finally {
    await unlink(partial);
  }
  return signerOf(privateKey, certificate);
}

/**
 * The agency's demo signer under `directory`: read from `<directory>/<agency id>.pem`, or made there on the
 * first call (an RSA-2048 key by default). One per agency and directory per process.
 */
export function localSigner(
  directory: string,
  agency: SigningAgency,
  options: LocalSignerOptions = {},
): Promise<Signer> {
  const file = keyFile(directory, agency.id);
  let signer = signers.get(file);
  if (!signer) {
    signer = (async () => {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      try {
        return await readSigner(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        return createSigner(file, agency, options);
      }
    })();
    // A failure (a full disk) is not remembered: the next call tries again.
    signer.catch(() => signers.delete(file));
    signers.set(file, signer);
  }
  return signer;
}

/** The certificates of every agency key under `directory`, with the agency id each belongs to: the local trust list. */
export async function localTrustedCertificates(
  directory: string,
): Promise<{ readonly agencyId: string; readonly certificate: Uint8Array }[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries = await Promise.all(
    names
      .filter((name) => name.endsWith('.pem'))
      .map(async (name) => {
        const [certificate] = pemBlocks(await readFile(join(directory, name), 'utf8'), 'CERTIFICATE');
        return certificate ? [{ agencyId: name.slice(0, -'.pem'.length), certificate }] : [];
      }),
  );
  return entries.flat();
}
