// Where the web's sources are and where the build writes the site that the local runtime serves and the stack deploys.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_SOURCE_DIR = join(REPOSITORY_ROOT, 'web');
/** The built site (gitignored): pages, `assets/` with content-hashed names, `favicon.svg`. */
export const WEB_OUT_DIR = join(REPOSITORY_ROOT, 'dist', 'web');
/** Content-hashed files: cacheable for ever, since a change makes a new name. */
export const ASSETS_DIR = 'assets';
