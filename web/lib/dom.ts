// The browser side of html.ts: markup trees to DOM nodes (text stays text), and small look-ups.
import { type Attributes, type Child, h, isElement } from './html';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** DOM nodes of `child`: a fragment for a list. `<svg>` and what it holds are made in the SVG namespace. */
export function toNode(child: Child, namespace?: string): Node {
  if (child === null || child === undefined || child === false) return document.createTextNode('');
  if (typeof child === 'string' || typeof child === 'number') return document.createTextNode(String(child));
  if (Array.isArray(child)) {
    const fragment = document.createDocumentFragment();
    for (const item of child as readonly Child[]) fragment.append(toNode(item, namespace));
    return fragment;
  }
  if (!isElement(child)) return document.createTextNode('');
  const inSvg = namespace ?? (child.tag === 'svg' ? SVG_NAMESPACE : undefined);
  const node = inSvg ? document.createElementNS(inSvg, child.tag) : document.createElement(child.tag);
  for (const [name, value] of Object.entries(child.attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const item of child.children) node.append(toNode(item, inSvg));
  return node;
}

/** Replaces what `target` holds with `children`. */
export function render(target: Element, ...children: Child[]): void {
  target.replaceChildren(toNode(children));
}

/** An element built at once, for code that needs the node (to attach a listener, to focus it). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attributes | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return toNode(h(tag, attrs, ...children)) as HTMLElementTagNameMap[K];
}

/** The element with `id`; a missing one is a bug in the page's markup, so it throws. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

/** A query-string parameter of the page's address, '' when absent. */
export function queryParam(name: string): string {
  return new URLSearchParams(location.search).get(name) ?? '';
}

/** What the page's generator carried under `id` (lib/page-texts.ts `pageData`): its <template>'s JSON. */
export function readPageData<T>(id: string): T {
  const template = document.getElementById(id) as HTMLTemplateElement | null;
  return JSON.parse(template?.content.textContent || '{}') as T;
}
