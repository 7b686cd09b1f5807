// Signs a PDF, PAdES baseline B-B: a signature field whose /Contents holds a detached CAdES signature
// (functions/signing/cms.ts) over every byte of the file but the /Contents itself.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { toVietnamIso } from '../domain/vietnam-time';
import { createCadesSignature } from './cms';
import { loadPdf } from './pdf-file';
import type { Signer } from './signer';
import { drawVerificationStamp, type StampOptions } from './stamp';

export interface SignatureMeta {
  /** The signing time: the signature dictionary's /M (PAdES B-B puts no signing-time in the CMS). */
  readonly signedAt: Date;
  /** /Name: the signer as shown by viewers, e.g. the agency's name. */
  readonly name?: string;
  /** /Reason, e.g. "Kết quả giải quyết thủ tục hành chính, mã hồ sơ …". */
  readonly reason?: string;
  /** /Location, e.g. "Ninh Bình". */
  readonly location?: string;
  /** /ContactInfo, e.g. the desk's telephone. */
  readonly contactInfo?: string;
  /** Stamp a QR code to this verification URL before signing, in the same pass. */
  readonly stamp?: { readonly url: string } & StampOptions;
}

/** 10 characters: room for any offset or length of a file under 10 GB once the real numbers are written. */
const BYTE_RANGE_PLACEHOLDER = '**********';
const BYTE_RANGE_TEXT = `[ 0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} ]`;
/** Widget flags: Print (4) + Locked (128). */
const WIDGET_FLAGS = 132;
/** AcroForm SigFlags: SignaturesExist (1) + AppendOnly (2). */
const SIG_FLAGS = 3;

/** `D:YYYYMMDDHHmmSS+07'00'`: the PDF date of `at` in Vietnam time. */
export function pdfDate(at: Date): string {
  const iso = toVietnamIso(at);
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+07'00'`;
}

/** Room for the CMS: the certificates plus the signed attributes and an RSA-4096 signature, with a margin. */
function contentsBytes(signer: Signer): number {
  return 4096 + signer.certificateChain.reduce((sum, certificate) => sum + certificate.length, 0);
}

function addSignatureField(doc: PDFDocument, signer: Signer, meta: SignatureMeta): void {
  const { context } = doc;
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  const text = (value: string | undefined) =>
    value ? PDFHexString.fromText(value.normalize('NFC')) : undefined;
  const entries = {
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    // ByteRange just before Contents: the patching below finds Contents after it.
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(contentsBytes(signer) * 2)),
    M: PDFString.of(pdfDate(meta.signedAt)),
    Name: text(meta.name),
    Reason: text(meta.reason),
    Location: text(meta.location),
    ContactInfo: text(meta.contactInfo),
    Prop_Build: { App: { Name: 'motcua' } },
  };
  const signatureRef = context.register(
    context.obj(Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined))),
  );
  const page = doc.getPages()[0];
  if (!page) throw new Error('the PDF has no page');
  let acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!acroForm) {
    acroForm = context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), context.register(acroForm));
  }
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) {
    fields = context.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  // An invisible widget (zero rectangle): the visible mark of the signature is the QR stamp and the
  // agency's own signature block in the document.
  const widgetRef = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: signatureRef,
      T: PDFHexString.fromText(`Chữ ký số ${fields.size() + 1}`),
      F: WIDGET_FLAGS,
      P: page.ref,
    }),
  );
  page.node.addAnnot(widgetRef);
  fields.push(widgetRef);
  const flags = acroForm.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(flags | SIG_FLAGS));
}

/** Where the placeholder landed in the saved file: the /ByteRange array and the /Contents hex string. */
function locatePlaceholder(file: Buffer): { byteRange: number; contentsStart: number; contentsEnd: number } {
  const byteRange = file.lastIndexOf(BYTE_RANGE_TEXT, undefined, 'latin1');
  if (byteRange < 0) throw new Error('signature placeholder not found in the saved PDF');
  const contents = file.indexOf('/Contents <', byteRange, 'latin1');
  const contentsStart = contents + '/Contents '.length;
  const contentsEnd = file.indexOf('>', contentsStart, 'latin1') + 1;
  if (contents < 0 || contentsEnd <= contentsStart)
    throw new Error('signature /Contents not found after /ByteRange');
  return { byteRange, contentsStart, contentsEnd };
}

/**
 * `pdf` signed by `signer`: PAdES baseline B-B (`/SubFilter /ETSI.CAdES.detached`; CMS signed attributes
 * content-type, message-digest, signing-certificate-v2; no signing-time; the time in /M). The file is
 * rewritten by pdf-lib (not an incremental update), so signatures it already had do not survive.
 */
export async function signPdf(pdf: Uint8Array, signer: Signer, meta: SignatureMeta): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  if (meta.stamp) await drawVerificationStamp(doc, meta.stamp.url, meta.stamp);
  addSignatureField(doc, signer, meta);
  // No object streams: the signature dictionary must stay as plain text to be patched in place.
  const file = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
  const { byteRange, contentsStart, contentsEnd } = locatePlaceholder(file);
  const range = `[ 0 ${contentsStart} ${contentsEnd} ${file.length - contentsEnd}`;
  file.write(range.padEnd(BYTE_RANGE_TEXT.length - 1, ' '), byteRange, 'latin1');
  const digest = createHash('sha256')
    .update(file.subarray(0, contentsStart))
    .update(file.subarray(contentsEnd))
    .digest();
  const cms = Buffer.from(await createCadesSignature(digest, signer))
    .toString('hex')
    .toUpperCase();
  const room = contentsEnd - contentsStart - 2;
  if (cms.length > room)
    throw new Error(`the signature (${cms.length / 2} bytes) exceeds its room (${room / 2})`);
  file.write(cms, contentsStart + 1, 'latin1');
  return new Uint8Array(file.buffer, file.byteOffset, file.length);
}
