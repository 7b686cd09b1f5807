// Vietnamese identifiers, names, dates and the message catalogue, each checked on hand-picked values.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { vietnamDay } from '../../functions/domain/vietnam-time';
import { BUILT_IN_ISSUE_CODES, formatPath } from '../../schemas/issues';
import { issueErrorMap, issueMessage, MESSAGES, toFieldProblems } from '../../schemas/messages';
import { foldVietnamese, normalizeText } from '../../schemas/text';
import {
  ageOn,
  CCCD_PROVINCE_CODES,
  cccd,
  cccdAgreesWithPerson,
  cccdBirthInfo,
  cccdMatchesBirthDate,
  email,
  isValidTaxCode,
  pastDate,
  pastMonth,
  personName,
  taxCode,
  taxCodeCheckDigit,
  vnAddress,
  vnMobilePhone,
} from '../../schemas/validators';

/** The message keys of a failed parse, or 'ok'. */
function keysOf(schema: z.ZodType, input: unknown): string[] | 'ok' {
  const r = schema.safeParse(input, { error: issueErrorMap });
  return r.success ? 'ok' : r.error.issues.map((i) => i.message);
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('text', () => {
  it('normalizeText composes to NFC, trims and collapses runs of spaces', () => {
    expect(normalizeText('  Nguye\u0302\u0303n \t Văn   An \n')).toBe('Nguyễn Văn An');
  });

  it('foldVietnamese drops tone and vowel marks, maps đ to d and lowers case', () => {
    expect(foldVietnamese('ĐĂNG KÝ thành lập HỘ KINH DOANH')).toBe('dang ky thanh lap ho kinh doanh');
    expect(foldVietnamese('Nguye\u0302\u0303n')).toBe('nguyen');
  });
});

describe('cccd', () => {
  it('lists the 63 pre-2025 province codes, from 001 Hà Nội to 096 Cà Mau', () => {
    expect(CCCD_PROVINCE_CODES.size).toBe(63);
    expect(CCCD_PROVINCE_CODES.get('001')).toBe('Hà Nội');
    expect(CCCD_PROVINCE_CODES.get('037')).toBe('Ninh Bình');
    expect(CCCD_PROVINCE_CODES.get('079')).toBe('Hồ Chí Minh');
    expect(CCCD_PROVINCE_CODES.get('096')).toBe('Cà Mau');
    expect(CCCD_PROVINCE_CODES.has('003')).toBe(false);
    expect(CCCD_PROVINCE_CODES.has('097')).toBe(false);
  });

  it('accepts 12 digits starting with a province code, trimming spaces around', () => {
    expect(keysOf(cccd, '037092001234')).toBe('ok');
    expect(keysOf(cccd, '001205001234')).toBe('ok');
    expect(cccd.parse(' 079301009876 ')).toBe('079301009876');
  });

  it('rejects a wrong length or non-digits as cccd.format, once', () => {
    expect(keysOf(cccd, '03709200123')).toEqual(['cccd.format']);
    expect(keysOf(cccd, '0370920012345')).toEqual(['cccd.format']);
    expect(keysOf(cccd, '03709200123A')).toEqual(['cccd.format']);
  });

  it('rejects a first three digits that are no province code as cccd.province', () => {
    expect(keysOf(cccd, '003092001234')).toEqual(['cccd.province']);
    expect(keysOf(cccd, '097092001234')).toEqual(['cccd.province']);
    expect(keysOf(cccd, '000092001234')).toEqual(['cccd.province']);
  });

  it('reads sex and century from digit 4 and the year from digits 5-6', () => {
    expect(cccdBirthInfo('037092001234')).toEqual({ sex: 'male', century: 1900, yearSuffix: '92' });
    expect(cccdBirthInfo('037195004567')).toEqual({ sex: 'female', century: 1900, yearSuffix: '95' });
    expect(cccdBirthInfo('037205001234')).toEqual({ sex: 'male', century: 2000, yearSuffix: '05' });
    expect(cccdBirthInfo('037301009876')).toEqual({ sex: 'female', century: 2000, yearSuffix: '01' });
    expect(cccdBirthInfo('037400001234')).toEqual({ sex: 'male', century: 2100, yearSuffix: '00' });
    expect(cccdBirthInfo('1234')).toBeNull();
  });

  it('matches the birth date only when both century digit and year digits agree', () => {
    expect(cccdMatchesBirthDate('037092001234', '1992-08-17')).toBe(true);
    expect(cccdMatchesBirthDate('037195004567', '1995-03-02')).toBe(true);
    expect(cccdMatchesBirthDate('037301009876', '2001-02-09')).toBe(true);
    // century digit says 1900s, the date says 2000s
    expect(cccdMatchesBirthDate('037001009876', '2001-02-09')).toBe(false);
    // century digit says 2000s, the date says 1900s
    expect(cccdMatchesBirthDate('037292001234', '1992-08-17')).toBe(false);
    // year digits differ
    expect(cccdMatchesBirthDate('037093001234', '1992-08-17')).toBe(false);
  });

  it('as an object check, reports a CCCD at odds with the birth date or sex on the cccd field', () => {
    const person = z
      .strictObject({ cccd, dateOfBirth: pastDate, sex: z.enum(['male', 'female']) })
      .check(cccdAgreesWithPerson());
    expect(keysOf(person, { cccd: '037092001234', dateOfBirth: '1992-08-17', sex: 'male' })).toBe('ok');
    const wrongYear = person.safeParse({ cccd: '037092001234', dateOfBirth: '1993-08-17', sex: 'male' });
    expect(wrongYear.error?.issues.map((i) => [i.path, i.message])).toEqual([[['cccd'], 'cccd.birthDate']]);
    expect(keysOf(person, { cccd: '037092001234', dateOfBirth: '1992-08-17', sex: 'female' })).toEqual([
      'cccd.sex',
    ]);
  });

  it('as an object check, uses the sex implied by the role when the object has none', () => {
    const mother = z.strictObject({ cccd, dateOfBirth: pastDate }).check(cccdAgreesWithPerson('female'));
    expect(keysOf(mother, { cccd: '037195004567', dateOfBirth: '1995-03-02' })).toBe('ok');
    expect(keysOf(mother, { cccd: '037095004567', dateOfBirth: '1995-03-02' })).toEqual(['cccd.sex']);
  });
});

describe('vnMobilePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0312345678', '0312345678'],
    ['0523456789', '0523456789'],
    ['0765432109', '0765432109'],
    ['0868686868', '0868686868'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    [' 0987 654 321 ', '0987654321'],
  ])('accepts %s as %s', (input, output) => {
    expect(vnMobilePhone.parse(input)).toBe(output);
  });

  it.each([
    ['0212345678', 'landline prefix 02'],
    ['0412345678', 'prefix 04'],
    ['091234567', '9 digits'],
    ['09123456789', '11 digits'],
    ['+840912345678', '+84 followed by the trunk 0'],
    ['84912345678', '84 without +'],
    ['0912-345-678', 'hyphens'],
  ])('rejects %s (%s) as phone.invalid', (input) => {
    expect(keysOf(vnMobilePhone, input)).toEqual(['phone.invalid']);
  });
});

