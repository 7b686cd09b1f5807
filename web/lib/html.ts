// Markup as data: one tree that the build renders to HTML text and the browser to DOM nodes, so a component is
// written once for static pages and for script-drawn ones, and no text is ever parsed as HTML.

export type AttributeValue = string | number | boolean | null | undefined;
export type Attributes = Readonly<Record<string, AttributeValue>>;

export interface VElement {
  readonly tag: string;
  readonly attrs: Attributes;
  readonly children: readonly Child[];
}

/** What may stand among an element's children: `null`, `undefined` and `false` draw nothing. */
export type Child = VElement | string | number | null | undefined | false | readonly Child[];

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * An element. `attrs` sets attributes (`true` writes a bare attribute, `false`/`null`/`undefined` none).
 * Inline styles and `on…` handlers are refused: the content security policy would block them in production.
 */
export function h(tag: string, attrs?: Attributes | null, ...children: Child[]): VElement {
  for (const name of Object.keys(attrs ?? {})) {
    if (name === 'style' || /^on/i.test(name)) {
      throw new Error(`<${tag} ${name}>: inline styles and handlers break the content security policy`);
    }
  }
  return { tag, attrs: attrs ?? {}, children };
}

/** Class names joined, leaving out the falsy ones: `classes('tag', done && 'tag--green')`. */
export function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

export function isElement(child: Child): child is VElement {
  return typeof child === 'object' && child !== null && !Array.isArray(child);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]!);
/** Text between tags: quotes are safe there (and JSON carried in a page stays its own size). */
const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);

/** HTML text of `child`, every text and attribute value escaped. */
export function renderToString(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (typeof child === 'string') return escapeText(child);
  if (typeof child === 'number') return String(child);
  if (Array.isArray(child)) return child.map(renderToString).join('');
  const element = child as VElement;
  let attributes = '';
  for (const [name, value] of Object.entries(element.attrs)) {
    if (value === null || value === undefined || value === false) continue;
    attributes += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  if (VOID_ELEMENTS.has(element.tag)) return `<${element.tag}${attributes}>`;
  return `<${element.tag}${attributes}>${element.children.map(renderToString).join('')}</${element.tag}>`;
}
