// Signed results: pdfsig accepts them, the CMS attributes are PAdES B-B's (read here with asn1js alone), one changed
// byte or a stranger's certificate is caught, and the KMS adapter signs the digest it must.
import {
  constants,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  privateEncrypt,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignCommand } from '@aws-sdk/client-kms';
import * as asn1js from 'asn1js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../functions/signing/certificate';
import { kmsSigner } from '../../functions/signing/kms-signer';
import { localSigner, localTrustedCertificates } from '../../functions/signing/local-signer';
import { UnsignablePdfError } from '../../functions/signing/pdf-file';
import { signPdf } from '../../functions/signing/pdf-signature';
import type { Signer } from '../../functions/signing/signer';
import { stampQr } from '../../functions/signing/stamp';
import { verifySignedPdf } from '../../functions/signing/verify';
import { decodeQr, pdfSig, pdfText, popplerOrSkip, renderPage } from '../support/poppler';

const poppler = popplerOrSkip('signed results');

const OIDS = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
};
const VERIFY_URL =
  'https://dichvucong.ninhbinh.example.vn/verify?c=000.00.15.H42-250305-0007&t=abcdefghijklmnop';
const AGENCY = {
  id: 'so-tu-phap-ninh-binh',
  name: 'Sở Tư pháp tỉnh Ninh Bình',
  parentName: 'Ủy ban nhân dân tỉnh Ninh Bình',
};
const META = {
  signedAt: new Date('2025-03-12T10:00:00+07:00'),
  name: AGENCY.name,
  reason: 'Kết quả giải quyết hồ sơ',
  location: 'Ninh Bình',
};

/** A result document as an agency would upload it: one A4 page of text. */
async function resultPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('PHIEU LY LICH TU PHAP SO 1', { x: 72, y: 760, size: 16, font });
  page.drawText('Result document of case 000.00.15.H42-250305-0007', { x: 72, y: 730, size: 11, font });
  return doc.save({ useObjectStreams: false });
}

