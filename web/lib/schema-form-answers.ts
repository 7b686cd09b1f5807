// The form engine's answers as people read them: "check your answers" and a case's page list every answered field
// with its label, a choice by its label, a date as dd/mm/yyyy, a number with its digits grouped.
import type { Lang } from './i18n';
import {
  type Answers,
  type FieldSchema,
  type FormLocale,
  getAt,
  joinPath,
  kindOf,
  optionsOf,
} from './schema-form';

export interface AnswerRow {
  /** The field's path: its "Change" link goes to it. */
  readonly path: string;
  /** Its label, with the headings it sits under within the page (`Nơi cư trú › Xã, phường, thị trấn`). */
  readonly label: string;
  readonly value: string;
}

function groupDigits(n: number, lang: Lang) {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return fraction ? `${grouped}${lang === 'vi' ? ',' : '.'}${fraction}` : grouped;
}

/** One answer as the applicant reads it. */
export function displayValue(schema: FieldSchema, value: unknown, locale: FormLocale): string {
  const kind = kindOf(schema);
  if (value === undefined || value === null || value === '') return '';
  if (kind === 'choice')
    return optionsOf(schema).find((o) => o.value === String(value))?.label ?? String(value);
  if (kind === 'boolean') return value ? locale.texts.yes : locale.texts.no;
  if ((kind === 'integer' || kind === 'number') && typeof value === 'number')
    return groupDigits(value, locale.lang);
  if (kind === 'date' || kind === 'month') return String(value).split('-').reverse().join('/');
  return typeof value === 'object' ? '' : String(value);
}

/** Every answered field under `base`, in the form's order, with its label and what the applicant gave. */
export function answerRows(
  schema: FieldSchema,
  base: string,
  data: Answers,
  locale: FormLocale,
  prefix = '',
): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const path = joinPath(base, key);
    const label = `${prefix}${child.title ?? key}`;
    const kind = kindOf(child);
    const answer = getAt(data, path);
    if (kind === 'object') rows.push(...answerRows(child, path, data, locale, `${label} › `));
    else if (kind === 'array') {
      (Array.isArray(answer) ? answer : []).forEach((_, i) => {
        const item = child.items ?? {};
        const itemLabel = `${prefix}${item.title ?? child.title ?? key} ${i + 1}`;
        const itemPath = joinPath(path, i);
        if (kindOf(item) === 'object')
          rows.push(...answerRows(item, itemPath, data, locale, `${itemLabel} › `));
        else
          rows.push({
            path: itemPath,
            label: itemLabel,
            value: displayValue(item, getAt(data, itemPath), locale),
          });
      });
    } else {
      const value = displayValue(child, answer, locale);
      if (value) rows.push({ path, label, value });
    }
  }
  return rows;
}
