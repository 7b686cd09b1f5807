// The form engine's model: a procedure's JSON Schema (the one the API checks) as pages of fields, the answers as
// plain data addressed by the server's own paths (`child.fullName`, `business.industries[0].code`), the cheap
// checks the schema states, and answers as the "check your answers" page shows them.
import type { Lang } from './i18n';
import { fill } from './page-texts';
import type { FormTexts } from './schema-form-texts';

/** The page's language and the engine's texts in it (pages carry them in their HTML). */
export interface FormLocale {
  readonly lang: Lang;
  readonly texts: FormTexts;
}

/** The part of JSON Schema 2020-12 that the catalogue's forms use (`z.toJSONSchema`, input side). */
export interface FieldSchema {
  readonly type?: string;
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, FieldSchema>>;
  readonly required?: readonly string[];
  readonly items?: FieldSchema;
  readonly enum?: readonly unknown[];
  readonly oneOf?: readonly { readonly const?: unknown; readonly title?: string }[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export type Answers = Record<string, unknown>;

/** The control a field gets. */
export type FieldKind =
  | 'object'
  | 'array'
  | 'date'
  | 'month'
  | 'choice'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'textarea'
  | 'text';

/** The year-month pattern of `pastMonth` (schemas/validators.ts): JSON Schema has no format for it. */
const YEAR_MONTH = /^\^\\d\{4\}-/;

export function kindOf(schema: FieldSchema): FieldKind {
  if (schema.properties) return 'object';
  switch (schema.type) {
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    case 'boolean':
      return 'boolean';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
  }
  if (schema.format === 'date') return 'date';
  if (schema.pattern && YEAR_MONTH.test(schema.pattern) && schema.pattern.includes('1[0-2]')) return 'month';
  if (schema.enum || schema.oneOf) return 'choice';
  return (schema.maxLength ?? 0) >= 300 ? 'textarea' : 'text';
}

/** A choice's options with their labels (`oneOf` of `const` + `title`), else the bare `enum` values. */
export function optionsOf(schema: FieldSchema): { value: string; label: string }[] {
  if (schema.oneOf)
    return schema.oneOf.map((o) => ({ value: String(o.const), label: o.title ?? String(o.const) }));
  return (schema.enum ?? []).map((v) => ({ value: String(v), label: String(v) }));
}

// ---- Paths: the server's `errors[].path` without `data.` ----

export type Segment = string | number;

export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return segments;
}

export const joinPath = (base: string, key: string | number) =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;

/** The id of a field's control: `f-business-industries-0-code`. */
export const fieldId = (path: string) => `f-${parsePath(path).join('-')}`;

export function getAt(data: unknown, path: string): unknown {
  let node = data;
  for (const segment of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<Segment, unknown>)[segment];
  }
  return node;
}

/** Sets the answer at `path`, making the objects and lists on the way; `undefined` removes it. */
export function setAt(data: Answers, path: string, value: unknown): void {
  const segments = parsePath(path);
  let node: Record<Segment, unknown> = data;
  segments.forEach((segment, i) => {
    if (i === segments.length - 1) {
      if (value === undefined && !Array.isArray(node)) delete node[segment];
      else node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === null || typeof next !== 'object')
      node[segment] = typeof segments[i + 1] === 'number' ? [] : {};
    node = node[segment] as Record<Segment, unknown>;
  });
}

/** The schema of the field at `path` under `root`, if the form has one. */
export function schemaAt(root: FieldSchema, path: string): FieldSchema | undefined {
  let node: FieldSchema | undefined = root;
  for (const segment of parsePath(path)) {
    node = typeof segment === 'number' ? node?.items : node?.properties?.[segment];
  }
  return node;
}

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0);

/**
 * The answers as the API takes them: text trimmed, empty answers and objects left with nothing in them dropped
 * (an optional person the applicant left blank is absent, not an object of empty strings).
 */
export function pruneAnswers(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) return value.map(pruneAnswers).map((item) => item ?? {});
  if (value && typeof value === 'object') {
    const out: Answers = {};
    for (const [key, child] of Object.entries(value)) {
      const pruned = pruneAnswers(child);
      if (!isEmpty(pruned)) out[key] = pruned;
    }
    return out;
  }
  return value;
}

// ---- Pages ----

export interface FormStep {
  /** Its name in the address (`?step=child`): a top-level property, or `more` for the loose fields. */
  readonly id: string;
  readonly title: string;
  readonly hint?: string;
  /** An object whose properties are the page's fields, at `base` in the answers ('' for the top level). */
  readonly schema: FieldSchema;
  readonly base: string;
  /** The applicant may leave the whole page empty (an optional person). */
  readonly optional: boolean;
}

/**
 * The form's pages: one per top-level section (an object or a list), and one for the loose top-level fields
 * between them, in the schema's order.
 */
export function formSteps(form: FieldSchema, locale: FormLocale): FormStep[] {
  const steps: FormStep[] = [];
  const required = new Set(form.required ?? []);
  let loose: Record<string, FieldSchema> = {};
  const flushLoose = () => {
    const keys = Object.keys(loose);
    if (keys.length === 0) return;
    const only = keys.length === 1 ? loose[keys[0]!] : undefined;
    steps.push({
      id: steps.some((s) => s.id === 'more') ? `more${steps.length}` : 'more',
      title: only?.title ?? locale.texts.more,
      schema: { type: 'object', properties: loose, required: keys.filter((k) => required.has(k)) },
      base: '',
      optional: false,
    });
    loose = {};
  };
  for (const [key, schema] of Object.entries(form.properties ?? {})) {
    const kind = kindOf(schema);
    if (kind === 'object') {
      flushLoose();
      steps.push({
        id: key,
        title: schema.title ?? key,
        ...(schema.description ? { hint: schema.description } : {}),
        schema,
        base: key,
        optional: !required.has(key),
      });
    } else if (kind === 'array') {
      flushLoose();
      steps.push({
        id: key,
        title: schema.title ?? key,
        schema: {
          type: 'object',
          properties: { [key]: { ...schema, title: schema.title ?? key } },
          required: required.has(key) ? [key] : [],
        },
        base: '',
        optional: !required.has(key),
      });
    } else {
      loose[key] = schema;
    }
  }
  flushLoose();
  return steps;
}

