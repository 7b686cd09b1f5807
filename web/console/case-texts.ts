// The console's case page texts in Vietnamese and English (the page, its access log, what an action's outcome is).
import { defineTexts, type Lang } from '../lib/i18n';
import { CONSOLE_TEXTS } from './texts';

export const CASE_TEXTS = /* @__PURE__ */ defineTexts({
  vi: {
    caseOverdue: (days: number) =>
      `Hồ sơ đã quá hạn${days > 0 ? ` ${days} ngày làm việc` : ''}. Hãy giải quyết ngay, hoặc gia hạn kèm phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).`,
    actions: 'Xử lý hồ sơ',
    noActions: 'Hồ sơ ở trạng thái này không còn thao tác nào.',
    applicant: 'Người nộp hồ sơ',
    name: 'Họ và tên',
    role: 'Loại tài khoản',
    email: 'Thư điện tử',
    phone: 'Điện thoại',
    taxCode: 'Mã số thuế',
    data: 'Nội dung tờ khai',
    documents: 'Giấy tờ kèm theo',
    noDocuments: 'Không có giấy tờ kèm theo.',
    view: 'Xem',
    viewOf: (name: string) => `Xem ${name}`,
    hide: 'Đóng',
    downloadFile: (name: string) => `Tải về ${name}`,
    heicFallback: 'Trình duyệt không hiển thị được ảnh HEIC. Hãy tải tệp về để xem.',
    pdfHint: 'Nếu tệp PDF không hiện ra (trên điện thoại), hãy tải về để xem.',
    opening: 'Đang mở tệp…',
    forms: 'Biểu mẫu một cửa',
    noForms: 'Hồ sơ chưa có biểu mẫu nào.',
    history: 'Quá trình xử lý',
    audit: 'Nhật ký truy cập',
    auditIntro: 'Mọi lần cán bộ xem, tải về hoặc xử lý hồ sơ đều được ghi lại.',
    auditMore: 'Xem thêm',
    auditTable: 'Bảng nhật ký truy cập hồ sơ',
    when: 'Thời điểm',
    who: 'Người thực hiện',
    what: 'Việc làm',
    detail: 'Chi tiết',
    auditView: 'Xem hồ sơ',
    auditDownload: 'Tải về',
    deadline: 'Thời hạn',
    extensions: 'Đã gia hạn',
    done: (action: string) => `Đã thực hiện: ${action}.`,
    conflict:
      'Hồ sơ vừa được người khác cập nhật nên thao tác của bạn chưa được thực hiện. Trang đã tải lại hồ sơ mới nhất: hãy kiểm tra rồi thao tác lại.',
    yes: 'Có',
    no: 'Không',
    roleName: (role: string) =>
      ({
        citizen: 'Công dân',
        business: 'Doanh nghiệp',
        official: 'Cán bộ',
        admin: 'Quản trị',
        system: 'Hệ thống',
      })[role] ?? role,
    payment: 'Lệ phí',
    paymentStatus: (status: string) =>
      ({ pending: 'Chờ thanh toán', paid: 'Đã thanh toán', failed: 'Thanh toán không thành công' })[status] ??
      status,
    paidAt: (at: string) => `lúc ${at}`,
    transaction: (no: string) => `mã giao dịch ${no}`,
    result: 'Kết quả',
    resultIssued: (at: string) => `Đã trả lúc ${at}`,
    resultSigning: 'Đang ký số…',
    resultSignFailed: 'Ký số không thành công',
    resultSigned: (name: string) => `Tải kết quả đã ký số: ${name}`,
    resultVerify: 'Trang xác thực kết quả',
    auditPayment: (action: string) =>
      ({
        payment_started: 'Bắt đầu thanh toán',
        payment_paid: 'Đã thanh toán',
        payment_failed: 'Thanh toán không thành công',
      })[action] ?? action,
  },
  en: {
    caseOverdue: (days: number) =>
      `This case is overdue${days > 0 ? ` by ${days} working day${days === 1 ? '' : 's'}` : ''}. Finish it now, or extend it with an apology and a new date (form 04).`,
    actions: 'Work on the case',
    noActions: 'No action is left in this status.',
    applicant: 'Applicant',
    name: 'Name',
    role: 'Account',
    email: 'E-mail',
    phone: 'Phone',
    taxCode: 'Tax code',
    data: 'Application form',
    documents: 'Documents',
    noDocuments: 'No documents.',
    view: 'View',
    viewOf: (name: string) => `View ${name}`,
    hide: 'Close',
    downloadFile: (name: string) => `Download ${name}`,
    heicFallback: 'The browser cannot show HEIC photos. Download the file to see it.',
    pdfHint: 'If the PDF does not show (on a phone), download it to read it.',
    opening: 'Opening the file…',
    forms: 'One-stop forms',
    noForms: 'The case has no forms yet.',
    history: 'History',
    audit: 'Access log',
    auditIntro: 'Every time an official views, downloads or works on the case is recorded.',
    auditMore: 'Show more',
    auditTable: 'Table of the case’s access log',
    when: 'When',
    who: 'Who',
    what: 'What',
    detail: 'Detail',
    auditView: 'Viewed the case',
    auditDownload: 'Downloaded',
    deadline: 'Deadline',
    extensions: 'Extended',
    done: (action: string) => `Done: ${action}.`,
    conflict:
      'Someone else has just changed this case, so your action was not taken. The page has reloaded the latest case: check it and try again.',
    yes: 'Yes',
    no: 'No',
    roleName: (role: string) =>
      ({
        citizen: 'Citizen',
        business: 'Business',
        official: 'Official',
        admin: 'Administrator',
        system: 'System',
      })[role] ?? role,
    payment: 'Fee',
    paymentStatus: (status: string) =>
      ({ pending: 'Awaiting payment', paid: 'Paid', failed: 'Payment failed' })[status] ?? status,
    paidAt: (at: string) => `at ${at}`,
    transaction: (no: string) => `transaction ${no}`,
    result: 'Result',
    resultIssued: (at: string) => `Issued at ${at}`,
    resultSigning: 'Being signed…',
    resultSignFailed: 'Signing failed',
    resultSigned: (name: string) => `Download the signed result: ${name}`,
    resultVerify: 'The result’s verification page',
    auditPayment: (action: string) =>
      ({ payment_started: 'Payment started', payment_paid: 'Paid', payment_failed: 'Payment failed' })[
        action
      ] ?? action,
  },
});

/** What the case page's script says. */
export const caseTexts = (lang: Lang) => ({ ...CONSOLE_TEXTS[lang], ...CASE_TEXTS[lang] });
export type CaseTexts = ReturnType<typeof caseTexts>;
