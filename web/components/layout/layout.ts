// The page shell every generated page shares: head (one stylesheet, the page's module script), skip link,
// header with the language switch (a plain link, so it works without JavaScript), main, footer.
import { type Child, h, renderToString } from '../../lib/html';
import { COMMON, type Lang } from '../../lib/i18n';
import { localize, PATHS } from '../../lib/urls';

/** URLs of a built page's assets (content-hashed, under `/assets/`). */
export interface PageAssets {
  readonly stylesheet: string;
  /** The page's own module script, if it has one. */
  readonly script?: string;
  /** The shared chunks the script imports: fetched at once beside it rather than after it. */
  readonly preload?: readonly string[];
  /** Chunks the script loads only when a later step needs them: the browser fetches them when idle. */
  readonly prefetch?: readonly string[];
}

export interface PageOptions {
  readonly lang: Lang;
  /** This page's path without the language prefix (PATHS): the switch links to it in the other language. */
  readonly path: string;
  /** The page's own title; the site's name is added after it. */
  readonly title: string;
  readonly description?: string;
  readonly assets: PageAssets;
  /** The content of `<main>`. */
  readonly main: Child;
  /** A link above the heading, e.g. back to the catalogue. */
  readonly backLink?: { readonly href: string; readonly text: string };
  /** Fetch config.json early: for pages whose script calls the API at once. */
  readonly preloadConfig?: boolean;
  /** The page's content needs its script: say so when scripts are off. */
  readonly needsScript?: boolean;
  /** Address of the same content whose URL search engines should keep (an old address's copy). */
  readonly canonicalPath?: string;
  /** A wider main column, for work pages (the officials' console) on a desk's screen. */
  readonly wide?: boolean;
}

const OTHER: Record<Lang, Lang> = { vi: 'en', en: 'vi' };

/** The whole HTML document. */
export function renderPage(options: PageOptions): string {
  const { lang, path, assets } = options;
  const text = COMMON[lang];
  const other = OTHER[lang];
  const head = h(
    'head',
    null,
    h('meta', { charset: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', null, `${options.title} – ${text.brand}`),
    options.description ? h('meta', { name: 'description', content: options.description }) : null,
    h('link', { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }),
    h('link', { rel: 'stylesheet', href: assets.stylesheet }),
    options.preloadConfig
      ? h('link', { rel: 'preload', href: '/config.json', as: 'fetch', crossorigin: 'anonymous' })
      : null,
    assets.script ? h('script', { type: 'module', src: assets.script }) : null,
    (assets.preload ?? []).map((href) => h('link', { rel: 'modulepreload', href })),
    (assets.prefetch ?? []).map((href) => h('link', { rel: 'prefetch', href, as: 'script' })),
    options.canonicalPath ? h('link', { rel: 'canonical', href: options.canonicalPath }) : null,
    h('link', { rel: 'alternate', hreflang: other, href: localize(path, other) }),
  );
  const body = h(
    'body',
    null,
    h('a', { class: 'skip-link', href: '#main' }, text.skip),
    h(
      'header',
      { class: 'header' },
      h('a', { class: 'header__brand', href: localize(PATHS.catalogue(), lang) }, text.brand),
      h(
        'a',
        {
          class: 'header__language',
          href: localize(path, other),
          hreflang: other,
          lang: other,
          'data-language-switch': true,
        },
        text.otherLanguage,
      ),
    ),
    h(
      'main',
      { id: 'main', class: options.wide ? 'main main--wide' : 'main', tabindex: '-1' },
      options.backLink
        ? h('a', { class: 'back-link', href: options.backLink.href }, options.backLink.text)
        : null,
      options.needsScript
        ? h('p', { class: 'notice no-js-only', 'data-no-js': true }, text.needsScript)
        : null,
      options.main,
    ),
    h(
      'footer',
      { class: options.wide ? 'footer footer--wide' : 'footer' },
      h('p', null, text.footer),
      h('p', null, h('a', { href: localize(PATHS.stats(), lang) }, text.statistics)),
    ),
  );
  return `<!doctype html>\n${renderToString(h('html', { lang }, head, body))}\n`;
}
