// The procedure catalogue: its coverage, each form against its own examples, JSON Schemas, search and messages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import {
  agencies,
  findProcedure,
  formJsonSchema,
  procedureDetail,
  procedureSummary,
  procedures,
  searchProcedures,
  validateApplicationData,
} from '../../schemas/catalogue';
import { isMessageKey, MESSAGES, type MessageKey } from '../../schemas/messages';
import type { ProcedureDefinition } from '../../schemas/types';

const ALLOWED_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'];
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function procedure(id: string): ProcedureDefinition {
  const p = findProcedure(id);
  if (!p) throw new Error(`no procedure ${id}`);
  return p;
}

const vi = (k: MessageKey) => MESSAGES[k].vi;

// biome-ignore lint/suspicious/noExplicitAny: test fixtures mutate example data freely
type Mutable = any;

/** A deep copy of the procedure's first example, changed by `breakIt`. */
function brokenExample(p: ProcedureDefinition, breakIt: (data: Mutable) => void): unknown {
  const copy = structuredClone(p.examples[0]) as Mutable;
  breakIt(copy);
  return copy;
}

describe('catalogue coverage', () => {
  it('has at least 5 procedures with unique kebab-case ids', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(5);
    const ids = procedures.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(KEBAB);
  });

  it('spreads them over a commune, a district and a provincial agency', () => {
    expect(agencies.length).toBeGreaterThanOrEqual(3);
    expect(new Set(agencies.map((a) => a.level))).toEqual(new Set(['commune', 'district', 'province']));
    for (const p of procedures) expect(agencies).toContain(p.agency);
  });

  it('gives agencies QCVN 102:2016 codes of one province and stable kebab-case ids', () => {
    for (const a of agencies) {
      expect(a.id).toMatch(KEBAB);
      expect(a.code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H42$/);
    }
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
  });

  it('has both levels 3 and 4, and a level-4 procedure with a fee', () => {
    expect(new Set(procedures.map((p) => p.level))).toEqual(new Set([3, 4]));
    expect(procedures.some((p) => p.level === 4 && p.fee !== null && p.fee.amount > 0)).toBe(true);
  });

  it('knows the national codes it was given, in the national database format', () => {
    expect(procedure('dang-ky-khai-sinh').nationalCode).toBe('1.001193');
    expect(procedure('dang-ky-ket-hon').nationalCode).toBe('1.000894');
    for (const p of procedures) if (p.nationalCode) expect(p.nationalCode).toMatch(/^[12]\.\d{6}$/);
  });

  it('describes every document with a kebab-case type, accepted types and limits', () => {
    for (const p of procedures) {
      const types = p.documents.map((d) => d.type);
      expect(new Set(types).size, p.id).toBe(types.length);
      for (const d of p.documents) {
        expect(d.type).toMatch(KEBAB);
        expect(d.accept.length).toBeGreaterThan(0);
        for (const t of d.accept) expect(ALLOWED_TYPES).toContain(t);
        expect(d.maxBytes).toBeGreaterThan(0);
        expect(d.maxFiles).toBeGreaterThanOrEqual(1);
        expect(d.name.vi).not.toBe('');
        expect(d.name.en).not.toBe('');
      }
    }
  });

  it('publishes steps, legal basis, applicants and place in both languages', () => {
    for (const p of procedures) {
      expect(p.steps.length, p.id).toBeGreaterThan(0);
      expect(p.legalBasis.length, p.id).toBeGreaterThan(0);
      for (const text of [...p.steps, p.applicants, p.where, p.resultDelivery.result, p.name]) {
        expect(text.vi, p.id).not.toBe('');
        expect(text.en, p.id).not.toBe('');
      }
      expect(p.processingDays, p.id).toBeGreaterThan(0);
    }
  });
});

