// The console's form controls in the GOV.UK pattern (label, hint, error above the control, all tied together by
// aria-describedby): a text area, a select, a date, a file, and a group of checkboxes with their reasons.
import { type Attributes, type Child, classes, h, type VElement } from '../lib/html';

interface FieldOptions {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string;
  /** The label's own language, when it differs from the page's (form titles exist in Vietnamese only). */
  readonly labelLang?: string;
}

function group(options: FieldOptions, control: (describedBy: string) => VElement): VElement {
  const { id } = options;
  const describedBy = [options.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return h(
    'div',
    { class: classes('form-group', options.error && 'form-group--error') },
    h('label', { class: 'label', for: id, lang: options.labelLang }, options.label),
    options.hint ? h('div', { id: `${id}-hint`, class: 'hint' }, options.hint) : null,
    h('p', { id: `${id}-error`, class: 'error-message' }, options.error ?? ''),
    control(describedBy),
  );
}

const invalid = (error?: string) => (error ? 'true' : undefined);

export function textareaField(options: FieldOptions & { readonly value?: string; readonly rows?: number }) {
  return group(options, (describedBy) =>
    h(
      'textarea',
      {
        class: 'input textarea',
        id: options.id,
        rows: options.rows ?? 3,
        maxlength: 4000,
        'aria-describedby': describedBy,
        'aria-invalid': invalid(options.error),
      },
      options.value ?? '',
    ),
  );
}

export function selectField(
  options: FieldOptions & {
    readonly choices: readonly { readonly value: string; readonly label: string }[];
    readonly value?: string;
  },
) {
  return group(options, (describedBy) =>
    h(
      'select',
      {
        class: 'input',
        id: options.id,
        'aria-describedby': describedBy,
        'aria-invalid': invalid(options.error),
      },
      options.choices.map((choice) =>
        h('option', { value: choice.value, selected: choice.value === options.value }, choice.label),
      ),
    ),
  );
}

export function inputField(options: FieldOptions & { readonly input: Attributes }) {
  return group(options, (describedBy) =>
    h('input', {
      class: 'input',
      id: options.id,
      'aria-describedby': describedBy,
      'aria-invalid': invalid(options.error),
      ...options.input,
    }),
  );
}

export interface CheckboxChoice {
  readonly value: string;
  readonly label: string;
  readonly labelLang?: string;
  readonly checked?: boolean;
  /** Shown under the box while it is checked (a reason field). */
  readonly conditional?: Child;
}

/** A fieldset of checkboxes (GOV.UK's), each with what it reveals while checked. */
export function checkboxes(options: {
  readonly id: string;
  readonly legend: string;
  readonly hint?: string;
  readonly error?: string;
  readonly choices: readonly CheckboxChoice[];
}) {
  const { id } = options;
  return h(
    'div',
    { class: classes('form-group', options.error && 'form-group--error') },
    h(
      'fieldset',
      {
        class: 'fieldset',
        id,
        tabindex: '-1',
        'aria-describedby': [options.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '),
      },
      h('legend', { class: 'label' }, options.legend),
      options.hint ? h('div', { id: `${id}-hint`, class: 'hint' }, options.hint) : null,
      h('p', { id: `${id}-error`, class: 'error-message' }, options.error ?? ''),
      h(
        'ul',
        { class: 'list-plain checkboxes' },
        options.choices.map((choice, i) =>
          h(
            'li',
            { class: 'checkboxes__item' },
            h('input', {
              class: 'checkboxes__input',
              type: 'checkbox',
              id: `${id}-${i}`,
              value: choice.value,
              checked: choice.checked,
              'aria-controls': choice.conditional ? `${id}-${i}-more` : undefined,
            }),
            h(
              'label',
              { class: 'checkboxes__label', for: `${id}-${i}`, lang: choice.labelLang },
              choice.label,
            ),
            choice.conditional
              ? h(
                  'div',
                  { class: 'checkboxes__conditional', id: `${id}-${i}-more`, hidden: !choice.checked },
                  choice.conditional,
                )
              : null,
          ),
        ),
      ),
    ),
  );
}
