// The form engine's controls: each field of a JSON Schema as GOV.UK's pattern for its kind (text input, date input
// of day, month and year, radios or a select, a checkbox, fieldsets for objects, "add another" for lists), and the
// answer read back from a control when it changes.
import { type Attributes, type Child, classes, h, type VElement } from './html';
import { fill } from './page-texts';
import {
  type Answers,
  type FieldSchema,
  type FormLocale,
  type FormStep,
  fieldId,
  getAt,
  joinPath,
  kindOf,
  optionsOf,
  parseNumber,
  setAt,
} from './schema-form';

export interface RenderOptions {
  readonly locale: FormLocale;
  readonly data: Answers;
  /** Messages beside the fields, by path. */
  readonly errors: ReadonlyMap<string, string>;
}

/** At most this many options are radios (visible at once); more make a select. */
const MAX_RADIOS = 6;

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function errorMessage(id: string, message: string | undefined, locale: FormLocale): VElement {
  return h(
    'p',
    { id: `${id}-error`, class: 'error-message' },
    message ? [h('span', { class: 'visually-hidden' }, `${locale.texts.errorPrefix} `), message] : '',
  );
}

function label(schema: FieldSchema, key: string, required: boolean, locale: FormLocale): Child[] {
  return [schema.title ?? key, required ? '' : ` ${locale.texts.optional}`];
}

/** `Household member` → `household member`, but `CCCD number` stays. */
const lowerFirst = (text: string) =>
  text.charAt(1) && text.charAt(1) !== text.charAt(1).toLowerCase()
    ? text
    : text.charAt(0).toLowerCase() + text.slice(1);

/** The keyboard a phone shows: digits for CCCD and codes, the phone pad for phone numbers. */
function inputHints(schema: FieldSchema): Attributes {
  const pattern = schema.pattern ?? '';
  if (pattern.includes('\\+84')) return { type: 'tel', inputmode: 'tel', autocomplete: 'tel' };
  if (schema.format === 'email')
    return { type: 'email', inputmode: 'email', autocomplete: 'email', spellcheck: 'false' };
  if (/^\^\\d\{\d+\}\$$/.test(pattern))
    return { inputmode: 'numeric', spellcheck: 'false', autocomplete: 'off' };
  if (pattern.startsWith('^\\d')) return { spellcheck: 'false', autocomplete: 'off' };
  return {};
}

function group(error: string | undefined, ...children: Child[]): VElement {
  return h('div', { class: classes('form-group', error && 'form-group--error') }, ...children);
}

function textControl(path: string, key: string, schema: FieldSchema, required: boolean, o: RenderOptions) {
  const id = fieldId(path);
  const error = o.errors.get(path);
  const kind = kindOf(schema);
  const value = getAt(o.data, path);
  const hint = schema.description ? `${id}-hint` : undefined;
  const common = {
    id,
    class: classes('input', (kind === 'integer' || kind === 'number') && 'input--number'),
    'data-path': path,
    'data-kind': kind,
    'aria-describedby': describedBy(hint, `${id}-error`),
    'aria-invalid': error ? 'true' : undefined,
  };
  const control =
    kind === 'textarea'
      ? h('textarea', { ...common, rows: 4 }, value === undefined ? '' : String(value))
      : h('input', {
          type: 'text',
          ...common,
          ...(kind === 'integer'
            ? { inputmode: 'numeric' }
            : kind === 'number'
              ? { inputmode: 'decimal' }
              : inputHints(schema)),
          value: value === undefined ? '' : String(value),
        });
  return group(
    error,
    h('label', { class: 'label', for: id }, label(schema, key, required, o.locale)),
    hint ? h('div', { id: hint, class: 'hint' }, schema.description) : null,
    errorMessage(id, error, o.locale),
    control,
  );
}

function fieldset(
  id: string,
  legend: Child,
  hint: string | undefined,
  error: string | undefined,
  locale: FormLocale,
  ...children: Child[]
) {
  return h(
    'div',
    { class: classes('form-group', error && 'form-group--error') },
    h(
      'fieldset',
      { class: 'fieldset', 'aria-describedby': describedBy(hint && `${id}-hint`, `${id}-error`) },
      h('legend', { class: 'fieldset__legend' }, legend),
      hint ? h('div', { id: `${id}-hint`, class: 'hint' }, hint) : null,
      errorMessage(id, error, locale),
      ...children,
    ),
  );
}

