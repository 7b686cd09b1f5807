// The security headers of every page, written once: CloudFront's response headers policy (cdk/constructs/web.ts),
// the local runtime's static files (local/http-server.ts) and the browser tests all take them from here.

export interface ContentSecurityPolicyOptions {
  /** Origins (`https://host`) that browsers post uploads to: the documents bucket's presigned POST. */
  readonly uploadOrigins?: readonly string[];
  /** Origins of the hosted sign-in (Cognito): token requests and the sign-in form's post. */
  readonly authOrigins?: readonly string[];
  /** Ask the browser to load everything over HTTPS (not on the local runtime's plain http). @default true */
  readonly upgradeInsecureRequests?: boolean;
}

/**
 * Only the site's own scripts and styles (no inline script or style, no eval): a page's behaviour is in its
 * bundled module. `fetch` to the same-origin API, the upload and sign-in origins; images of our own, `data:`
 * icons and `blob:` previews of photos the user picks; frames only of our own or of such blobs (a document shown
 * in the console); never framed, no plugins, no foreign base or form target.
 */
export function contentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const uploads = options.uploadOrigins ?? [];
  const auth = options.authOrigins ?? [];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    // The console shows an application's PDF in the page from a blob the script fetched (never a foreign frame).
    "frame-src 'self' blob:",
    ["connect-src 'self'", ...uploads, ...auth].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...auth].join(' '),
    "frame-ancestors 'none'",
    ...(options.upgradeInsecureRequests === false ? [] : ['upgrade-insecure-requests']),
  ].join('; ');
}

/** The other headers, as CloudFront's policy sets them. */
export const SECURITY_HEADERS = {
  /** Two years, subdomains, preload: the province's domain is HTTPS-only. */
  strictTransportSecurity: { maxAgeSeconds: 730 * 24 * 3600, includeSubdomains: true, preload: true },
  frameOptions: 'DENY',
  contentTypeOptions: 'nosniff',
  referrerPolicy: 'strict-origin-when-cross-origin',
} as const;

/** The headers of a page as a plain map, for a server that sets them itself (HSTS only where served over HTTPS). */
export function securityHeaders(
  options: ContentSecurityPolicyOptions & { readonly https?: boolean } = {},
): Record<string, string> {
  const hsts = SECURITY_HEADERS.strictTransportSecurity;
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-frame-options': SECURITY_HEADERS.frameOptions,
    'x-content-type-options': SECURITY_HEADERS.contentTypeOptions,
    'referrer-policy': SECURITY_HEADERS.referrerPolicy,
    ...(options.https
      ? {
          'strict-transport-security': `max-age=${hsts.maxAgeSeconds}${hsts.includeSubdomains ? '; includeSubDomains' : ''}${hsts.preload ? '; preload' : ''}`,
        }
      : {}),
  };
}
