// Languages and texts: Vietnamese by default, English under `/en/`; every text is written in both, checked by type.
import type { Language, LocalizedText } from '../../functions/domain/types';

export type Lang = Language;
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';

type Text = string | ((...args: never[]) => string);
type Texts = Record<string, Text>;
/** The English side must hold every key of the Vietnamese one, with the same arguments. */
type SameKeys<T extends Texts> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] };

/** A page's or component's texts in both languages: `const text = defineTexts({ vi: {...}, en: {...} })[lang]`. */
/* @__NO_SIDE_EFFECTS__ */
export function defineTexts<T extends Texts>(texts: {
  readonly vi: T;
  readonly en: SameKeys<T>;
}): Readonly<Record<Lang, SameKeys<T>>> {
  return texts as Readonly<Record<Lang, SameKeys<T>>>;
}

/** The side of a `{ vi, en }` pair (from the API or the catalogue) in `lang`, Vietnamese when English is empty. */
export function pick(text: LocalizedText | string | null | undefined, lang: Lang): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[lang] || text.vi;
}

export const isLang = (value: unknown): value is Lang => value === 'vi' || value === 'en';

/** Texts every page shares: the header, the footer, the states of a request. (Pure: a script that uses none drops them.) */
export const COMMON = /* @__PURE__ */ defineTexts({
  vi: {
    brand: 'Dịch vụ công',
    skip: 'Bỏ qua, đến nội dung chính',
    otherLanguage: 'English',
    languageLabel: 'Chọn ngôn ngữ',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    offline: 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
    serverError: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.',
    problemTitle: 'Có lỗi cần sửa',
    free: 'Miễn phí',
    workingDays: (n: number) => `${n} ngày làm việc`,
    catalogue: 'Thủ tục hành chính',
    backToCatalogue: 'Tất cả thủ tục',
    apply: 'Nộp hồ sơ trực tuyến',
    track: 'Tra cứu hồ sơ',
    trackLink: 'Tra cứu tình trạng hồ sơ đã nộp',
    needsScript:
      'Trang này cần JavaScript. Hãy bật JavaScript trong trình duyệt, hoặc đến Bộ phận Một cửa để được hướng dẫn.',
    footer: 'Cổng dịch vụ công của tỉnh. Bộ phận Một cửa hướng dẫn miễn phí.',
    statistics: 'Thống kê giải quyết hồ sơ',
  },
  en: {
    brand: 'Public services',
    skip: 'Skip to main content',
    otherLanguage: 'Tiếng Việt',
    languageLabel: 'Choose language',
    loading: 'Loading…',
    retry: 'Try again',
    offline: 'Could not reach the server. Check your connection and try again.',
    serverError: 'The service has a problem. Please try again in a few minutes.',
    problemTitle: 'There is a problem',
    free: 'Free',
    workingDays: (n: number) => `${n} working day${n === 1 ? '' : 's'}`,
    catalogue: 'Administrative procedures',
    backToCatalogue: 'All procedures',
    apply: 'Apply online',
    track: 'Track an application',
    trackLink: 'Track an application you have submitted',
    needsScript:
      'This page needs JavaScript. Turn JavaScript on in your browser, or ask the one-stop desk for help.',
    footer: "The province's public services portal. The one-stop desk helps free of charge.",
    statistics: 'Statistics of cases handled',
  },
});
