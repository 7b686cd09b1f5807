// Vietnamese and English text for every validation message: the schemas' own keys and zod's built-in issues.
import type * as z from 'zod';
import type { FieldProblem } from '../functions/domain/errors';
import type { Language, LocalizedText } from '../functions/domain/types';

/**
 * Every message key a schema of the catalogue may raise. Schemas carry only these keys, never prose, so that
 * one schema answers in the caller's language (`Accept-Language`).
 */
export const MESSAGES = {
  required: { vi: 'Trường này là bắt buộc', en: 'This field is required' },
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
  'phone.invalid': {
    vi: 'Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84 và 9 chữ số)',
    en: 'A mobile number has 10 digits starting with 03, 05, 07, 08 or 09 (or +84 and 9 digits)',
  },
  'taxCode.format': {
    vi: 'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số đối với chi nhánh',
    en: 'A tax code has 10 digits, or for a branch 10 digits, a hyphen and 3 digits',
  },
  'taxCode.checkDigit': {
    vi: 'Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp',
    en: 'The tax code is not valid: its check digit (the 10th digit) does not match',
  },
  'date.invalid': {
    vi: 'Ngày không hợp lệ, hãy nhập theo dạng năm-tháng-ngày (ví dụ 2024-05-31)',
    en: 'Not a valid date; use year-month-day (e.g. 2024-05-31)',
  },
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
  'email.invalid': { vi: 'Địa chỉ thư điện tử không hợp lệ', en: 'Not a valid e-mail address' },
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

/** zod's own issue codes, each worded below: the test checks that none is left to English defaults. */
export const BUILT_IN_ISSUE_CODES = [
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const satisfies readonly z.core.$ZodIssue['code'][];

type Issue = z.core.$ZodIssue;
type Wording = (lang: Language) => string;

const pick =
  (vi: string, en: string): Wording =>
  (lang) =>
    lang === 'vi' ? vi : en;

const EXPECTED_TYPE: Record<string, LocalizedText> = {
  string: { vi: 'Phải là một chuỗi ký tự', en: 'Must be text' },
  number: { vi: 'Phải là một số', en: 'Must be a number' },
  int: { vi: 'Phải là một số nguyên', en: 'Must be a whole number' },
  boolean: { vi: 'Phải là đúng hoặc sai (true/false)', en: 'Must be true or false' },
  array: { vi: 'Phải là một danh sách', en: 'Must be a list' },
  object: { vi: 'Phải là một nhóm thông tin (đối tượng JSON)', en: 'Must be an object' },
  date: { vi: 'Phải là một ngày', en: 'Must be a date' },
};

function formatValue(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

/**
 * A zod issue is "missing" when the field was not given at all. zod reports it as `invalid_type`; its default
 * message (English locale) ends with "received undefined", and `issueErrorMap` below turns it into `required`.
 */
function isMissing(issue: Issue): boolean {
  if (issue.code !== 'invalid_type') return false;
  if ('input' in issue) return issue.input === undefined;
  return /received undefined$/.test(issue.message);
}

function builtInWording(issue: Issue): Wording {
  switch (issue.code) {
    case 'invalid_type': {
      if (isMissing(issue)) return (lang) => MESSAGES.required[lang];
      const text = EXPECTED_TYPE[issue.expected];
      return text ? (lang) => text[lang] : pick('Kiểu dữ liệu không hợp lệ', 'Wrong type of value');
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      switch (issue.origin) {
        case 'string':
          return n <= 1 && issue.inclusive !== false
            ? (lang) => MESSAGES.required[lang]
            : pick(`Phải có ít nhất ${n} ký tự`, `Must have at least ${n} characters`);
        case 'array':
        case 'set':
          return pick(`Phải có ít nhất ${n} mục`, `Must have at least ${n} ${n === 1 ? 'item' : 'items'}`);
        default:
          return issue.inclusive === false
            ? pick(`Phải lớn hơn ${n}`, `Must be greater than ${n}`)
            : pick(`Phải lớn hơn hoặc bằng ${n}`, `Must be at least ${n}`);
      }
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      switch (issue.origin) {
        case 'string':
          return pick(`Không được dài quá ${n} ký tự`, `Must have at most ${n} characters`);
        case 'array':
        case 'set':
          return pick(`Không được quá ${n} mục`, `Must have at most ${n} items`);
        default:
          return issue.inclusive === false
            ? pick(`Phải nhỏ hơn ${n}`, `Must be less than ${n}`)
            : pick(`Phải nhỏ hơn hoặc bằng ${n}`, `Must be at most ${n}`);
      }
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return (lang) => MESSAGES['email.invalid'][lang];
        case 'date':
          return (lang) => MESSAGES['date.invalid'][lang];
        case 'datetime':
          return pick('Thời điểm không hợp lệ (ISO 8601)', 'Not a valid ISO 8601 date and time');
        case 'uuid':
          return pick('Mã định danh không hợp lệ', 'Not a valid identifier');
        case 'url':
          return pick('Địa chỉ web không hợp lệ', 'Not a valid URL');
        default:
          return pick('Không đúng định dạng', 'Not in the expected format');
      }
    case 'not_multiple_of':
      return pick(`Phải là bội số của ${issue.divisor}`, `Must be a multiple of ${issue.divisor}`);
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return pick(`Có trường không thuộc biểu mẫu: ${keys}`, `Unknown field(s): ${keys}`);
    }
    case 'invalid_union':
      return pick('Giá trị không khớp với dạng nào được chấp nhận', 'Matches none of the accepted forms');
    case 'invalid_key':
      return pick('Có khóa không hợp lệ', 'A key is not valid');
    case 'invalid_element':
      return pick('Có phần tử không hợp lệ', 'An element is not valid');
    case 'invalid_value': {
      if (issue.values.length === 1) {
        const v = formatValue(issue.values[0]);
        return pick(`Phải là ${v}`, `Must be ${v}`);
      }
      const list = issue.values.map(formatValue).join(', ');
      return pick(`Phải là một trong các giá trị: ${list}`, `Must be one of: ${list}`);
    }
    default:
      return pick('Giá trị không hợp lệ', 'Invalid value');
  }
}

/** The text of one issue in the given language: the schema's own key when it has one, else zod's code. */
export function issueMessage(issue: Issue, lang: Language): string {
  if (isMessageKey(issue.message)) return MESSAGES[issue.message][lang];
  return builtInWording(issue)(lang);
}

const MISSING_CODES: ReadonlySet<string> = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

/**
 * Error map to pass to `safeParse(data, { error: issueErrorMap })`: a field that is absent altogether is
 * reported as `required` rather than as a wrong type or a wrong option. Schema-level keys still win (zod asks
 * them first).
 */
export const issueErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.input === undefined && MISSING_CODES.has(issue.code ?? '') ? 'required' : undefined;

const UNKNOWN_FIELD: LocalizedText = {
  vi: 'Trường này không thuộc biểu mẫu',
  en: 'This field is not part of the form',
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['documents', 0, 'uploadId']` under prefix `''` → `documents[0].uploadId`; under `data` → `data.documents[0]…`. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/**
 * Every issue as a problem of CONTRACT.md's `errors` list. An unknown key is reported on the key itself
 * (`data.child.nickname`), one problem per key, so the form can point at it.
 */
export function toFieldProblems(issues: readonly Issue[], lang: Language, prefix: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const message = UNKNOWN_FIELD[lang];
      for (const key of issue.keys)
        problems.push({ path: formatPath(prefix, [...issue.path, key]), message });
      continue;
    }
    problems.push({ path: formatPath(prefix, issue.path), message: issueMessage(issue, lang) });
  }
  return problems;
}
