// The site's `config.json`: what only the deployment knows (API base, sign-in), written by the CDK stack at
// deploy and served by the local runtime; pages read it once.

export interface SiteConfig {
  /** Where the API answers, `/api` on the site's own origin (CloudFront, or the local runtime). */
  readonly apiBaseUrl: string;
  /** `local` in the local runtime, else the stack's environment (`dev`, `prod`). */
  readonly environment: string;
  /** Cognito, on AWS only: the local runtime signs in with its demo accounts instead. */
  readonly region?: string;
  readonly userPoolId?: string;
  readonly userPoolClientId?: string;
  /** Host of the Cognito hosted sign-in, e.g. `motcua-prod-123.auth.ap-southeast-1.amazoncognito.com`. */
  readonly authDomain?: string;
  /** Identity providers of the hosted sign-in, comma-separated: `COGNITO` or `COGNITO,VNeID`. */
  readonly identityProviders?: string;
}

export const CONFIG_PATH = '/config.json';

/** What the local runtime serves: the API on the same origin, and no Cognito. */
export const LOCAL_SITE_CONFIG: SiteConfig = { apiBaseUrl: '/api', environment: 'local' };

let loading: Promise<SiteConfig> | undefined;

/**
 * The configuration, fetched once per page (pages that need it early preload it from their HTML head, so this
 * costs no extra round trip). When it cannot be read, the same-origin API without sign-in, and the next call
 * tries again.
 */
export function loadConfig(): Promise<SiteConfig> {
  loading ??= fetch(CONFIG_PATH, { headers: { accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(`${CONFIG_PATH}: HTTP ${response.status}`);
      return response.json() as Promise<SiteConfig>;
    })
    .catch(() => {
      loading = undefined;
      return { apiBaseUrl: '/api', environment: 'unknown' };
    });
  return loading;
}
