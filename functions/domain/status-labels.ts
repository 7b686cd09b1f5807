// A case status as citizens read it, in Vietnamese and English: one source for notifications and pages.
import type { CaseStatus, Language, LocalizedText } from './types';

/**
 * Plain words a citizen understands without knowing the procedure's jargon ("awaiting intake",
 * "supplement" and "denied" read as officialese in English); the Vietnamese is the one-stop desks' own.
 */
export const STATUS_LABELS: Readonly<Record<CaseStatus, LocalizedText>> = {
  awaiting_payment: { vi: 'Chờ thanh toán phí, lệ phí', en: 'Awaiting payment of fees' },
  submitted: { vi: 'Đã nộp, chờ tiếp nhận', en: 'Submitted, waiting to be received' },
  processing: { vi: 'Đang giải quyết', en: 'Being processed' },
  needs_supplement: {
    vi: 'Cần bổ sung, hoàn thiện hồ sơ',
    en: 'Additional documents or corrections needed',
  },
  approved: { vi: 'Đã phê duyệt, chờ trả kết quả', en: 'Approved, result to be issued' },
  denied: { vi: 'Không được giải quyết', en: 'Not granted' },
  rejected: { vi: 'Từ chối tiếp nhận', en: 'Not accepted' },
  completed: { vi: 'Đã trả kết quả', en: 'Result issued' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
};

export function statusLabel(status: CaseStatus, lang: Language): string {
  return STATUS_LABELS[status][lang];
}
