// What a page generator gets from the build and gives back: the assets to link, and pages by their address.
import type { PageAssets } from '../components/layout/layout';

export interface SiteContext {
  /**
   * The stylesheet (the area's own `web/<script>/stylesheet.css` when it has one, else the site's), and the module
   * script built from `web/<script>/main.ts` when `script` is given.
   */
  assets(script?: string): PageAssets;
}

export interface BuiltPage {
  /** The page's address: `/en/procedures/x/` is written as `en/procedures/x/index.html`. */
  readonly path: string;
  readonly html: string;
}

/** A generator: every page of an area (`web/<area>/page.ts`), in every language. */
export type PageGenerator = (site: SiteContext) => readonly BuiltPage[];
