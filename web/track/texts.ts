// The tracking page's texts, shared by its generated page and its script.
import { defineTexts } from '../lib/i18n';

export const TRACK_TEXTS = defineTexts({
  vi: {
    intro: 'Nhập mã hồ sơ và mã tra cứu (PIN) trong thông báo bạn nhận được khi nộp hồ sơ.',
    codeLabel: 'Mã hồ sơ',
    codeHint: 'Ví dụ: 000.21.38.H42-261128-0001',
    pinLabel: 'Mã tra cứu (PIN)',
    pinHint: 'Gồm 8 ký tự chữ và số',
    submit: 'Tra cứu',
    codeMissing: 'Hãy nhập mã hồ sơ.',
    pinInvalid: 'Mã tra cứu gồm đúng 8 ký tự.',
    notFound: 'Không tìm thấy hồ sơ, hoặc mã tra cứu không đúng',
    tooMany: (minutes: number) => `Quá nhiều lần thử, vui lòng thử lại sau ${minutes} phút`,
    procedure: 'Thủ tục',
    agency: 'Cơ quan giải quyết',
    status: 'Tình trạng',
    submittedAt: 'Ngày nộp',
    dueAt: 'Hạn trả kết quả',
    history: 'Quá trình xử lý',
  },
  en: {
    intro: 'Enter the case code and the tracking PIN from the notice you received when you applied.',
    codeLabel: 'Case code',
    codeHint: 'e.g. 000.21.38.H42-261128-0001',
    pinLabel: 'Tracking PIN',
    pinHint: '8 letters and digits',
    submit: 'Track',
    codeMissing: 'Enter the case code.',
    pinInvalid: 'The PIN has exactly 8 characters.',
    notFound: 'No application found, or the PIN is wrong',
    tooMany: (minutes: number) =>
      `Too many attempts, please try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    procedure: 'Procedure',
    agency: 'Handled by',
    status: 'Status',
    submittedAt: 'Submitted on',
    dueAt: 'Result due by',
    history: 'History',
  },
});
