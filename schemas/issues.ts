// How zod's own issues read, in Vietnamese or English, and issues as the contract's `errors` list.
import type * as z from 'zod/mini';
import type { FieldProblem } from '../functions/domain/errors';
import type { Language, LocalizedText } from '../functions/domain/types';

/** Texts that zod's own issues share with the catalogue's message keys (messages.ts reuses them). */
export const SHARED_TEXTS = {
  required: { vi: 'Trường này là bắt buộc', en: 'This field is required' },
  'email.invalid': { vi: 'Địa chỉ thư điện tử không hợp lệ', en: 'Not a valid e-mail address' },
  'date.invalid': {
    vi: 'Ngày không hợp lệ, hãy nhập theo dạng năm-tháng-ngày (ví dụ 2024-05-31)',
    en: 'Not a valid date; use year-month-day (e.g. 2024-05-31)',
  },
} as const satisfies Record<string, LocalizedText>;

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
      if (isMissing(issue)) return (lang) => SHARED_TEXTS.required[lang];
      const text = EXPECTED_TYPE[issue.expected];
      return text ? (lang) => text[lang] : pick('Kiểu dữ liệu không hợp lệ', 'Wrong type of value');
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      switch (issue.origin) {
        case 'string':
          return n <= 1 && issue.inclusive !== false
            ? (lang) => SHARED_TEXTS.required[lang]
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
          return (lang) => SHARED_TEXTS['email.invalid'][lang];
        case 'date':
          return (lang) => SHARED_TEXTS['date.invalid'][lang];
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

/** The words of one of zod's own issues (not of a schema's message key) in the given language. */
export function builtInMessage(issue: Issue, lang: Language): string {
  return builtInWording(issue)(lang);
}

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
export function issuesAsProblems(
  issues: readonly Issue[],
  lang: Language,
  prefix: string,
  /** The text of a schema's own message key; zod's wording otherwise. */
  keyed: Readonly<Record<string, LocalizedText>> = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const message = UNKNOWN_FIELD[lang];
      for (const key of issue.keys)
        problems.push({ path: formatPath(prefix, [...issue.path, key]), message });
      continue;
    }
    const text = Object.hasOwn(keyed, issue.message) ? keyed[issue.message] : undefined;
    problems.push({
      path: formatPath(prefix, issue.path),
      message: text ? text[lang] : builtInMessage(issue, lang),
    });
  }
  return problems;
}
