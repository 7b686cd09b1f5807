// The forms' English labels: every title and description of every procedure's form has one, and the English copy
// of a form is the same form with its labels in English.
import { describe, expect, it } from 'vitest';
import { formJsonSchema, procedures } from '../../schemas/catalogue';
import { FORM_ENGLISH, formTexts, localizeFormSchema } from '../../schemas/form-english';

describe.each(procedures.map((p) => [p.id, p] as const))('the form of %s in English', (_, procedure) => {
  const schema = formJsonSchema(procedure);
  const { title: _title, ...form } = schema;

  it('has an English text for every title and description', () => {
    const texts = formTexts(form);
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((text) => !(text in FORM_ENGLISH))).toEqual([]);
  });

  it('is the same form with English labels and no examples; the Vietnamese copy is the form itself', () => {
    const english = localizeFormSchema(form, 'en') as Record<string, unknown>;
    expect(english.examples).toBeUndefined();
    const labels = formTexts(english);
    expect(labels).toEqual(formTexts(form).map((text) => FORM_ENGLISH[text]));
    // Only titles and descriptions change: the rules the API checks are the same.
    const rules = (node: unknown): unknown =>
      JSON.parse(
        JSON.stringify(node, (key, value) => (key === 'title' || key === 'description' ? undefined : value)),
      );
    const { examples: _examples, ...withoutExamples } = form as Record<string, unknown>;
    expect(rules(english)).toEqual(rules(withoutExamples));
    expect(localizeFormSchema(withoutExamples, 'vi')).toEqual(withoutExamples);
  });
});

describe('the English labels', () => {
  it('are all used by some form (none left behind by a changed title)', () => {
    const used = new Set(procedures.flatMap((p) => formTexts(formJsonSchema(p))));
    // The address's own title stands under each field's; it is kept for a form that names an address plainly.
    expect(Object.keys(FORM_ENGLISH).filter((text) => !used.has(text) && text !== 'Địa chỉ')).toEqual([]);
  });
});