/** The signature as the file holds it, read with a regular expression and asn1js only (not the module's code). */
function readSignature(pdf: Uint8Array) {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  expect(ranges).toHaveLength(1);
  const [a, b, c, d] = ranges[0]!.slice(1, 5).map(Number) as [number, number, number, number];
  const der = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  const contentInfo = asn1js.fromBER(der).result as asn1js.Sequence;
  const [contentType, wrapped] = contentInfo.valueBlock.value as [
    asn1js.ObjectIdentifier,
    asn1js.Constructed,
  ];
  const signedData = wrapped.valueBlock.value[0] as asn1js.Sequence;
  const parts = signedData.valueBlock.value;
  const encapContentInfo = parts[2] as asn1js.Sequence;
  const certificates = parts.find(
    (part) => part.idBlock.tagClass === 3 && part.idBlock.tagNumber === 0,
  ) as asn1js.Constructed;
  const signerInfos = parts.at(-1) as asn1js.Set;
  const signerInfo = signerInfos.valueBlock.value[0] as asn1js.Sequence;
  const signedAttrs = signerInfo.valueBlock.value.find(
    (part) => part.idBlock.tagClass === 3 && part.idBlock.tagNumber === 0,
  ) as asn1js.Constructed;
  const attributes = new Map(
    signedAttrs.valueBlock.value.map((attribute) => {
      const [type, values] = (attribute as asn1js.Sequence).valueBlock.value as [
        asn1js.ObjectIdentifier,
        asn1js.Set,
      ];
      return [type.valueBlock.toString(), values.valueBlock.value[0]!];
    }),
  );
  const firstCertificate = new Uint8Array(certificates.valueBlock.value[0]!.toBER());
  const signedBytes = Buffer.concat([Buffer.from(pdf.subarray(a, b)), Buffer.from(pdf.subarray(c, c + d))]);
  const signedAttrsAsSet = new Uint8Array(signedAttrs.toBER());
  signedAttrsAsSet[0] = 0x31;
  return {
    range: [a, b, c, d] as const,
    contentType: contentType.valueBlock.toString(),
    eContentType: (encapContentInfo.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString(),
    detached: encapContentInfo.valueBlock.value.length === 1,
    attributes,
    firstCertificate,
    signedBytes,
    signedAttrsAsSet,
    dictionary: text.slice(
      text.lastIndexOf(' obj', ranges[0]!.index),
      text.indexOf('endobj', ranges[0]!.index),
    ),
  };
}

/** The file with one byte changed inside the signed range (a digit of the page's MediaBox): still a readable PDF. */
function withOneByteChanged(pdf: Uint8Array): Uint8Array {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('595.28', 0, 'latin1');
  expect(at).toBeGreaterThan(0);
  copy[at + 5] = '9'.charCodeAt(0);
  return new Uint8Array(copy);
}

let directory: string;
let result: Uint8Array;
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'motcua-signing-'));
  result = await resultPdf();
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(['RSASSA_PKCS1_V1_5_SHA_256', 'ECDSA_SHA_256'] as const)(
  'a result signed with a local %s key',
  (algorithm) => {
    let signer: Signer;
    let signed: Uint8Array;
    beforeAll(async () => {
      signer = await localSigner(join(directory, algorithm), AGENCY, { algorithm });
      signed = await signPdf(result, signer, META);
    });

    it.runIf(poppler)('passes pdfsig: valid, ETSI.CAdES.detached, the whole document signed', () => {
      const { output } = pdfSig(signed);
      expect(output).toContain('Signature Validation: Signature is Valid.');
      expect(output).toContain('Signature Type: ETSI.CAdES.detached');
      expect(output).toContain('Total document signed');
      expect(output).toContain('Signer Certificate Common Name: Sở Tư pháp tỉnh Ninh Bình');
    });

    it('holds a detached CMS whose signed attributes are content-type, message-digest and signing-certificate-v2, without signing-time', () => {
      const signature = readSignature(signed);
      expect(signature.contentType).toBe(OIDS.signedData);
      expect(signature.eContentType).toBe(OIDS.data);
      expect(signature.detached).toBe(true);
      expect([...signature.attributes.keys()].sort()).toEqual(
        [OIDS.contentType, OIDS.messageDigest, OIDS.signingCertificateV2].sort(),
      );
      expect(signature.attributes.has(OIDS.signingTime)).toBe(false);
      expect(
        (signature.attributes.get(OIDS.contentType) as asn1js.ObjectIdentifier).valueBlock.toString(),
      ).toBe(OIDS.data);
      // The message digest is the SHA-256 of every byte but the /Contents.
      const digest = (signature.attributes.get(OIDS.messageDigest) as asn1js.OctetString).valueBlock
        .valueHexView;
      expect(Buffer.from(digest).toString('hex')).toBe(
        createHash('sha256').update(signature.signedBytes).digest('hex'),
      );
      expect(signature.range[0]).toBe(0);
      expect(signature.range[2] + signature.range[3]).toBe(signed.length);
    });

    it('names the signer certificate in signing-certificate-v2 by its SHA-256 (hash algorithm left to the default)', () => {
      const signature = readSignature(signed);
      const value = signature.attributes.get(OIDS.signingCertificateV2) as asn1js.Sequence;
      const certs = value.valueBlock.value[0] as asn1js.Sequence;
      const essCertIdV2 = certs.valueBlock.value[0] as asn1js.Sequence;
      const [certHash, issuerSerial] = essCertIdV2.valueBlock.value;
      expect(certHash).toBeInstanceOf(asn1js.OctetString);
      expect(Buffer.from((certHash as asn1js.OctetString).valueBlock.valueHexView).toString('hex')).toBe(
        createHash('sha256').update(signature.firstCertificate).digest('hex'),
      );
      expect(issuerSerial).toBeInstanceOf(asn1js.Sequence);
      expect(Buffer.from(signature.firstCertificate).equals(Buffer.from(signer.certificateChain[0]!))).toBe(
        true,
      );
    });

    it('puts the signing time in the dictionary /M and says PAdES in /SubFilter', () => {
      const { dictionary } = readSignature(signed);
      expect(dictionary).toMatch(/\/SubFilter\s*\/ETSI\.CAdES\.detached/);
      expect(dictionary).toContain("/M (D:20250312100000+07'00')");
    });

    it('is reported valid, issued here, by verifySignedPdf, with the signer and the time', () => {
      const trusted = [{ certificate: signer.certificateChain[0]!, agencyId: AGENCY.id }];
      const report = verifySignedPdf(signed, trusted);
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({
        valid: true,
        signatureValid: true,
        issuedHere: true,
        byteRangeCoversWholeFile: true,
      });
      expect(report.signer).toMatchObject({
        name: AGENCY.name,
        organization: AGENCY.parentName,
        agencyId: AGENCY.id,
      });
      expect(report.signer?.certificateSha256).toBe(
        createHash('sha256').update(signer.certificateChain[0]!).digest('hex'),
      );
      expect(report.signedAt).toBe('2025-03-12T03:00:00.000Z');
      expect(report.sha256).toBe(createHash('sha256').update(signed).digest('hex'));
    });

    it('with one byte changed in the signed range, is invalid for pdfsig and for verifySignedPdf', () => {
      const altered = withOneByteChanged(signed);
      if (poppler) {
        const { output } = pdfSig(altered);
        expect(output).not.toContain('Signature is Valid.');
        expect(output).toContain('Signature Validation: Digest Mismatch.');
      }
      const report = verifySignedPdf(altered, [{ certificate: signer.certificateChain[0]! }]);
      expect(report.valid).toBe(false);
      expect(report.signatureValid).toBe(false);
      expect(report.problems).toContain('digest-mismatch');
    });
  },
);