describe('forms against their examples', () => {
  it.each(procedures.map((p) => [p.id, p] as const))(
    '%s: every example is valid and names its applicant',
    (_, p) => {
      expect(p.examples.length).toBeGreaterThanOrEqual(1);
      for (const example of p.examples) {
        const result = validateApplicationData(p, example, 'vi');
        expect(result).toMatchObject({ ok: true });
        if (result.ok) expect(p.applicantName(result.data).length).toBeGreaterThan(1);
      }
    },
  );

  it.each(procedures.map((p) => [p.id, p] as const))(
    '%s: an empty or non-object data is rejected under data',
    (_, p) => {
      const empty = validateApplicationData(p, {}, 'vi');
      expect(empty.ok).toBe(false);
      if (!empty.ok) {
        expect(empty.errors.length).toBeGreaterThan(1);
        for (const e of empty.errors) {
          expect(e.path).toMatch(/^data\./);
          expect(e.message).toBe('Trường này là bắt buộc');
        }
      }
      expect(validateApplicationData(p, 'x', 'en')).toEqual({
        ok: false,
        errors: [{ path: 'data', message: 'Must be an object' }],
      });
    },
  );

  it('birth registration: names the child, the mother CCCD, an unknown key and the child born before the mother', () => {
    const p = procedure('dang-ky-khai-sinh');
    const data = brokenExample(p, (d) => {
      d.child.fullName = 'Bé 3';
      d.child.dateOfBirth = '1990-01-01';
      d.mother.cccd = '037095004567';
      d.declarant.nickname = 'Bố Hùng';
    });
    expect(validateApplicationData(p, data, 'vi')).toEqual({
      ok: false,
      errors: [
        { path: 'data.child.fullName', message: vi('name.invalid') },
        {
          path: 'data.mother.cccd',
          message: 'Số CCCD không khớp với giới tính: chữ số thứ 4 chẵn là nam, lẻ là nữ',
        },
        { path: 'data.declarant.nickname', message: 'Trường này không thuộc biểu mẫu' },
        { path: 'data.child.dateOfBirth', message: vi('birth.childBeforeParent') },
      ],
    });
  });

  it('marriage: an under-age groom is named on his birth date, with his CCCD and the contact phone', () => {
    const p = procedure('dang-ky-ket-hon');
    const data = brokenExample(p, (d) => {
      d.groom.dateOfBirth = '2015-01-01';
      d.contactPhone = '0212345678';
    });
    expect(validateApplicationData(p, data, 'vi')).toEqual({
      ok: false,
      errors: [
        { path: 'data.groom.cccd', message: vi('cccd.birthDate') },
        { path: 'data.contactPhone', message: vi('phone.invalid') },
        {
          path: 'data.groom.dateOfBirth',
          message: 'Bên nam phải từ đủ 20 tuổi trở lên (Điều 8 Luật Hôn nhân và gia đình năm 2014)',
        },
      ],
    });
  });

  it('marriage: a bride under 18 is refused, in English too', () => {
    const p = procedure('dang-ky-ket-hon');
    const data = brokenExample(p, (d) => {
      d.bride.dateOfBirth = '2020-06-21';
      d.bride.cccd = '037320003571';
    });
    expect(validateApplicationData(p, data, 'en')).toEqual({
      ok: false,
      errors: [
        {
          path: 'data.bride.dateOfBirth',
          message: 'The woman must be at least 18 years old (art. 8 of the Law on Marriage and Family 2014)',
        },
      ],
    });
  });

  it('household business: tax code check digit, phone, duplicate industry and a member CCCD', () => {
    const p = procedure('dang-ky-thanh-lap-ho-kinh-doanh');
    const data = brokenExample(p, (d) => {
      d.owner.taxCode = '8012345678';
      d.owner.phone = '0212345678';
      d.business.industries[1].code = '5610';
      d.householdMembers = [
        { fullName: 'Nguyễn Văn Nam', sex: 'male', dateOfBirth: '1990-01-01', cccd: '037190001111' },
      ];
    });
    expect(validateApplicationData(p, data, 'vi')).toEqual({
      ok: false,
      errors: [
        {
          path: 'data.owner.taxCode',
          message: 'Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp',
        },
        { path: 'data.owner.phone', message: vi('phone.invalid') },
        { path: 'data.business.industries[1].code', message: vi('business.duplicateIndustry') },
        { path: 'data.householdMembers[0].cccd', message: vi('cccd.sex') },
      ],
    });
  });

  it('household business: the name must start with "Hộ kinh doanh"', () => {
    const p = procedure('dang-ky-thanh-lap-ho-kinh-doanh');
    const data = brokenExample(p, (d) => {
      d.business.name = 'Bánh cuốn Thu Hà';
    });
    expect(validateApplicationData(p, data, 'vi')).toEqual({
      ok: false,
      errors: [{ path: 'data.business.name', message: vi('business.nameFormat') }],
    });
  });

  it('building permit: parcel number, floor area below footprint and footprint above the land', () => {
    const p = procedure('cap-giay-phep-xay-dung-nha-o-rieng-le');
    const data = brokenExample(p, (d) => {
      d.land.parcelNumber = 0;
      d.construction.footprintM2 = 200;
      d.construction.totalFloorAreaM2 = 150;
    });
    expect(validateApplicationData(p, data, 'vi')).toEqual({
      ok: false,
      errors: [
        { path: 'data.land.parcelNumber', message: 'Phải lớn hơn hoặc bằng 1' },
        { path: 'data.construction.totalFloorAreaM2', message: vi('building.floorAreaBelowFootprint') },
        {
          path: 'data.construction.footprintM2',
          message: 'Diện tích xây dựng không được lớn hơn diện tích thửa đất',
        },
      ],
    });
  });

  it('judicial record: e-mail, residence periods out of order or in the future, certificate type', () => {
    const p = procedure('cap-phieu-ly-lich-tu-phap');
    const data = brokenExample(p, (d) => {
      d.requester.email = 'maiphuong';
      d.residenceHistory[0].to = '2014-01';
      d.residenceHistory[2].from = '2999-01';
      d.certificateType = '3';
    });
    expect(validateApplicationData(p, data, 'vi')).toEqual({
      ok: false,
      errors: [
        { path: 'data.requester.email', message: 'Địa chỉ thư điện tử không hợp lệ' },
        { path: 'data.residenceHistory[0].to', message: vi('judicialRecord.periodOrder') },
        { path: 'data.residenceHistory[2].from', message: vi('month.future') },
        { path: 'data.certificateType', message: 'Phải là một trong các giá trị: "1", "2"' },
      ],
    });
  });

  it('returns normalised data: NFC names and 0xxxxxxxxx phones', () => {
    const p = procedure('dang-ky-khai-sinh');
    const data = brokenExample(p, (d) => {
      d.declarant.fullName = ' Tra\u0302\u0300n  Va\u0306n Hu\u0300ng ';
    });
    const result = validateApplicationData(p, data, 'vi') as { ok: true; data: Mutable };
    expect(result.ok).toBe(true);
    expect(result.data.declarant.fullName).toBe('Trần Văn Hùng');
    expect(result.data.declarant.phone).toBe('0912345678');
    expect(p.applicantName(result.data)).toBe('Trần Văn Hùng');
  });
});

