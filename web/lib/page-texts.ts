// What a page carries for its script in its own HTML: its texts in its own language only (a script then ships no
// text in either language: the apply wizard's first load is budgeted) and data it would otherwise fetch. JSON in an
// inert <template> (no inline script: the CSP and the site's tests forbid one), read by `readPageData` (lib/dom.ts).
// Placeholders in texts are `{name}`.
import { h, type VElement } from './html';

/** `Bước {n} trên {total}` with `{ n: 2, total: 5 }` is `Bước 2 trên 5`. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The element carrying `value` as JSON, for the page's generator. */
export function pageData(id: string, value: unknown): VElement {
  return h('template', { id }, JSON.stringify(value));
}