function dateControl(path: string, key: string, schema: FieldSchema, required: boolean, o: RenderOptions) {
  const id = fieldId(path);
  const text = o.locale.texts;
  const error = o.errors.get(path);
  const monthOnly = kindOf(schema) === 'month';
  const [year = '', month = '', day = ''] = String(getAt(o.data, path) ?? '').split('-');
  const part = (name: 'day' | 'month' | 'year', value: string, first: boolean) => {
    const partId = first ? id : `${id}-${name}`;
    return h(
      'div',
      { class: 'date-input__item' },
      h('label', { class: 'label date-input__label', for: partId }, text[name]),
      h('input', {
        id: partId,
        type: 'text',
        inputmode: 'numeric',
        class: classes('input', name === 'year' ? 'input--year' : 'input--2'),
        'data-path': path,
        'data-part': name,
        'aria-invalid': error ? 'true' : undefined,
        autocomplete: 'off',
        value: value.replace(/^0(?=\d)/, ''),
      }),
    );
  };
  const hint = [monthOnly ? text.monthHint : text.dateHint, schema.description].filter(Boolean).join('. ');
  return fieldset(
    id,
    label(schema, key, required, o.locale),
    hint,
    error,
    o.locale,
    h(
      'div',
      { class: 'date-input' },
      monthOnly ? null : part('day', day, true),
      part('month', month, monthOnly),
      part('year', year, false),
    ),
  );
}

function choiceControl(path: string, key: string, schema: FieldSchema, required: boolean, o: RenderOptions) {
  const id = fieldId(path);
  const error = o.errors.get(path);
  const value = String(getAt(o.data, path) ?? '');
  const options = optionsOf(schema);
  if (options.length > MAX_RADIOS) {
    return group(
      error,
      h('label', { class: 'label', for: id }, label(schema, key, required, o.locale)),
      schema.description ? h('div', { id: `${id}-hint`, class: 'hint' }, schema.description) : null,
      errorMessage(id, error, o.locale),
      h(
        'select',
        {
          id,
          class: 'input',
          'data-path': path,
          'aria-describedby': describedBy(schema.description && `${id}-hint`, `${id}-error`),
          'aria-invalid': error ? 'true' : undefined,
        },
        h('option', { value: '' }, o.locale.texts.choose),
        options.map((option) =>
          h('option', { value: option.value, selected: option.value === value }, option.label),
        ),
      ),
    );
  }
  return fieldset(
    id,
    label(schema, key, required, o.locale),
    schema.description,
    error,
    o.locale,
    h(
      'div',
      { class: 'radios' },
      options.map((option, i) => {
        const optionId = i === 0 ? id : `${id}-${i}`;
        return h(
          'div',
          { class: 'radios__item' },
          h('input', {
            id: optionId,
            type: 'radio',
            class: 'radios__input',
            name: id,
            value: option.value,
            checked: option.value === value,
            'data-path': path,
          }),
          h('label', { class: 'radios__label', for: optionId }, option.label),
        );
      }),
    ),
  );
}

function booleanControl(path: string, key: string, schema: FieldSchema, o: RenderOptions) {
  const id = fieldId(path);
  const error = o.errors.get(path);
  return group(
    error,
    errorMessage(id, error, o.locale),
    h(
      'div',
      { class: 'checkbox' },
      h('input', {
        id,
        type: 'checkbox',
        class: 'checkbox__input',
        checked: getAt(o.data, path) === true,
        'data-path': path,
        'aria-describedby': describedBy(schema.description && `${id}-hint`, `${id}-error`),
      }),
      h('label', { class: 'checkbox__label', for: id }, schema.title ?? key),
      schema.description
        ? h('div', { id: `${id}-hint`, class: 'hint checkbox__hint' }, schema.description)
        : null,
    ),
  );
}

function listControl(
  path: string,
  key: string,
  schema: FieldSchema,
  required: boolean,
  o: RenderOptions,
  asPage: boolean,
) {
  const id = fieldId(path);
  const text = o.locale.texts;
  const item = schema.items ?? {};
  const itemTitle = item.title ?? schema.title ?? key;
  const answers = getAt(o.data, path);
  // A list the form requires starts with the items it must have, ready to fill.
  const count = Math.max(Array.isArray(answers) ? answers.length : 0, required ? (schema.minItems ?? 0) : 0);
  const items = Array.from({ length: count }, (_, i) => {
    const itemPath = joinPath(path, i);
    const legend = `${itemTitle} ${i + 1}`;
    return h(
      'div',
      { class: 'list-item', id: `${fieldId(itemPath)}-item` },
      kindOf(item) === 'object'
        ? fieldset(
            fieldId(itemPath),
            legend,
            undefined,
            o.errors.get(itemPath),
            o.locale,
            fields(item, itemPath, o),
          )
        : field(itemPath, legend, item, true, o),
      h(
        'button',
        { type: 'button', class: 'button--secondary', 'data-action': 'remove', 'data-path': itemPath },
        text.remove,
        h('span', { class: 'visually-hidden' }, ` ${legend}`),
      ),
    );
  });
  const error = o.errors.get(path);
  return h(
    'div',
    { class: classes('form-group', error && 'form-group--error'), id, tabindex: '-1' },
    asPage ? null : h('h2', { class: 'list-title' }, schema.title ?? key),
    schema.description ? h('p', { class: 'hint' }, schema.description) : null,
    errorMessage(id, error, o.locale),
    items,
    count < (schema.maxItems ?? 50)
      ? h(
          'button',
          { type: 'button', class: 'button--secondary', 'data-action': 'add', 'data-path': path },
          fill(text.add, { what: lowerFirst(itemTitle) }),
        )
      : null,
  );
}