describe('verifySignedPdf, on files not issued here', () => {
  it('reports a file signed with another certificate as valid in itself but not issued here', async () => {
    const stranger = await localSigner(join(directory, 'stranger'), {
      id: 'mot-co-quan-khac',
      name: 'Cơ quan khác',
    });
    const ours = await localSigner(join(directory, 'ours'), AGENCY);
    const signed = await signPdf(result, stranger, META);
    const report = verifySignedPdf(signed, [{ certificate: ours.certificateChain[0]!, agencyId: AGENCY.id }]);
    expect(report).toMatchObject({ valid: false, signatureValid: true, issuedHere: false });
    expect(report.problems).toEqual(['unknown-signer']);
    expect(report.signer?.name).toBe('Cơ quan khác');
  });

  it('reports bytes appended after signing (an incremental update) as not covered', async () => {
    const signer = await localSigner(join(directory, 'ours'), AGENCY);
    const signed = await signPdf(result, signer, META);
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n% appended after signing\n')]);
    const report = verifySignedPdf(appended, [{ certificate: signer.certificateChain[0]! }]);
    expect(report.valid).toBe(false);
    expect(report.byteRangeCoversWholeFile).toBe(false);
    expect(report.problems).toContain('byte-range-not-whole-file');
  });

  it('reports an unsigned PDF and a file that is not a PDF', async () => {
    expect(verifySignedPdf(result, []).problems).toEqual(['no-signature']);
    expect(verifySignedPdf(new TextEncoder().encode('hello'), []).problems).toEqual(['not-pdf']);
  });
});