/** The step that shows the field at `path`. */
export function stepOfPath(steps: readonly FormStep[], path: string): FormStep | undefined {
  const first = parsePath(path)[0];
  return steps.find((step) =>
    step.base ? step.base === first : Object.hasOwn(step.schema.properties ?? {}, String(first)),
  );
}

// ---- Cheap checks of what the schema says; the server is the judge ----

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

const realDate = (year: number, month: number, day: number) => {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
};

/** A number as people type it: `12,5` or `12.5`; thousands grouped by dots or spaces in whole numbers. */
export function parseNumber(text: string, integer: boolean): number | null {
  const compact = text.replace(/\s/g, '');
  const normal = integer ? compact.replace(/[.,](?=\d{3}(\D|$))/g, '') : compact.replace(',', '.');
  if (!(integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(normal)) return null;
  return Number(normal);
}

function formatLimit(n: number, lang: Lang) {
  return lang === 'vi' ? String(n).replace('.', ',') : String(n);
}

function leafErrors(
  schema: FieldSchema,
  value: unknown,
  { lang, texts: text }: FormLocale,
): string | undefined {
  const kind = kindOf(schema);
  if (kind === 'date' || kind === 'month') {
    const [year = '', month = '', day = ''] = String(value).split('-');
    if (!year || !month || (kind === 'date' && !day))
      return kind === 'date' ? text.dateParts : text.monthParts;
    if (!/^\d{4}$/.test(year) || !realDate(Number(year), Number(month), kind === 'date' ? Number(day) : 1)) {
      return text.dateInvalid;
    }
    return undefined;
  }
  if (kind === 'integer' || kind === 'number') {
    if (typeof value !== 'number' || (kind === 'integer' && !Number.isInteger(value))) {
      return kind === 'integer' ? text.integer : text.number;
    }
    if (schema.minimum !== undefined && value < schema.minimum)
      return fill(text.minimum, { n: formatLimit(schema.minimum, lang) });
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
      return fill(text.above, { n: formatLimit(schema.exclusiveMinimum, lang) });
    }
    if (schema.maximum !== undefined && value > schema.maximum)
      return fill(text.maximum, { n: formatLimit(schema.maximum, lang) });
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (schema.minLength !== undefined && schema.minLength > 1 && [...trimmed].length < schema.minLength) {
    return fill(text.minLength, { n: schema.minLength });
  }
  if (schema.maxLength !== undefined && [...trimmed].length > schema.maxLength)
    return fill(text.maxLength, { n: schema.maxLength });
  if (schema.pattern) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(schema.pattern, 'u');
    } catch {
      // A pattern this browser cannot read is left to the server.
    }
    if (pattern && !pattern.test(trimmed.normalize('NFC'))) {
      return schema.description ? `${text.format}. ${schema.description}` : text.format;
    }
  }
  return undefined;
}

/**
 * What is wrong with the answers under `base` (an object of `schema`), every field at once: what is required and
 * missing, and each answer against its type, pattern, length and limits. An optional object left empty is fine.
 */
export function checkAnswers(
  schema: FieldSchema,
  base: string,
  data: Answers,
  locale: FormLocale,
  optional = false,
): FieldError[] {
  const text = locale.texts;
  const errors: FieldError[] = [];
  const value = base ? getAt(data, base) : data;
  if (optional && isEmpty(pruneAnswers(value))) return errors;
  const required = new Set(schema.required ?? []);
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const path = joinPath(base, key);
    const kind = kindOf(child);
    const answer = getAt(data, path);
    const missing = isEmpty(pruneAnswers(answer));
    if (kind === 'object') {
      errors.push(...checkAnswers(child, path, data, locale, !required.has(key)));
    } else if (kind === 'array') {
      const items = Array.isArray(answer) ? answer : [];
      if ((required.has(key) || items.length > 0) && items.length < (child.minItems ?? 0)) {
        errors.push({ path, message: fill(text.minItems, { n: child.minItems ?? 0 }) });
      }
      items.forEach((_, i) => {
        const itemPath = joinPath(path, i);
        const item = child.items ?? {};
        if (kindOf(item) === 'object') errors.push(...checkAnswers(item, itemPath, data, locale));
        else if (isEmpty(pruneAnswers(getAt(data, itemPath))))
          errors.push({ path: itemPath, message: text.required });
      });
    } else if (missing) {
      if (required.has(key) && kind !== 'boolean') errors.push({ path, message: text.required });
    } else {
      const message = leafErrors(child, answer, locale);
      if (message) errors.push({ path, message });
    }
  }
  return errors;
}

/** A field's label with the headings it sits under in its page, for a message that stands on its own. */
export function fieldLabel(step: FormStep, path: string): string {
  const segments = parsePath(path);
  const relative = step.base ? segments.slice(parsePath(step.base).length) : segments;
  const names: string[] = [];
  let node: FieldSchema | undefined = step.schema;
  for (const segment of relative) {
    node = typeof segment === 'number' ? node?.items : node?.properties?.[segment];
    if (typeof segment === 'number') {
      const list = names.pop();
      names.push(`${node?.title ?? list ?? ''} ${segment + 1}`.trim());
    } else names.push(node?.title ?? String(segment));
  }
  return names.join(' › ') || step.title;
}
