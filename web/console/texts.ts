// The officials' console's texts in Vietnamese and English, shared by its generated pages and its scripts: what
// the queue and the case page both say, what only the queue says, what only the case page says (each page's script
// carries only its own).
import { defineTexts, type Lang } from '../lib/i18n';

/** Both pages: a case's facts and its deadline in words. */
export const CONSOLE_TEXTS = /* @__PURE__ */ defineTexts({
  vi: {
    caseTitle: 'Hồ sơ',
    code: 'Mã hồ sơ',
    applicantName: 'Người nộp',
    submittedAt: 'Ngày nộp',
    receivedAt: 'Ngày tiếp nhận',
    dueAt: 'Hạn giải quyết',
    status: 'Trạng thái',
    overdue: 'Quá hạn',
    dueSoon: 'Sắp đến hạn',
    overdueBy: (days: number) => (days > 0 ? `quá hạn ${days} ngày làm việc` : 'quá hạn từ hôm nay'),
    daysLeft: (days: number) => (days === 0 ? 'đến hạn hôm nay' : `còn ${days} ngày làm việc`),
    clockStopped: 'Đang chờ công dân bổ sung: thời hạn giải quyết tạm dừng.',
    download: 'Tải về',
    downloading: 'Đang tải về…',
    backToQueue: 'Danh sách hồ sơ',
    assigned: 'Được phân công',
    notAssigned: 'Chưa phân công',
    noCode: 'Không có mã hồ sơ trong địa chỉ trang.',
    notFound: 'Không tìm thấy hồ sơ, hoặc hồ sơ không thuộc cơ quan của bạn.',
    loadingCase: 'Đang tải hồ sơ…',
  },
  en: {
    caseTitle: 'Case',
    code: 'Case code',
    applicantName: 'Applicant',
    submittedAt: 'Submitted',
    receivedAt: 'Received',
    dueAt: 'Due',
    status: 'Status',
    overdue: 'Overdue',
    dueSoon: 'Due soon',
    overdueBy: (days: number) =>
      days > 0 ? `overdue by ${days} working day${days === 1 ? '' : 's'}` : 'overdue since today',
    daysLeft: (days: number) =>
      days === 0 ? 'due today' : `${days} working day${days === 1 ? '' : 's'} left`,
    clockStopped: 'Waiting for the applicant’s supplement: the deadline is paused.',
    download: 'Download',
    downloading: 'Downloading…',
    backToQueue: 'Cases',
    assigned: 'Assigned to',
    notAssigned: 'Not assigned',
    noCode: 'The page address has no case code.',
    notFound: 'No such case, or it does not belong to your agency.',
    loadingCase: 'Loading the case…',
  },
});

/** The queue. */
export const QUEUE_TEXTS = /* @__PURE__ */ defineTexts({
  vi: {
    title: 'Hồ sơ của cơ quan',
    intro: 'Hồ sơ sắp đến hạn và quá hạn được xếp lên đầu.',
    tabsLabel: 'Trạng thái hồ sơ',
    filtersTitle: 'Lọc hồ sơ',
    procedure: 'Thủ tục',
    allProcedures: 'Tất cả thủ tục',
    assignee: 'Cán bộ được phân công',
    anyone: 'Tất cả',
    me: 'Của tôi',
    nobody: 'Chưa phân công',
    agency: 'Cơ quan',
    chooseAgency: 'Chọn cơ quan',
    applyFilters: 'Lọc',
    empty: 'Không có hồ sơ nào.',
    nextPage: 'Trang sau',
    firstPage: 'Về trang đầu',
    overdueReminder: (count: number) =>
      `${count} hồ sơ ở trang này đã quá hạn: hãy giải quyết ngay, hoặc gia hạn kèm phiếu xin lỗi (Mẫu 04).`,
    tools: 'Công cụ',
    statistics: 'Thống kê của cơ quan',
    register: 'Sổ theo dõi hồ sơ (Mẫu 06)',
    registerFrom: 'Từ ngày',
    registerTo: 'Đến ngày',
    registerFormat: 'Định dạng',
  },
  en: {
    title: 'Agency cases',
    intro: 'Cases due soon and overdue come first.',
    tabsLabel: 'Case status',
    filtersTitle: 'Filter cases',
    procedure: 'Procedure',
    allProcedures: 'All procedures',
    assignee: 'Assigned official',
    anyone: 'Anyone',
    me: 'Mine',
    nobody: 'Not assigned',
    agency: 'Agency',
    chooseAgency: 'Choose an agency',
    applyFilters: 'Filter',
    empty: 'No cases.',
    nextPage: 'Next page',
    firstPage: 'First page',
    overdueReminder: (count: number) =>
      `${count} case${count === 1 ? '' : 's'} on this page ${count === 1 ? 'is' : 'are'} overdue: finish ${count === 1 ? 'it' : 'them'} now, or extend with an apology (form 04).`,
    tools: 'Tools',
    statistics: 'Agency statistics',
    register: 'Case register (form 06)',
    registerFrom: 'From',
    registerTo: 'To',
    registerFormat: 'Format',
  },
});

/** What the queue's script says. */
export const queueTexts = (lang: Lang) => ({ ...CONSOLE_TEXTS[lang], ...QUEUE_TEXTS[lang] });