type Json = { [key: string]: unknown };

/** Every entry of every `properties` in a JSON Schema, with its dotted path. */
function* properties(schema: Json, path = ''): Generator<[string, Json]> {
  const props = schema.properties as Record<string, Json> | undefined;
  for (const [key, value] of Object.entries(props ?? {})) {
    yield [`${path}${key}`, value];
    yield* properties(value, `${path}${key}.`);
  }
  if (schema.items) yield* properties(schema.items as Json, `${path}[].`);
  for (const branch of (schema.anyOf as Json[] | undefined) ?? []) yield* properties(branch, path);
}

describe('form JSON Schemas', () => {
  it.each(procedures.map((p) => [p.id, p] as const))('%s: every property has a Vietnamese title', (_, p) => {
    const schema = formJsonSchema(p) as Json;
    const all = [...properties(schema)];
    expect(all.length).toBeGreaterThan(5);
    for (const [path, property] of all) {
      expect(typeof property.title, `${p.id}: ${path}`).toBe('string');
      expect((property.title as string).length, `${p.id}: ${path}`).toBeGreaterThan(1);
    }
  });

  it.each(procedures.map((p) => [p.id, p] as const))(
    '%s: is 2020-12, strict, and carries the examples',
    (_, p) => {
      const schema = formJsonSchema(p) as Json;
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      expect(schema.examples).toEqual(p.examples);
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    },
  );

  it('is generated once and shared', () => {
    const p = procedure('dang-ky-khai-sinh');
    expect(formJsonSchema(p)).toBe(formJsonSchema(p));
    expect(procedureDetail(p).form).toBe(formJsonSchema(p));
    expect(Object.isFrozen(formJsonSchema(p))).toBe(true);
  });

  it('describes input as the applicant types it: patterns, formats, labelled options', () => {
    const schema = formJsonSchema(procedure('dang-ky-khai-sinh')) as Mutable;
    const child = schema.properties.child.properties;
    expect(child.dateOfBirth).toMatchObject({
      type: 'string',
      format: 'date',
      title: 'Ngày, tháng, năm sinh',
    });
    expect(child.sex.enum).toEqual(['male', 'female']);
    expect(child.sex.oneOf).toEqual([
      { const: 'male', title: 'Nam' },
      { const: 'female', title: 'Nữ' },
    ]);
    expect(schema.properties.mother.properties.cccd.pattern).toBe('^\\d{12}$');
    expect(schema.required).toEqual(['child', 'mother', 'declarant']);
  });
});