describe('the local signer', () => {
  it('makes one key and self-signed certificate per agency, kept in its directory and reused', async () => {
    const keys = join(directory, 'keys');
    const [first, second] = await Promise.all([localSigner(keys, AGENCY), localSigner(keys, AGENCY)]);
    expect(first.certificateChain[0]).toBe(second.certificateChain[0]);
    const file = join(keys, `${AGENCY.id}.pem`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const pem = readFileSync(file, 'utf8');
    expect(pem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(pem).toContain('-----BEGIN CERTIFICATE-----');
    const trusted = await localTrustedCertificates(keys);
    expect(trusted.map((entry) => entry.agencyId)).toEqual([AGENCY.id]);
    expect(Buffer.from(trusted[0]!.certificate).equals(Buffer.from(first.certificateChain[0]!))).toBe(true);
  });

  it('names the agency, its superior body and Vietnam in the certificate', async () => {
    const signer = await localSigner(join(directory, 'keys'), AGENCY);
    const certificate = asn1js.fromBER(signer.certificateChain[0]!).result as asn1js.Sequence;
    const tbs = certificate.valueBlock.value[0] as asn1js.Sequence;
    // version, serial, signature, issuer, validity, subject
    const subject = tbs.valueBlock.value[5] as asn1js.Sequence;
    const names = subject.valueBlock.value.map((rdn) => {
      const [type, value] = ((rdn as asn1js.Set).valueBlock.value[0] as asn1js.Sequence).valueBlock.value as [
        asn1js.ObjectIdentifier,
        asn1js.BaseStringBlock,
      ];
      return [type.valueBlock.toString(), value.getValue()];
    });
    expect(names).toContainEqual(['2.5.4.3', AGENCY.name]);
    expect(names).toContainEqual(['2.5.4.10', AGENCY.parentName]);
    expect(names).toContainEqual(['2.5.4.6', 'VN']);
  });

  it('refuses an agency id that could leave the directory', () => {
    expect(() => localSigner(directory, { id: '../etc', name: 'x' })).toThrow(RangeError);
  });
});

/**
 * A stand-in for AWS KMS: checks the request as KMS would and signs the 32-byte digest with an RSA key, through
 * PKCS #1 v1.5 written out here (DigestInfo + private-key operation), not through the code under test.
 */
function stubKms(privateKey: KeyObject, keyId: string) {
  const messages: Uint8Array[] = [];
  const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
  return {
    messages,
    client: {
      async send(command: unknown) {
        if (!(command instanceof SignCommand)) throw new Error('unexpected command');
        const { KeyId, Message, MessageType, SigningAlgorithm } = command.input;
        if (KeyId !== keyId || MessageType !== 'DIGEST' || SigningAlgorithm !== 'RSASSA_PKCS1_V1_5_SHA_256') {
          throw new Error('ValidationException');
        }
        const digest = Message ?? new Uint8Array();
        if (digest.length !== 32) throw new Error('ValidationException: digest must be 32 bytes');
        messages.push(digest);
        const signature = privateEncrypt(
          { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([SHA256_DIGEST_INFO, digest]),
        );
        return { Signature: new Uint8Array(signature), KeyId, SigningAlgorithm };
      },
    },
  };
}

describe('the AWS KMS signer (against a stub KMS client)', () => {
  it('sends KMS the SHA-256 of the signed attributes and yields a signature pdfsig and verifySignedPdf accept', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyId = 'arn:aws:kms:ap-southeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    // The certificate "issued for the KMS key": here self-signed with the same key.
    const certificate = await createSelfSignedCertificate({
      subject: { commonName: AGENCY.name, organization: AGENCY.parentName },
      publicKeySpki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
      algorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
      sign: async (data) => {
        const digest = createHash('sha256').update(data).digest();
        const info = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), digest]);
        return new Uint8Array(
          privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, info),
        );
      },
      now: new Date('2025-01-01T00:00:00Z'),
    });
    const kms = stubKms(createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' })), keyId);
    const signer = kmsSigner({
      client: kms.client as never,
      keyId,
      certificateChain: [certificate],
      algorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
    });
    const signed = await signPdf(result, signer, META);

    const signature = readSignature(signed);
    expect(kms.messages).toHaveLength(1);
    expect(Buffer.from(kms.messages[0]!).toString('hex')).toBe(
      createHash('sha256').update(signature.signedAttrsAsSet).digest('hex'),
    );
    if (poppler) expect(pdfSig(signed).output).toContain('Signature Validation: Signature is Valid.');
    expect(verifySignedPdf(signed, [{ certificate }]).problems).toEqual([]);
  });

  it('refuses to start without the certificate issued for the key', () => {
    expect(() =>
      kmsSigner({
        client: { send: async () => ({}) } as never,
        keyId: 'k',
        certificateChain: [],
        algorithm: 'ECDSA_SHA_256',
      }),
    ).toThrow(/certificate/);
  });
});

describe.runIf(poppler)('the verification stamp', () => {
  /** The QR found in the bottom-right quarter of page `page` of `pdf`, by jsQR. */
  function stampedQr(pdf: Uint8Array, page: number): string | null {
    const image = renderPage(pdf, page, 150);
    const top = Math.floor(image.height * 0.75);
    return decodeQr({
      ...image,
      height: image.height - top,
      pixels: image.pixels.subarray(top * image.width),
    });
  }

  it('stampQr puts a QR code to the URL and its caption on the last page', async () => {
    const doc = await PDFDocument.load(result);
    doc.addPage([595.28, 841.89]);
    const twoPages = await doc.save();
    const stamped = await stampQr(twoPages, VERIFY_URL);
    expect(stampedQr(stamped, 2)).toBe(VERIFY_URL);
    expect(stampedQr(stamped, 1)).toBeNull();
    expect(pdfText(stamped).replace(/\s+/g, ' ')).toContain('Tra cứu, xác thực:');
  });

  it('signPdf can stamp and sign in one pass: the QR reads and the signature is valid', async () => {
    const signer = await localSigner(join(directory, 'ours'), AGENCY);
    const signed = await signPdf(result, signer, { ...META, stamp: { url: VERIFY_URL } });
    expect(stampedQr(signed, 1)).toBe(VERIFY_URL);
    expect(pdfSig(signed).output).toContain('Signature Validation: Signature is Valid.');
  });
});

describe('files that cannot be signed', () => {
  it('refuses a file that is not a PDF, and one that is damaged, with UnsignablePdfError', async () => {
    const signer = await localSigner(join(directory, 'ours'), AGENCY);
    await expect(signPdf(new TextEncoder().encode('GIF89a…'), signer, META)).rejects.toMatchObject({
      reason: 'not-pdf',
    });
    await expect(signPdf(new TextEncoder().encode('%PDF-1.7\ngarbage'), signer, META)).rejects.toBeInstanceOf(
      UnsignablePdfError,
    );
  });
});
