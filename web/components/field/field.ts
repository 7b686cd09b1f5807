// A labelled text input with its hint and error message (GOV.UK's text input): the error sits above the input,
// both tied to it by aria-describedby, so a screen reader reads them with the field.
import { type Attributes, classes, h, type VElement } from '../../lib/html';

export interface TextFieldOptions {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** The message beside the field; the script fills it (an empty one is hidden). */
  readonly error?: string;
  /** Attributes of the `<input>` (type, name, autocomplete, inputmode…). */
  readonly input?: Attributes;
}

export function textField(options: TextFieldOptions): VElement {
  const { id } = options;
  const described = [options.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return h(
    'div',
    { class: classes('form-group', options.error && 'form-group--error') },
    h('label', { class: 'label', for: id }, options.label),
    options.hint ? h('div', { id: `${id}-hint`, class: 'hint' }, options.hint) : null,
    h('p', { id: `${id}-error`, class: 'error-message' }, options.error ?? ''),
    h('input', {
      class: 'input',
      id,
      type: 'text',
      'aria-describedby': described,
      'aria-invalid': options.error ? 'true' : undefined,
      ...options.input,
    }),
  );
}