describe('public views', () => {
  it('summarises exactly as CONTRACT.md says, nationalCode left out when unknown', () => {
    expect(procedureSummary(procedure('cap-phieu-ly-lich-tu-phap'))).toEqual({
      id: 'cap-phieu-ly-lich-tu-phap',
      name: {
        vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
        en: 'Judicial record certificate for Vietnamese citizens and foreigners residing in Vietnam',
      },
      agency: {
        id: 'so-tu-phap-ninh-binh',
        code: '000.00.15.H42',
        name: { vi: 'Sở Tư pháp tỉnh Ninh Bình', en: 'Ninh Bình Department of Justice' },
      },
      level: 4,
      fee: { amount: 200_000, currency: 'VND' },
      processingDays: 10,
    });
    expect(procedureSummary(procedure('dang-ky-khai-sinh'))).toMatchObject({
      nationalCode: '1.001193',
      level: 4,
      fee: null,
      processingDays: 1,
    });
  });

  it('details steps, legal basis, result, form, documents and the Decree 42/2022 level names', () => {
    const detail = procedureDetail(procedure('dang-ky-ket-hon'));
    // Written out from the marriage registration's published page (Luật Hộ tịch 2014), not from the code.
    expect(detail).toMatchObject({
      id: 'dang-ky-ket-hon',
      nationalCode: '1.000894',
      name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
      agency: {
        id: 'ubnd-xa-gia-sinh',
        code: '000.21.38.H42',
        name: { vi: 'Ủy ban nhân dân xã Gia Sinh', en: "Gia Sinh Commune People's Committee" },
      },
      level: 3,
      fee: null,
      processingDays: 5,
      legalBasis: [
        'Luật Hôn nhân và gia đình số 52/2014/QH13',
        'Luật Hộ tịch số 60/2014/QH13',
        'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
        'Nghị định số 87/2020/NĐ-CP quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến',
        'Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP',
      ],
      resultDelivery: {
        methods: ['in_person'],
        result: {
          vi: 'Giấy chứng nhận kết hôn (mỗi bên một bản chính)',
          en: 'Marriage certificate (one original for each spouse)',
        },
      },
      serviceLevelName: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partial online public service' },
      where: {
        vi: 'Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên (Điều 17 Luật Hộ tịch).',
        en: "The People's Committee of the commune where either of the two resides (Law on Civil Status, art. 17).",
        address: {
          vi: 'Bộ phận Một cửa xã Gia Sinh, huyện Gia Viễn, tỉnh Ninh Bình',
          en: 'One-stop desk of Gia Sinh commune, Gia Viễn district, Ninh Bình province',
        },
      },
    });
    expect(detail.steps).toHaveLength(3);
    expect(detail.steps[0]).toEqual({
      vi: 'Một trong hai bên nộp tờ khai đăng ký kết hôn trực tuyến, có thông tin của cả hai bên.',
      en: 'One of the two submits the marriage registration form online, with the details of both.',
    });
    expect(detail.steps[2]!.en).toBe(
      "Both come to the commune People's Committee together and sign the register and the certificate; the commune chairperson hands them the marriage certificate.",
    );
    expect(detail.documents).toHaveLength(1);
    expect(detail.documents[0]).toEqual({
      type: 'marital-status-certificate',
      name: {
        vi: 'Giấy xác nhận tình trạng hôn nhân (khi đăng ký kết hôn ở xã không phải nơi thường trú của mình và thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử)',
        en: 'Certificate of marital status (when marrying in a commune other than your place of permanent residence and the record is not in the electronic civil status database)',
      },
      required: false,
      accept: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'],
      maxBytes: 10 * 1024 * 1024,
      maxFiles: 2,
      copies: { originals: 1, copies: 0 },
    });
    expect(procedureDetail(procedure('dang-ky-khai-sinh')).serviceLevelName.vi).toBe(
      'Dịch vụ công trực tuyến toàn trình',
    );
    expect(() => JSON.stringify(detail)).not.toThrow();
  });
});

