// The form engine's model on its own: a procedure's JSON Schema as pages and controls, answers by the server's
// paths, the cheap checks (which must agree with the API's on what they judge), and answers as people read them.
import { describe, expect, it } from 'vitest';
import { findProcedure, procedures, validateApplicationData } from '../../schemas/catalogue';
import { applyPageData } from '../../web/apply/page';
import {
  type Answers,
  checkAnswers,
  type FieldSchema,
  type FormLocale,
  fieldId,
  fieldLabel,
  formSteps,
  getAt,
  kindOf,
  parseNumber,
  parsePath,
  pruneAnswers,
  schemaAt,
  setAt,
  stepOfPath,
} from '../../web/lib/schema-form';
import { answerRows, displayValue } from '../../web/lib/schema-form-answers';
import { FORM_TEXTS } from '../../web/lib/schema-form-texts';

const vi: FormLocale = { lang: 'vi', texts: FORM_TEXTS.vi };
const en: FormLocale = { lang: 'en', texts: FORM_TEXTS.en };
const formOf = (id: string, lang: 'vi' | 'en' = 'vi') => applyPageData(id, lang).form;
const exampleOf = (id: string) => structuredClone(findProcedure(id)!.examples[0]) as Answers;

/** Every problem of every page, as the wizard checks before submitting. */
function checkAll(form: FieldSchema, data: Answers, locale: FormLocale = vi) {
  return formSteps(form, locale).flatMap((step) =>
    checkAnswers(step.schema, step.base, data, locale, step.optional),
  );
}

describe('paths', () => {
  it('reads and writes answers by the API’s own paths, making lists and objects on the way', () => {
    expect(parsePath('business.industries[1].code')).toEqual(['business', 'industries', 1, 'code']);
    const data: Answers = {};
    setAt(data, 'business.industries[1].code', '5610');
    expect(data).toEqual({ business: { industries: [undefined, { code: '5610' }] } });
    expect(getAt(data, 'business.industries[1].code')).toBe('5610');
    setAt(data, 'business.industries[1].code', undefined);
    expect(getAt(data, 'business.industries[1]')).toEqual({});
    expect(fieldId('business.industries[1].code')).toBe('f-business-industries-1-code');
  });

  it('prunes blank answers and objects left empty, and trims text', () => {
    expect(pruneAnswers({ a: '  x ', b: '', c: { d: '' }, e: [{ f: ' ' }], g: 0, h: false })).toEqual({
      a: 'x',
      e: [{}],
      g: 0,
      h: false,
    });
  });

  it('reads numbers as people type them', () => {
    expect(parseNumber('50.000.000', true)).toBe(50_000_000);
    expect(parseNumber('12 500', true)).toBe(12_500);
    expect(parseNumber('12,5', false)).toBe(12.5);
    expect(parseNumber('12.5', false)).toBe(12.5);
    expect(parseNumber('12,5', true)).toBeNull();
    expect(parseNumber('mười', false)).toBeNull();
  });
});

describe('pages and controls', () => {
  it('makes one page per top-level section and one for the loose fields, in the form’s order', () => {
    expect(formSteps(formOf('dang-ky-khai-sinh'), vi).map((s) => [s.id, s.title, s.optional])).toEqual([
      ['child', 'Thông tin của trẻ', false],
      ['mother', 'Thông tin của mẹ', false],
      ['father', 'Thông tin của cha', true],
      ['declarant', 'Người đi khai sinh', false],
    ]);
    expect(formSteps(formOf('cap-phieu-ly-lich-tu-phap'), vi).map((s) => s.id)).toEqual([
      'requester',
      'family',
      'residenceHistory',
      'more',
    ]);
    // A page of one loose field is titled by it, in English too.
    expect(formSteps(formOf('dang-ky-ket-hon', 'en'), en).map((s) => s.title)).toEqual([
      'The man',
      'The woman',
      'Contact phone number',
    ]);
  });

  it('gives each field the control of its kind', () => {
    const form = formOf('cap-phieu-ly-lich-tu-phap');
    const kind = (path: string) => kindOf(schemaAt(form, path)!);
    expect(kind('requester')).toBe('object');
    expect(kind('requester.dateOfBirth')).toBe('date');
    expect(kind('residenceHistory[0].from')).toBe('month');
    expect(kind('requester.sex')).toBe('choice');
    expect(kind('copies')).toBe('integer');
    expect(kind('confirmManagementBan')).toBe('boolean');
    expect(kind('residenceHistory')).toBe('array');
    expect(kind('purpose')).toBe('textarea');
    expect(kind('requester.cccd')).toBe('text');
    expect(kindOf(schemaAt(formOf('cap-giay-phep-xay-dung-nha-o-rieng-le'), 'construction.heightM')!)).toBe(
      'number',
    );
  });
});

