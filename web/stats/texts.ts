// The statistics pages' texts (public, and the console's view of one agency), in Vietnamese and English.
import { defineTexts } from '../lib/i18n';

export const STATS_TEXTS = defineTexts({
  vi: {
    title: 'Thống kê giải quyết hồ sơ',
    intro:
      'Số hồ sơ tiếp nhận, đã giải quyết đúng hạn và quá hạn, đang giải quyết, theo cơ quan và thủ tục (Quyết định số 766/QĐ-TTg).',
    period: 'Khoảng thời gian',
    from: 'Từ tháng',
    to: 'Đến tháng',
    monthHint: 'Năm-tháng, ví dụ 2025-03',
    show: 'Xem thống kê',
    invalidMonth: 'Hãy nhập tháng theo dạng năm-tháng, ví dụ 2025-03.',
    covered: (from: string, to: string) => `Số liệu từ ngày ${from} đến ngày ${to}.`,
    chartTitle: 'Tỷ lệ hồ sơ giải quyết đúng hạn, theo cơ quan',
    chartDescription: (parts: string) => `Tỷ lệ đúng hạn: ${parts}. Số liệu đầy đủ ở bảng dưới biểu đồ.`,
    noResolved: 'chưa có hồ sơ giải quyết',
    tableTitle: 'Số liệu theo thủ tục',
    agency: 'Cơ quan',
    procedure: 'Thủ tục',
    received: 'Tiếp nhận',
    resolved: 'Đã giải quyết',
    onTime: 'Đúng hạn',
    late: 'Quá hạn',
    pending: 'Đang giải quyết',
    pendingOverdue: 'Đang giải quyết quá hạn',
    rate: 'Tỷ lệ đúng hạn',
    total: 'Tổng cộng',
    none: 'Chưa có số liệu trong khoảng thời gian này.',
    notes:
      'Tiếp nhận và đã giải quyết: tính trong khoảng thời gian đã chọn. Đang giải quyết: hồ sơ tiếp nhận trong khoảng thời gian đó mà đến nay chưa giải quyết xong; hồ sơ chờ công dân bổ sung không tính quá hạn.',
  },
  en: {
    title: 'Statistics of cases handled',
    intro:
      'Cases received, resolved on time and late, and still being handled, by agency and procedure (Decision 766/QĐ-TTg).',
    period: 'Period',
    from: 'From month',
    to: 'To month',
    monthHint: 'Year-month, e.g. 2025-03',
    show: 'Show statistics',
    invalidMonth: 'Enter the month as year-month, e.g. 2025-03.',
    covered: (from: string, to: string) => `Figures from ${from} to ${to}.`,
    chartTitle: 'Share of cases resolved on time, by agency',
    chartDescription: (parts: string) =>
      `On-time rate: ${parts}. The full figures are in the table below the chart.`,
    noResolved: 'no case resolved yet',
    tableTitle: 'Figures by procedure',
    agency: 'Agency',
    procedure: 'Procedure',
    received: 'Received',
    resolved: 'Resolved',
    onTime: 'On time',
    late: 'Late',
    pending: 'Being handled',
    pendingOverdue: 'Being handled, overdue',
    rate: 'On-time rate',
    total: 'Total',
    none: 'No figures for this period yet.',
    notes:
      'Received and resolved: within the period chosen. Being handled: cases received in that period that are not resolved yet; a case waiting for the applicant’s supplement is never counted overdue.',
  },
});