describe('taxCode', () => {
  it('computes the check digit with weights 31 29 23 19 17 13 7 5 3', () => {
    // 0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 0·13 + 9·7 + 1·5 + 0·3 = 114; 114 mod 11 = 4; 10 − 4 = 6
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    expect(taxCodeCheckDigit('030058856')).toBe(9);
    // sum ≡ 0 (mod 11) would need a check "digit" of 10: no valid code
    expect(taxCodeCheckDigit('803456712')).toBeNull();
  });

  it.each(['0100109106', '0300588569', '0100233488', '8012345677', '0314409058-002'])(
    'accepts %s',
    (code) => {
      expect(keysOf(taxCode, code)).toBe('ok');
    },
  );

  it('rejects a wrong check digit as taxCode.checkDigit', () => {
    expect(keysOf(taxCode, '0100233480')).toEqual(['taxCode.checkDigit']);
    expect(keysOf(taxCode, '0100109107')).toEqual(['taxCode.checkDigit']);
    expect(keysOf(taxCode, '0100109107-001')).toEqual(['taxCode.checkDigit']);
  });

  it('rejects a sequence of zeros and branch 000 even with a fitting check digit', () => {
    expect(taxCodeCheckDigit('010000000')).toBe(3);
    expect(isValidTaxCode('0100000003')).toBe(false);
    expect(keysOf(taxCode, '0314409058-000')).toEqual(['taxCode.checkDigit']);
  });

  it('rejects other shapes as taxCode.format', () => {
    expect(keysOf(taxCode, '010010910')).toEqual(['taxCode.format']);
    expect(keysOf(taxCode, '0314409058002')).toEqual(['taxCode.format']);
    expect(keysOf(taxCode, '0314409058-02')).toEqual(['taxCode.format']);
    expect(keysOf(taxCode, '031440905A')).toEqual(['taxCode.format']);
  });
});