describe('cheap checks', () => {
  it.each(procedures.map((p) => [p.id] as const))('find nothing wrong with the example of %s', (id) => {
    expect(checkAll(formOf(id), exampleOf(id))).toEqual([]);
  });

  it('list every required field of a page left empty, and let an optional person be left out', () => {
    const form = formOf('dang-ky-khai-sinh');
    const steps = formSteps(form, vi);
    const child = steps[0]!;
    expect(checkAnswers(child.schema, child.base, {}, vi).map((e) => e.path)).toEqual([
      'child.fullName',
      'child.sex',
      'child.dateOfBirth',
      'child.placeOfBirth',
      'child.ethnicity',
      'child.nationality',
    ]);
    const father = steps[2]!;
    expect(checkAnswers(father.schema, father.base, {}, vi, father.optional)).toEqual([]);
    // Begun, an optional person must be complete.
    const begun = { father: { fullName: 'Trần Văn Hùng' } };
    expect(checkAnswers(father.schema, father.base, begun, vi, father.optional).map((e) => e.path)).toContain(
      'father.dateOfBirth',
    );
  });

  /** Answers the page checks and the API checks alike: both must refuse them, at the same path. */
  const mutations: [string, string, unknown][] = [
    ['dang-ky-khai-sinh', 'mother.cccd', '03719500456'],
    ['dang-ky-khai-sinh', 'declarant.phone', '0212345678'],
    ['dang-ky-khai-sinh', 'child.fullName', 'Nguyễn Văn 3'],
    ['dang-ky-khai-sinh', 'child.dateOfBirth', '2025-02-30'],
    ['dang-ky-khai-sinh', 'child.dateOfBirth', '2025-02-'],
    ['dang-ky-thanh-lap-ho-kinh-doanh', 'business.industries[0].code', '561'],
    ['dang-ky-thanh-lap-ho-kinh-doanh', 'business.capital', 'năm triệu'],
    ['dang-ky-thanh-lap-ho-kinh-doanh', 'business.capital', 0],
    ['dang-ky-thanh-lap-ho-kinh-doanh', 'owner.email', 'khong-phai-email'],
    ['cap-giay-phep-xay-dung-nha-o-rieng-le', 'construction.floors', 31],
    ['cap-giay-phep-xay-dung-nha-o-rieng-le', 'land.areaM2', 'nhiều'],
    ['cap-phieu-ly-lich-tu-phap', 'residenceHistory[0].from', '2019-13'],
    ['cap-phieu-ly-lich-tu-phap', 'copies', 1.5],
  ];

  it.each(mutations)('in %s, refuse %s = %j as the API does', (id, path, value) => {
    const data = exampleOf(id);
    setAt(data, path, value);
    const page = checkAll(formOf(id), data).map((e) => e.path);
    expect(page).toContain(path);
    const server = validateApplicationData(findProcedure(id)!, data, 'vi');
    expect(server.ok).toBe(false);
    expect(server.ok ? [] : server.errors.map((e) => e.path)).toContain(`data.${path}`);
  });

  it('say why in the page’s language, a pattern with the field’s own description', () => {
    const form = formOf('dang-ky-khai-sinh', 'en');
    const data = exampleOf('dang-ky-khai-sinh');
    setAt(data, 'mother.cccd', '12');
    const [error] = checkAll(form, data, en);
    expect(error).toEqual({
      path: 'mother.cccd',
      message:
        'Not in the right format. Leave empty if this person has no personal identification number yet',
    });
  });

  it('ask for at least the items a list must have', () => {
    const form = formOf('cap-phieu-ly-lich-tu-phap');
    const data = exampleOf('cap-phieu-ly-lich-tu-phap');
    data.residenceHistory = [];
    expect(checkAll(form, data)).toEqual([
      { path: 'residenceHistory', message: 'Cần kê khai ít nhất 1 mục' },
    ]);
  });
});

describe('answers as people read them', () => {
  it('labels every answer with the headings it sits under, and shows choices, dates and numbers readably', () => {
    const form = formOf('dang-ky-thanh-lap-ho-kinh-doanh');
    const data = exampleOf('dang-ky-thanh-lap-ho-kinh-doanh');
    const steps = formSteps(form, vi);
    const business = steps.find((s) => s.id === 'business')!;
    const rows = answerRows(business.schema, business.base, data, vi);
    expect(rows.find((r) => r.path === 'business.capital')?.value).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(rows.find((r) => r.path === 'business.industries[0].code')?.label).toBe(
      'Ngành, nghề kinh doanh 1 › Mã ngành',
    );
    const owner = steps.find((s) => s.id === 'owner')!;
    const ownerRows = answerRows(owner.schema, owner.base, data, vi);
    expect(ownerRows.find((r) => r.path === 'owner.sex')?.value).toMatch(/^(Nam|Nữ)$/);
    expect(ownerRows.find((r) => r.path === 'owner.dateOfBirth')?.value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(ownerRows.find((r) => r.path === 'owner.residence.commune')?.label).toBe(
      'Nơi thường trú › Xã, phường, thị trấn',
    );
    expect(fieldLabel(business, 'business.industries[0].code')).toBe('Ngành, nghề kinh doanh 1 › Mã ngành');
    expect(stepOfPath(steps, 'business.industries[0].code')).toBe(business);
    expect(displayValue({ type: 'boolean' }, true, en)).toBe('Yes');
    expect(displayValue({ type: 'number' }, 1234.5, vi)).toBe('1.234,5');
  });
});
