// Each action on a case in words, Vietnamese and English: the console's buttons and history, the control slip.
import type { CaseAction, LocalizedText } from './types';

/**
 * The officials' actions carry the names CONTRACT.md gives their buttons ("Tiếp nhận" / "Receive"…); the others
 * are the steps as the history and Mẫu 05 write them.
 */
export const ACTION_LABELS: Readonly<Record<CaseAction, LocalizedText>> = {
  submit: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submitted online' },
  confirm_payment: { vi: 'Thanh toán phí, lệ phí', en: 'Fee paid' },
  receive: { vi: 'Tiếp nhận', en: 'Receive' },
  reject: { vi: 'Từ chối tiếp nhận', en: 'Reject' },
  request_supplement: { vi: 'Yêu cầu bổ sung', en: 'Request supplement' },
  supplement: { vi: 'Bổ sung hồ sơ', en: 'Supplement sent' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  deny: { vi: 'Không giải quyết', en: 'Deny' },
  issue_result: { vi: 'Trả kết quả', en: 'Issue result' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  assign: { vi: 'Phân công', en: 'Assign' },
  extend: { vi: 'Gia hạn', en: 'Extend' },
};

/** The step as the control slip (Mẫu 05) writes it. */
export const CONTROL_SLIP_STEPS: Readonly<Record<CaseAction, string>> = {
  submit: 'Nộp hồ sơ trực tuyến',
  confirm_payment: 'Thanh toán phí, lệ phí trực tuyến',
  receive: 'Tiếp nhận hồ sơ',
  reject: 'Từ chối tiếp nhận hồ sơ',
  request_supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplement: 'Bổ sung, hoàn thiện hồ sơ',
  approve: 'Phê duyệt',
  deny: 'Không giải quyết (có văn bản nêu lý do)',
  issue_result: 'Trả kết quả',
  withdraw: 'Rút hồ sơ',
  assign: 'Chuyển xử lý',
  extend: 'Gia hạn, hẹn lại ngày trả kết quả (Mẫu 04)',
};