describe('dates', () => {
  it('pastDate accepts real past dates, 29 February of leap years and today', () => {
    expect(keysOf(pastDate, '1990-05-31')).toBe('ok');
    expect(keysOf(pastDate, '2024-02-29')).toBe('ok');
    expect(keysOf(pastDate, '2000-02-29')).toBe('ok');
    expect(keysOf(pastDate, vietnamDay(new Date()))).toBe('ok');
  });

  it('pastDate rejects dates that do not exist or other formats as date.invalid', () => {
    expect(keysOf(pastDate, '2023-02-29')).toEqual(['date.invalid']);
    expect(keysOf(pastDate, '1900-02-29')).toEqual(['date.invalid']);
    expect(keysOf(pastDate, '2024-04-31')).toEqual(['date.invalid']);
    expect(keysOf(pastDate, '31/05/1990')).toEqual(['date.invalid']);
  });

  it('pastDate rejects a date after today in Vietnam as date.future', () => {
    expect(keysOf(pastDate, addDays(vietnamDay(new Date()), 1))).toEqual(['date.future']);
    expect(keysOf(pastDate, '2999-01-01')).toEqual(['date.future']);
  });

  it('pastMonth takes YYYY-MM up to the current month', () => {
    expect(keysOf(pastMonth, '2019-09')).toBe('ok');
    expect(keysOf(pastMonth, vietnamDay(new Date()).slice(0, 7))).toBe('ok');
    expect(keysOf(pastMonth, '2019-13')).toEqual(['month.invalid']);
    expect(keysOf(pastMonth, '2999-01')).toEqual(['month.future']);
  });

  it('ageOn counts full years, a 29 February birthday reached on 1 March', () => {
    expect(ageOn('2005-06-21', '2025-06-20')).toBe(19);
    expect(ageOn('2005-06-21', '2025-06-21')).toBe(20);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });
});

describe('personName', () => {
  it('comes out NFC, trimmed and single-spaced from an NFD input', () => {
    const nfd = ' Nguye\u0302\u0303n  Thi\u0323 Thu Ha\u0300 ';
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const out = personName.parse(nfd);
    expect(out).toBe('Nguyễn Thị Thu Hà');
    expect(out.normalize('NFC')).toBe(out);
    expect(out.length).toBe(17);
  });

  it('accepts names of ethnic minorities with an apostrophe', () => {
    expect(keysOf(personName, "H'Hen Niê")).toBe('ok');
    expect(keysOf(personName, 'Lò Văn Páo')).toBe('ok');
  });

  it('rejects digits and symbols as name.invalid, lengths as name.tooShort and name.tooLong', () => {
    expect(keysOf(personName, 'Nguyễn Văn 2')).toEqual(['name.invalid']);
    expect(keysOf(personName, 'Trần_Văn_Hùng')).toEqual(['name.invalid']);
    expect(keysOf(personName, 'A')).toEqual(['name.tooShort']);
    expect(keysOf(personName, '   A  ')).toEqual(['name.tooShort']);
    expect(keysOf(personName, 'Nguyễn '.repeat(20))).toEqual(['name.tooLong']);
  });
});

