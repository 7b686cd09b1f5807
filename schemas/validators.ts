// Reusable zod pieces for Vietnamese identifiers, names, dates and addresses; their messages are keys of messages.ts.
import * as z from 'zod';
import { vietnamDay } from '../functions/domain/vietnam-time';
import type { MessageKey } from './messages';
import { normalizeText } from './text';
import { normalizeVnMobilePhone, VN_MOBILE, VN_MOBILE_DESCRIPTION } from './vn-phone';

type PayloadPath = readonly PropertyKey[];

/** `{ error: key }` typed against messages.ts, so that a schema cannot raise a key without a text. */
const key = (k: MessageKey) => ({ error: k });

/**
 * An error for a schema (not a check) that gives way when the field is absent, so that a missing field reads
 * "required" (from `issueErrorMap`) rather than the schema's own key.
 */
const keyUnlessMissing = (k: MessageKey) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : k),
});

// ---------------------------------------------------------------------------------------------------------
// Citizen identity card (CCCD)

/**
 * Province codes of birth registration, digits 1–3 of a CCCD number: the 63 provinces and centrally-run cities
 * as they stood before the 2025 mergers (Circular 07/2016/TT-BCA, annex; the same numbers as the provinces'
 * codes in the list of administrative units, Decision 124/2004/QĐ-TTg). Cards issued before the mergers keep
 * these codes for life, so the list stays valid.
 */
export const CCCD_PROVINCE_CODES: ReadonlyMap<string, string> = new Map([
  ['001', 'Hà Nội'],
  ['002', 'Hà Giang'],
  ['004', 'Cao Bằng'],
  ['006', 'Bắc Kạn'],
  ['008', 'Tuyên Quang'],
  ['010', 'Lào Cai'],
  ['011', 'Điện Biên'],
  ['012', 'Lai Châu'],
  ['014', 'Sơn La'],
  ['015', 'Yên Bái'],
  ['017', 'Hòa Bình'],
  ['019', 'Thái Nguyên'],
  ['020', 'Lạng Sơn'],
  ['022', 'Quảng Ninh'],
  ['024', 'Bắc Giang'],
  ['025', 'Phú Thọ'],
  ['026', 'Vĩnh Phúc'],
  ['027', 'Bắc Ninh'],
  ['030', 'Hải Dương'],
  ['031', 'Hải Phòng'],
  ['033', 'Hưng Yên'],
  ['034', 'Thái Bình'],
  ['035', 'Hà Nam'],
  ['036', 'Nam Định'],
  ['037', 'Ninh Bình'],
  ['038', 'Thanh Hóa'],
  ['040', 'Nghệ An'],
  ['042', 'Hà Tĩnh'],
  ['044', 'Quảng Bình'],
  ['045', 'Quảng Trị'],
  ['046', 'Thừa Thiên Huế'],
  ['048', 'Đà Nẵng'],
  ['049', 'Quảng Nam'],
  ['051', 'Quảng Ngãi'],
  ['052', 'Bình Định'],
  ['054', 'Phú Yên'],
  ['056', 'Khánh Hòa'],
  ['058', 'Ninh Thuận'],
  ['060', 'Bình Thuận'],
  ['062', 'Kon Tum'],
  ['064', 'Gia Lai'],
  ['066', 'Đắk Lắk'],
  ['067', 'Đắk Nông'],
  ['068', 'Lâm Đồng'],
  ['070', 'Bình Phước'],
  ['072', 'Tây Ninh'],
  ['074', 'Bình Dương'],
  ['075', 'Đồng Nai'],
  ['077', 'Bà Rịa - Vũng Tàu'],
  ['079', 'Hồ Chí Minh'],
  ['080', 'Long An'],
  ['082', 'Tiền Giang'],
  ['083', 'Bến Tre'],
  ['084', 'Trà Vinh'],
  ['086', 'Vĩnh Long'],
  ['087', 'Đồng Tháp'],
  ['089', 'An Giang'],
  ['091', 'Kiên Giang'],
  ['092', 'Cần Thơ'],
  ['093', 'Hậu Giang'],
  ['094', 'Sóc Trăng'],
  ['095', 'Bạc Liêu'],
  ['096', 'Cà Mau'],
]);

const TWELVE_DIGITS = /^\d{12}$/;

/**
 * What digits 4–6 of a CCCD say (Circular 07/2016/TT-BCA, art. 7): digit 4 is sex and century together —
 * 0/1 born 1900–1999, 2/3 born 2000–2099, 4/5 in the 2100s, 6/7 in the 2200s, 8/9 in the 2300s; even is male,
 * odd is female; digits 5–6 are the last two digits of the year of birth.
 */