describe('search', () => {
  const ids = (q?: string) => searchProcedures(q).map((p) => p.id);

  it.each(['ho kinh doanh', 'HỘ KINH DOANH', 'household business', '  Hộ   kinh doanh '])(
    '"%s" finds the household business',
    (q) => {
      expect(ids(q)).toEqual(['dang-ky-thanh-lap-ho-kinh-doanh']);
    },
  );

  it('ignores diacritics and đ in both directions', () => {
    expect(ids('dang ky khai sinh')).toEqual(['dang-ky-khai-sinh']);
    expect(ids('ĐĂNG KÝ KẾT HÔN')).toEqual(['dang-ky-ket-hon']);
    expect(ids('ly lich tu phap')).toEqual(['cap-phieu-ly-lich-tu-phap']);
    expect(ids('building permit')).toEqual(['cap-giay-phep-xay-dung-nha-o-rieng-le']);
  });

  it('needs every word, finds national codes, and lists all without a query', () => {
    expect(ids('kinh doanh khai sinh')).toEqual([]);
    expect(ids('1.001193')).toEqual(['dang-ky-khai-sinh']);
    expect(ids('')).toEqual(procedures.map((p) => p.id));
    expect(ids()).toEqual(procedures.map((p) => p.id));
    expect(ids('đăng ký')).toEqual([
      'dang-ky-khai-sinh',
      'dang-ky-ket-hon',
      'dang-ky-thanh-lap-ho-kinh-doanh',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Message keys: every key a schema can raise must have a text in both languages.

/** Keys attached to zod schemas and checks (`{ error: 'key' }`), found by walking each form's definition. */
function keysInSchema(root: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const probe = { code: 'custom', input: 'x', path: [] };
  const visit = (schema: unknown) => {
    if (!schema || seen.has(schema)) return;
    seen.add(schema);
    const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    for (const holder of [
      def,
      ...((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map(
        (c) => c._zod.def,
      ),
    ]) {
      if (typeof holder.error === 'function') {
        const out = (holder.error as (i: unknown) => unknown)(probe);
        const message = typeof out === 'string' ? out : (out as { message?: string } | undefined)?.message;
        if (message) keys.add(message);
      }
    }
    const shape = def.shape as Record<string, unknown> | undefined;
    for (const child of [
      ...Object.values(shape ?? {}),
      def.element,
      def.innerType,
      def.in,
      def.out,
      def.keyType,
      def.valueType,
      ...((def.options as unknown[] | undefined) ?? []),
    ]) {
      visit(child);
    }
  };
  visit(root);
  return keys;
}

/** Keys written in the schema sources, e.g. inside `addKeyedIssue(ctx, path, 'marriage.groomUnderAge')`. */
function keysInSources(): Set<string> {
  const dir = join(process.cwd(), 'schemas');
  const files = [
    ...readdirSync(dir).map((f) => join(dir, f)),
    ...readdirSync(join(dir, 'procedures')).map((f) => join(dir, 'procedures', f)),
  ].filter((f) => f.endsWith('.ts') && !f.endsWith('messages.ts'));
  const keys = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z][A-Za-z]*\.[a-z][A-Za-z]*)'/g))
      keys.add(m[1]!);
  }
  return keys;
}

describe('message keys', () => {
  it('every key attached to a form has Vietnamese and English text', () => {
    const found = new Set<string>();
    for (const p of procedures) for (const k of keysInSchema(p.form)) found.add(k);
    expect(found).toContain('cccd.format');
    expect(found).toContain('phone.invalid');
    expect(found).toContain('taxCode.checkDigit');
    expect(found).toContain('business.industryCode');
    for (const k of found) {
      expect(isMessageKey(k), k).toBe(true);
      if (isMessageKey(k)) {
        expect(MESSAGES[k].vi).not.toBe('');
        expect(MESSAGES[k].en).not.toBe('');
      }
    }
  });

  it('every key written in the schema sources (cross-field checks included) has text', () => {
    const found = keysInSources();
    expect(found).toContain('marriage.groomUnderAge');
    expect(found).toContain('building.footprintExceedsLand');
    for (const k of found) expect(isMessageKey(k), k).toBe(true);
  });
});