describe('email and address', () => {
  it('accepts an ordinary address and rejects one without a domain as email.invalid', () => {
    expect(keysOf(email, 'thuha@example.vn')).toBe('ok');
    expect(keysOf(email, 'thuha@')).toEqual(['email.invalid']);
  });

  it('takes an address with or without a district and rejects unknown keys', () => {
    expect(keysOf(vnAddress, { line: 'Xóm 2', commune: 'Xã Gia Sinh', province: 'Tỉnh Ninh Bình' })).toBe(
      'ok',
    );
    const r = vnAddress.safeParse({
      line: 'Xóm 2',
      commune: 'Xã Gia Sinh',
      province: 'Ninh Bình',
      ward: 'x',
    });
    expect(r.error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
  });
});

describe('messages', () => {
  it('has Vietnamese and English text for every key, and they differ', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      expect(text.vi, key).not.toBe('');
      expect(text.en, key).not.toBe('');
      expect(text.vi, key).not.toBe(text.en);
    }
  });

  it('words the schema keys in the language asked for', () => {
    const [issue] = cccd.safeParse('123').error!.issues;
    expect(issueMessage(issue!, 'vi')).toBe('Số CCCD phải gồm 12 chữ số');
    expect(issueMessage(issue!, 'en')).toBe('The citizen identity card (CCCD) number must have 12 digits');
  });

  it('reports a missing field as required, with or without the error map', () => {
    const schema = z.strictObject({ name: z.string(), sex: z.enum(['male', 'female']) });
    const mapped = schema.safeParse({}, { error: issueErrorMap }).error!.issues;
    expect(mapped.map((i) => issueMessage(i, 'vi'))).toEqual([
      'Trường này là bắt buộc',
      'Trường này là bắt buộc',
    ]);
    const [plain] = z.strictObject({ name: z.string() }).safeParse({}).error!.issues;
    expect(issueMessage(plain!, 'vi')).toBe('Trường này là bắt buộc');
    expect(issueMessage(plain!, 'en')).toBe('This field is required');
  });

  it('words each of zod built-in issue codes in both languages, never with zod English default', () => {
    // No simple schema raises invalid_element (set and map elements report their own issues), so build one.
    const invalidElement = {
      code: 'invalid_element',
      origin: 'set',
      key: 0,
      issues: [],
      path: [],
      message: 'Invalid element in set',
    } as const satisfies z.core.$ZodIssue;
    const samples: Record<
      Exclude<(typeof BUILT_IN_ISSUE_CODES)[number], 'invalid_element'>,
      [z.ZodType, unknown]
    > = {
      invalid_type: [z.string(), 5],
      too_small: [z.string().min(3), 'ab'],
      too_big: [z.array(z.string()).max(1), ['a', 'b']],
      invalid_format: [z.email(), 'x'],
      not_multiple_of: [z.number().multipleOf(5), 7],
      unrecognized_keys: [z.strictObject({}), { a: 1 }],
      invalid_union: [z.union([z.string(), z.number()]), true],
      invalid_key: [z.record(z.string().min(2), z.string()), { b: 'x' }],
      invalid_value: [z.enum(['a', 'b']), 'c'],
      custom: [z.string().refine(() => false), 'x'],
    };
    for (const code of BUILT_IN_ISSUE_CODES) {
      let issue: z.core.$ZodIssue = invalidElement;
      if (code !== 'invalid_element') {
        const [schema, input] = samples[code];
        issue = schema.safeParse(input).error!.issues[0]!;
      }
      expect(issue.code, code).toBe(code);
      const vi = issueMessage(issue, 'vi');
      const en = issueMessage(issue, 'en');
      expect(vi, code).not.toBe(issue.message);
      expect(en, code).not.toBe(issue.message);
      expect(vi, code).not.toBe(en);
    }
  });

  it('words sizes with their numbers', () => {
    const [short] = z.string().min(3).safeParse('ab').error!.issues;
    expect(issueMessage(short!, 'vi')).toBe('Phải có ít nhất 3 ký tự');
    expect(issueMessage(short!, 'en')).toBe('Must have at least 3 characters');
    const [big] = z.number().max(10).safeParse(11).error!.issues;
    expect(issueMessage(big!, 'vi')).toBe('Phải nhỏ hơn hoặc bằng 10');
  });

  it('formats paths with dots for keys and brackets for indexes', () => {
    expect(formatPath('', ['documents', 0, 'uploadId'])).toBe('documents[0].uploadId');
    expect(formatPath('data', ['child', 'fullName'])).toBe('data.child.fullName');
    expect(formatPath('data', [])).toBe('data');
    expect(formatPath('', [2])).toBe('[2]');
    expect(formatPath('data', ['a b'])).toBe('data["a b"]');
  });

  it('lists every problem, one per unknown key, under the prefix', () => {
    const schema = z.strictObject({
      child: z.strictObject({ fullName: personName }),
      documents: z.array(z.strictObject({ uploadId: z.string().min(1) })),
    });
    const input = {
      child: { fullName: 'A1', nick: 'x' },
      documents: [{ uploadId: 'u1' }, { uploadId: '' }],
      x: 1,
    };
    const issues = schema.safeParse(input, { error: issueErrorMap }).error!.issues;
    expect(toFieldProblems(issues, 'vi', '')).toEqual([
      {
        path: 'child.fullName',
        message: 'Họ tên chỉ gồm chữ cái (có dấu) và khoảng trắng, không có chữ số hay ký hiệu',
      },
      { path: 'child.nick', message: 'Trường này không thuộc biểu mẫu' },
      { path: 'documents[1].uploadId', message: 'Trường này là bắt buộc' },
      { path: 'x', message: 'Trường này không thuộc biểu mẫu' },
    ]);
    expect(toFieldProblems(issues, 'en', 'body').map((p) => p.path)).toEqual([
      'body.child.fullName',
      'body.child.nick',
      'body.documents[1].uploadId',
      'body.x',
    ]);
  });
});