export function cccdBirthInfo(
  cccd: string,
): { sex: 'male' | 'female'; century: number; yearSuffix: string } | null {
  if (!TWELVE_DIGITS.test(cccd)) return null;
  const code = Number(cccd[3]);
  return {
    sex: code % 2 === 0 ? 'male' : 'female',
    century: 1900 + Math.floor(code / 2) * 100,
    yearSuffix: cccd.slice(4, 6),
  };
}

/** True when the CCCD's century/sex digit and year digits agree with a `YYYY-MM-DD` date of birth. */
export function cccdMatchesBirthDate(cccd: string, dateOfBirth: string): boolean {
  const info = cccdBirthInfo(cccd);
  const year = Number(dateOfBirth.slice(0, 4));
  if (!info || !Number.isInteger(year)) return false;
  return info.century === Math.floor(year / 100) * 100 && info.yearSuffix === dateOfBirth.slice(2, 4);
}

/** True when the CCCD's sex digit (even male, odd female) agrees with the declared sex. */
export function cccdMatchesSex(cccd: string, sex: 'male' | 'female'): boolean {
  return cccdBirthInfo(cccd)?.sex === sex;
}

export const cccd = z
  .string()
  .trim()
  .regex(TWELVE_DIGITS, { ...key('cccd.format'), abort: true })
  .refine((s) => CCCD_PROVINCE_CODES.has(s.slice(0, 3)), key('cccd.province'))
  .meta({ description: '12 chữ số, in trên thẻ căn cước công dân hoặc thẻ căn cước' });

// ---------------------------------------------------------------------------------------------------------
// Cross-field checks

function overlaps(a: PayloadPath, b: PayloadPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `when` for a cross-field check: run it even though other fields failed (so that the applicant sees every
 * problem at once), but only when the fields it reads passed their own checks. Unknown keys say nothing about
 * the known fields, so they do not hold the check back.
 */
export function whenValid(...paths: PayloadPath[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some(
        (issue) => issue.code !== 'unrecognized_keys' && paths.some((p) => overlaps(issue.path ?? [], p)),
      ),
  };
}

/** Adds an issue with a message key at `path`, from inside a `superRefine`. */
export function addKeyedIssue(ctx: z.core.$RefinementCtx, path: PropertyKey[], k: MessageKey): void {
  ctx.addIssue({ code: 'custom', path, message: k, input: undefined });
}

interface PersonIdentity {
  cccd?: string | undefined;
  dateOfBirth?: string | undefined;
  sex?: 'male' | 'female' | undefined;
}

/**
 * Check for an object holding `cccd` and `dateOfBirth` (and `sex`, when it has one): the CCCD must agree with
 * them. `impliedSex` is for objects whose role fixes it (mother, bride). Attach with
 * `.check(cccdAgreesWithPerson())`; fields left out (optional ones) are not compared.
 */
export function cccdAgreesWithPerson(impliedSex?: 'male' | 'female') {
  return z.superRefine<PersonIdentity>(
    (person, ctx) => {
      if (!person.cccd) return;
      const sex = person.sex ?? impliedSex;
      if (person.dateOfBirth && !cccdMatchesBirthDate(person.cccd, person.dateOfBirth)) {
        addKeyedIssue(ctx, ['cccd'], 'cccd.birthDate');
      } else if (sex && !cccdMatchesSex(person.cccd, sex)) {
        addKeyedIssue(ctx, ['cccd'], 'cccd.sex');
      }
    },
    whenValid(['cccd'], ['dateOfBirth'], ['sex']),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Mobile phone

/**
 * Mobile number: 10 digits starting 03, 05, 07, 08 or 09, or +84 and the 9 digits after the 0. Spaces and dots
 * between digits are accepted, as people write them; the output is always the plain `0xxxxxxxxx` form.
 */
export const vnMobilePhone = z
  .string()
  .trim()
  .regex(VN_MOBILE, key('phone.invalid'))
  .transform(normalizeVnMobilePhone)
  .meta({ description: VN_MOBILE_DESCRIPTION });

// ---------------------------------------------------------------------------------------------------------
// Tax code (mã số thuế)

const TAX_CODE = /^\d{10}(?:-\d{3})?$/;
const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * Check digit of a tax code, from its first 9 digits: 10 − (Σ digitᵢ × weightᵢ mod 11), weights 31, 29, 23, 19,
 * 17, 13, 7, 5, 3. This is the rule the tax authority's software applies to codes it issues (structure of the
 * code: Circular 105/2020/TT-BTC art. 5 — N1N2 province of first issue, N3–N9 sequence, N10 check digit); the
 * same rule is implemented by python-stdnum's `vn.mst` and checks out on published codes, e.g. 0100109106
 * (Viettel) and 0300588569 (Vinamilk). When the sum is ≡ 0 (mod 11) the result would be 10: no single digit
 * fits, and such a sequence is never issued, so we answer null and the code is invalid.
 */
export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * TAX_WEIGHTS[i]!;
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/** 10 digits with a matching check digit, optionally `-NNN` for a dependent unit (branch), NNN ≠ 000. */
export function isValidTaxCode(code: string): boolean {
  if (!TAX_CODE.test(code)) return false;
  if (code.slice(2, 9) === '0000000' || code.endsWith('-000')) return false;
  return taxCodeCheckDigit(code.slice(0, 9)) === Number(code[9]);
}

/**
 * Tax code of an enterprise, organisation or household business: 10 digits, or 10 + "-" + 3 digits for a
 * branch. (Individuals use their 12-digit CCCD as tax code from 1 July 2025, Circular 86/2024/TT-BTC; that is
 * the `cccd` validator, not this one.)
 */
export const taxCode = z
  .string()
  .trim()
  .regex(TAX_CODE, { ...key('taxCode.format'), abort: true })
  .refine(isValidTaxCode, key('taxCode.checkDigit'))
  .meta({ description: '10 chữ số, hoặc 10 chữ số-3 chữ số đối với chi nhánh, ví dụ 0100109106' });

// ---------------------------------------------------------------------------------------------------------
// Dates

/** Full years between a `YYYY-MM-DD` birth date and a `YYYY-MM-DD` day: the age reached on that day. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * A real calendar date `YYYY-MM-DD` (leap years included: zod's ISO date pattern knows 29 February), not later
 * than today in Vietnam. ISO strings compare like dates, so no Date object is needed.
 */
export const pastDate = z.iso
  .date(keyUnlessMissing('date.invalid'))
  // zod runs this refinement even when the format failed: judge only what looks like a date.
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || s <= vietnamDay(new Date()), key('date.future'))
  .meta({ description: 'Năm-tháng-ngày, ví dụ 1990-05-31' });

/** A month `YYYY-MM`, not later than the current month in Vietnam. */
export const pastMonth = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, { ...key('month.invalid'), abort: true })
  .refine((s) => s <= vietnamDay(new Date()).slice(0, 7), key('month.future'))
  .meta({ description: 'Năm-tháng, ví dụ 2019-09' });

