// The catalogue's texts, shared by its generated page and its search script.
import { defineTexts } from '../lib/i18n';

export const CATALOGUE_TEXTS = defineTexts({
  vi: {
    description: 'Tra cứu thủ tục hành chính và nộp hồ sơ trực tuyến',
    searchLabel: 'Tìm thủ tục',
    searchHint: 'Gõ có dấu hoặc không dấu, ví dụ: khai sinh',
    searchButton: 'Tìm',
    count: (n: number) => `${n} thủ tục`,
    none: 'Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác.',
    fee: 'Lệ phí',
    time: 'Thời hạn',
  },
  en: {
    description: 'Find an administrative procedure and apply online',
    searchLabel: 'Find a procedure',
    searchHint: 'With or without Vietnamese accents, e.g. birth',
    searchButton: 'Search',
    count: (n: number) => `${n} procedure${n === 1 ? '' : 's'}`,
    none: 'No procedure matches. Try other words.',
    fee: 'Fee',
    time: 'Processing time',
  },
});
