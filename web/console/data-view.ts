// An application's data as a reader sees it: each field under its title from the procedure's JSON Schema, nested
// objects as nested lists, lists item by item, choices by their label; raw keys never shown where a title exists.
import { type Child, h } from '../lib/html';
import type { Lang } from '../lib/i18n';

type Schema = Record<string, unknown>;

const asSchema = (value: unknown): Schema | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;

/** The label of a choice (`oneOf: [{ const, title }]`), else the value itself. */
function choiceLabel(schema: Schema | undefined, value: unknown): string | undefined {
  const options = Array.isArray(schema?.oneOf) ? (schema.oneOf as Schema[]) : [];
  const found = options.find((option) => option.const === value);
  return typeof found?.title === 'string' ? found.title : undefined;
}

/** `1990-05-31` as `31/05/1990`, as Vietnamese documents write dates. */
const asDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : value;

function valueView(
  schema: Schema | undefined,
  value: unknown,
  words: { yes: string; no: string },
  lang: Lang,
): Child {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const items = asSchema(schema?.items);
    return h(
      'ol',
      { class: 'data-list' },
      value.map((item) => h('li', null, valueView(items, item, words, lang))),
    );
  }
  if (typeof value === 'object') return fieldsView(schema, value as Record<string, unknown>, words, lang);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const label = choiceLabel(schema, value);
  if (label) return h('span', { lang: lang === 'vi' ? undefined : 'vi' }, label);
  return schema?.format === 'date' && typeof value === 'string' ? asDate(value) : String(value);
}

/**
 * A `<dl>` of the object's fields in the schema's order (then any field the schema does not name), each under
 * its title. The titles are Vietnamese only: marked so on an English page.
 */
export function fieldsView(
  schema: Schema | undefined,
  data: Record<string, unknown>,
  words: { yes: string; no: string },
  lang: Lang,
): Child {
  const properties = asSchema(schema?.properties) ?? {};
  const keys = [...Object.keys(properties), ...Object.keys(data).filter((key) => !(key in properties))];
  const rows = keys
    .filter((key) => data[key] !== undefined && data[key] !== null && data[key] !== '')
    .map((key) => {
      const field = asSchema(properties[key]);
      const title = typeof field?.title === 'string' ? field.title : key;
      return h(
        'div',
        { class: 'summary-list__row' },
        h(
          'dt',
          { class: 'summary-list__key', lang: lang === 'vi' || !field?.title ? undefined : 'vi' },
          title,
        ),
        h('dd', { class: 'summary-list__value' }, valueView(field, data[key], words, lang)),
      );
    });
  return h('dl', { class: 'summary-list data-view' }, rows);
}

/** Every field of the form that can be named in a supplement request: its dotted path and its titles joined. */
export function formFields(
  schema: Schema | undefined,
  prefix = '',
  titles: string[] = [],
): { path: string; title: string }[] {
  let node = schema;
  while (node?.type === 'array') node = asSchema(node.items);
  const properties = asSchema(node?.properties);
  if (!properties) return prefix ? [{ path: prefix, title: titles.join(' – ') || prefix }] : [];
  return Object.entries(properties).flatMap(([key, value]) => {
    const field = asSchema(value);
    const title = typeof field?.title === 'string' ? field.title : key;
    return formFields(field, prefix ? `${prefix}.${key}` : key, [...titles, title]);
  });
}