function field(
  path: string,
  key: string,
  schema: FieldSchema,
  required: boolean,
  o: RenderOptions,
  asPage = false,
): Child {
  switch (kindOf(schema)) {
    case 'object':
      return fieldset(
        fieldId(path),
        label(schema, key, required, o.locale),
        schema.description,
        o.errors.get(path),
        o.locale,
        fields(schema, path, o),
      );
    case 'array':
      return listControl(path, key, schema, required, o, asPage);
    case 'date':
    case 'month':
      return dateControl(path, key, schema, required, o);
    case 'choice':
      return choiceControl(path, key, schema, required, o);
    case 'boolean':
      return booleanControl(path, key, schema, o);
    default:
      return textControl(path, key, schema, required, o);
  }
}

/** The controls of every property of `schema`, at `base` in the answers. */
export function fields(schema: FieldSchema, base: string, o: RenderOptions): Child[] {
  const required = new Set(schema.required ?? []);
  const only = Object.keys(schema.properties ?? {}).length === 1;
  return Object.entries(schema.properties ?? {}).map(([key, child]) =>
    field(joinPath(base, key), key, child, required.has(key), o, only && kindOf(child) === 'array'),
  );
}

/** A page of the form: its fields (the page's heading is its caller's). */
export function stepFields(step: FormStep, o: RenderOptions): Child[] {
  return fields(step.schema, step.base, o);
}

/** One field alone, by its path (a supplement asks for a few fields of the form, each in its place). */
export function singleField(root: FieldSchema, path: string, o: RenderOptions): Child {
  const segments = path.split('.');
  let node: FieldSchema | undefined = root;
  let parent: FieldSchema | undefined;
  for (const segment of path.replace(/\[\d+\]/g, '').split('.')) {
    while (node?.type === 'array') node = node.items;
    parent = node;
    node = node?.properties?.[segment];
  }
  if (!node) return null;
  const key = segments[segments.length - 1]!;
  return field(path, key, node, (parent?.required ?? []).includes(key.replace(/\[\d+\]$/, '')), o);
}

// ---- Reading answers back ----

/**
 * Stores the answer of the control that changed (`event.target`) into `data` and returns its path, or null for an
 * element that is not a field's control. A date's parts make `YYYY-MM-DD` (or `YYYY-MM`); a number that does not
 * parse is kept as typed, so that the check can say so and the draft keeps it.
 */
export function readControl(target: EventTarget | null, data: Answers): string | null {
  if (!(target instanceof HTMLElement)) return null;
  const path = target.dataset.path;
  if (!path || target.dataset.action) return null;
  if (target.dataset.part) {
    const parts: Record<string, string> = {};
    const container = target.closest('.date-input');
    for (const input of container?.querySelectorAll<HTMLInputElement>('input[data-part]') ?? []) {
      parts[input.dataset.part!] = input.value.trim();
    }
    const two = (s: string | undefined) => (s && /^\d$/.test(s) ? `0${s}` : (s ?? ''));
    const monthOnly = parts.day === undefined;
    const empty = !parts.year && !parts.month && !parts.day;
    setAt(
      data,
      path,
      empty ? undefined : [parts.year, two(parts.month), ...(monthOnly ? [] : [two(parts.day)])].join('-'),
    );
    return path;
  }
  if (target instanceof HTMLInputElement && target.type === 'checkbox') {
    setAt(data, path, target.checked);
    return path;
  }
  if (target instanceof HTMLInputElement && target.type === 'radio') {
    if (target.checked) setAt(data, path, target.value);
    return path;
  }
  const value = (target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  const kind = target.dataset.kind;
  if ((kind === 'integer' || kind === 'number') && value.trim() !== '') {
    setAt(data, path, parseNumber(value, kind === 'integer') ?? value);
  } else {
    setAt(data, path, value === '' ? undefined : value);
  }
  return path;
}

/**
 * Shows `errors` (messages by path) beside the fields already drawn in `root`, and clears the others: a refused
 * "Continue" changes a few nodes instead of drawing the page again (a step's answer stays under 100 ms on a slow
 * phone).
 */
export function showFieldErrors(
  root: Element,
  errors: ReadonlyMap<string, string>,
  locale: FormLocale,
): void {
  const wanted = new Map([...errors].map(([path, message]) => [`${fieldId(path)}-error`, { path, message }]));
  for (const box of root.querySelectorAll<HTMLElement>('.error-message[id]')) {
    const error = wanted.get(box.id);
    const group = box.closest('.form-group');
    if (!group || (!error && box.textContent === '')) continue;
    box.replaceChildren();
    if (error) {
      const prefix = document.createElement('span');
      prefix.className = 'visually-hidden';
      prefix.textContent = `${locale.texts.errorPrefix} `;
      box.append(prefix, error.message);
    }
    group.classList.toggle('form-group--error', Boolean(error));
    const path = error?.path ?? box.closest('[data-path]')?.getAttribute('data-path');
    for (const control of group.querySelectorAll('[data-path]')) {
      if (error && control.getAttribute('data-path') !== path) continue;
      if (error) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }
}
