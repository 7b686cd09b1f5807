// Vietnamese and English text for every validation message: the schemas' own keys and zod's built-in issues.
import type * as z from 'zod';
import type { FieldProblem } from '../functions/domain/errors';
import type { Language, LocalizedText } from '../functions/domain/types';
import { builtInMessage, issuesAsProblems, SHARED_TEXTS } from './issues';
import { VN_MOBILE_MESSAGE } from './vn-phone';

/**
 * Every message key a schema of the catalogue may raise. Schemas carry only these keys, never prose, so that
 * one schema answers in the caller's language (`Accept-Language`).
 */
export const MESSAGES = {
  required: SHARED_TEXTS.required,
  'cccd.format': {
    vi: 'Số CCCD phải gồm 12 chữ số',
    en: 'The citizen identity card (CCCD) number must have 12 digits',
  },
  'cccd.province': {
    vi: 'Ba chữ số đầu của số CCCD phải là mã tỉnh, thành phố nơi đăng ký khai sinh',
    en: 'The first three digits of the CCCD number must be the code of the province where the birth was registered',
  },
  'cccd.birthDate': {
    vi: 'Số CCCD không khớp với ngày sinh: chữ số thứ 4 cho biết thế kỷ sinh, chữ số thứ 5 và 6 là hai số cuối của năm sinh',
    en: 'The CCCD number does not match the date of birth: digit 4 gives the century of birth, digits 5 and 6 the last two digits of the year',
  },
  'cccd.sex': {
    vi: 'Số CCCD không khớp với giới tính: chữ số thứ 4 chẵn là nam, lẻ là nữ',
    en: 'The CCCD number does not match the sex: an even 4th digit means male, an odd one female',
  },
  'phone.invalid': VN_MOBILE_MESSAGE,
  'taxCode.format': {
    vi: 'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số đối với chi nhánh',
    en: 'A tax code has 10 digits, or for a branch 10 digits, a hyphen and 3 digits',
  },
  'taxCode.checkDigit': {
    vi: 'Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp',
    en: 'The tax code is not valid: its check digit (the 10th digit) does not match',
  },
  'date.invalid': SHARED_TEXTS['date.invalid'],
  'date.future': { vi: 'Ngày này không được sau ngày hôm nay', en: 'This date cannot be later than today' },
  'month.invalid': {
    vi: 'Tháng không hợp lệ, hãy nhập theo dạng năm-tháng (ví dụ 2019-09)',
    en: 'Not a valid month; use year-month (e.g. 2019-09)',
  },
  'month.future': {
    vi: 'Tháng này không được sau tháng hiện tại',
    en: 'This month cannot be later than the current one',
  },
  'name.invalid': {
    vi: 'Họ tên chỉ gồm chữ cái (có dấu) và khoảng trắng, không có chữ số hay ký hiệu',
    en: 'A name has only letters (with diacritics) and spaces, no digits or symbols',
  },
  'name.tooShort': { vi: 'Họ tên phải có ít nhất 2 ký tự', en: 'A name must have at least 2 characters' },
  'name.tooLong': {
    vi: 'Họ tên không được dài quá 100 ký tự',
    en: 'A name cannot be longer than 100 characters',
  },
  'email.invalid': SHARED_TEXTS['email.invalid'],
  'birth.childBeforeParent': {
    vi: 'Ngày sinh của trẻ phải sau ngày sinh của cha, mẹ',
    en: "The child's date of birth must be after the parent's",
  },
  'marriage.groomUnderAge': {
    vi: 'Bên nam phải từ đủ 20 tuổi trở lên (Điều 8 Luật Hôn nhân và gia đình năm 2014)',
    en: 'The man must be at least 20 years old (art. 8 of the Law on Marriage and Family 2014)',
  },
  'marriage.brideUnderAge': {
    vi: 'Bên nữ phải từ đủ 18 tuổi trở lên (Điều 8 Luật Hôn nhân và gia đình năm 2014)',
    en: 'The woman must be at least 18 years old (art. 8 of the Law on Marriage and Family 2014)',
  },
  'marriage.samePerson': {
    vi: 'Hai bên kết hôn không thể có cùng số CCCD',
    en: 'The two parties cannot have the same CCCD number',
  },
  'business.nameFormat': {
    vi: 'Tên hộ kinh doanh gồm cụm từ "Hộ kinh doanh" và tên riêng, ví dụ "Hộ kinh doanh Bánh cuốn Thu Hà"',
    en: 'A household business name is "Hộ kinh doanh" followed by its own name, e.g. "Hộ kinh doanh Bánh cuốn Thu Hà"',
  },
  'business.industryCode': {
    vi: 'Mã ngành phải gồm 4 chữ số (ngành cấp 4 của Hệ thống ngành kinh tế Việt Nam)',
    en: 'An industry code has 4 digits (level 4 of the Vietnam Standard Industrial Classification)',
  },
  'business.duplicateIndustry': {
    vi: 'Ngành nghề này đã được kê khai',
    en: 'This line of business is already listed',
  },
  'building.footprintExceedsLand': {
    vi: 'Diện tích xây dựng không được lớn hơn diện tích thửa đất',
    en: 'The building footprint cannot be larger than the land parcel',
  },
  'building.floorAreaBelowFootprint': {
    vi: 'Tổng diện tích sàn không được nhỏ hơn diện tích xây dựng',
    en: 'The total floor area cannot be smaller than the building footprint',
  },
  'judicialRecord.periodOrder': {
    vi: 'Thời gian kết thúc phải từ thời gian bắt đầu trở đi',
    en: 'The end of the period cannot be before its start',
  },
} as const satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(s: string): s is MessageKey {
  return Object.hasOwn(MESSAGES, s);
}

type Issue = z.core.$ZodIssue;

/** The text of one issue in the given language: the schema's own key when it has one, else zod's code. */
export function issueMessage(issue: Issue, lang: Language): string {
  return isMessageKey(issue.message) ? MESSAGES[issue.message][lang] : builtInMessage(issue, lang);
}

const MISSING_CODES: ReadonlySet<string> = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

/**
 * Error map to pass to `safeParse(data, { error: issueErrorMap })`: a field that is absent altogether is
 * reported as `required` rather than as a wrong type or a wrong option. Schema-level keys still win (zod asks
 * them first).
 */
export const issueErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.input === undefined && MISSING_CODES.has(issue.code ?? '') ? 'required' : undefined;

/**
 * Every issue as a problem of CONTRACT.md's `errors` list, worded from the catalogue's keys. An unknown key is
 * reported on the key itself (`data.child.nickname`), one problem per key, so the form can point at it.
 */
export function toFieldProblems(issues: readonly Issue[], lang: Language, prefix: string): FieldProblem[] {
  return issuesAsProblems(issues, lang, prefix, MESSAGES);
}