// ---------------------------------------------------------------------------------------------------------
// Names, text, e-mail, address

/**
 * A person's name: NFC, trimmed, single spaces, 2–100 characters, letters of any script with their marks,
 * spaces, and the apostrophe and hyphen of some ethnic minority names (H'Hen Niê). `overwrite` (zod 4's
 * in-place transform) normalises before the length and pattern checks and, unlike `transform`, keeps them in
 * the JSON Schema that the web form reads.
 */
export const personName = z
  .string()
  .overwrite(normalizeText)
  .min(2, { ...key('name.tooShort'), abort: true })
  .max(100, { ...key('name.tooLong'), abort: true })
  .regex(/^[\p{L}\p{M}][\p{L}\p{M}' -]*$/u, key('name.invalid'));

/** Free text: normalised like names, at least one character, at most `max`. */
export function text(max = 200) {
  return z.string().overwrite(normalizeText).min(1, key('required')).max(max);
}

export const email = z
  .email(keyUnlessMissing('email.invalid'))
  .max(254)
  .meta({ description: 'Ví dụ ten@example.vn' });

/** An enum whose JSON Schema also carries a Vietnamese label per value (`oneOf` of `const` + `title`). */
export function labelledEnum<const V extends string>(labels: Record<V, string>) {
  const values = Object.keys(labels) as [V, ...V[]];
  return z.enum(values).meta({ oneOf: values.map((v) => ({ const: v, title: labels[v] })) });
}

export const sex = labelledEnum({ male: 'Nam', female: 'Nữ' });

/**
 * A Vietnamese address. `district` is optional: since 1 July 2025 most of the country has two tiers of local
 * government (province, commune), while older papers still name a district.
 */
export const vnAddress = z
  .strictObject({
    line: text(200).meta({
      title: 'Số nhà, đường, thôn, xóm',
      description: 'Ví dụ: Số 12, đường Trần Hưng Đạo',
    }),
    commune: text(100).meta({ title: 'Xã, phường, thị trấn' }),
    district: text(100).optional().meta({
      title: 'Quận, huyện, thị xã, thành phố thuộc tỉnh',
      description: 'Bỏ trống nếu không còn cấp huyện',
    }),
    province: text(100).meta({ title: 'Tỉnh, thành phố trực thuộc trung ương' }),
  })
  .meta({ title: 'Địa chỉ' });

export type VnAddress = z.output<typeof vnAddress>;

/** `Xóm 3, xã Gia Sinh, huyện Gia Viễn, tỉnh Ninh Bình`, for display. */
export function formatAddress(a: VnAddress): string {
  return [a.line, a.commune, a.district, a.province].filter(Boolean).join(', ');
}
