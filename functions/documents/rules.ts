// What may be uploaded for what, and the words of every problem an upload can have (no AWS here).

import type { DocumentRequirement, ProcedureFacts } from '../../schemas/types';
import { actsForAgency } from '../domain/access';
import type { Principal } from '../domain/principal';
import type { LocalizedText } from '../domain/types';
import { findProcedureFacts } from './procedure-facts.generated';

/** The result document an official attaches with `issue_result`: not one of the applicant's documents. */
export const RESULT_DOCUMENT: DocumentRequirement = {
  type: 'result',
  name: { vi: 'Kết quả giải quyết', en: 'Result document' },
  required: false,
  accept: ['application/pdf'],
  maxBytes: 20 * 1024 * 1024,
  maxFiles: 1,
};

function formatMb(bytes: number) {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export const UPLOAD_TEXTS = {
  unknownProcedure: { vi: 'Thủ tục không tồn tại', en: 'Unknown procedure' },
  unknownDocumentType: {
    vi: 'Loại giấy tờ không thuộc thủ tục này',
    en: 'Not a document type of this procedure',
  },
  typeNotAccepted: (accept: readonly string[]) => ({
    vi: `Định dạng không được chấp nhận; chỉ nhận: ${accept.join(', ')}`,
    en: `File type not accepted; accepted: ${accept.join(', ')}`,
  }),
  tooLarge: (max: number) => ({
    vi: `Tệp vượt quá dung lượng tối đa ${formatMb(max)}`,
    en: `File is larger than the maximum of ${formatMb(max)}`,
  }),
  uploadNotFound: { vi: 'Không tìm thấy tệp đã tải lên', en: 'Upload not found' },
  uploadUsed: { vi: 'Tệp này đã được dùng cho một hồ sơ khác', en: 'This upload is already part of a case' },
  uploadWrongType: {
    vi: 'Tệp được tải lên cho loại giấy tờ khác',
    en: 'This upload was made for another document type',
  },
  notStored: { vi: 'Tệp chưa được tải lên xong', en: 'The file was not uploaded' },
  stillChecking: {
    vi: 'Tệp đang được kiểm tra, vui lòng thử lại sau giây lát',
    en: 'The file is still being checked; try again in a moment',
  },
  empty: { vi: 'Tệp rỗng', en: 'The file is empty' },
  sizeMismatch: {
    vi: 'Dung lượng tệp không khớp với khai báo',
    en: 'File size does not match what was declared',
  },
  contentMismatch: {
    vi: 'Nội dung tệp không đúng định dạng đã khai báo',
    en: 'File content does not match its declared type',
  },
  notScanned: {
    vi: 'Tệp đang được quét virus, vui lòng thử lại sau ít phút',
    en: 'The file is still being scanned for malware; try again in a minute',
  },
  infected: { vi: 'Tệp bị phát hiện có mã độc', en: 'Malware was found in the file' },
  notScannable: {
    vi: 'Không quét virus được tệp này; hãy tải lên một tệp khác',
    en: 'The file could not be scanned for malware; upload another file',
  },
  missingRequired: (name: LocalizedText) => ({
    vi: `Thiếu giấy tờ bắt buộc: ${name.vi}`,
    en: `Missing required document: ${name.en}`,
  }),
  tooMany: (name: LocalizedText, max: number) => ({
    vi: `Quá số tệp cho phép (${max}) cho: ${name.vi}`,
    en: `Too many files (at most ${max}) for: ${name.en}`,
  }),
  duplicate: { vi: 'Tệp này được nêu nhiều lần', en: 'This upload is listed more than once' },
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;

/** The requirement a caller uploads against: the procedure's own documents, and the result for its officials. */
export function requirementFor(
  procedure: Pick<ProcedureFacts, 'documents'>,
  documentType: string,
  principal: Principal,
): DocumentRequirement | undefined {
  if (documentType === RESULT_DOCUMENT.type && actsForAgency(principal)) return RESULT_DOCUMENT;
  return procedure.documents.find((d) => d.type === documentType);
}

/** The requirement an upload was made against (checked with its caller when it was made). */
export function requirementOfUpload(upload: {
  readonly procedureId: string;
  readonly documentType: string;
}): DocumentRequirement | undefined {
  if (upload.documentType === RESULT_DOCUMENT.type) return RESULT_DOCUMENT;
  return findProcedureFacts(upload.procedureId)?.documents.find((d) => d.type === upload.documentType);
}
