// Every page's address, in one place for the build, the pages' links and the tests: English under `/en`.
import { DEFAULT_LANG, isLang, type Lang } from './i18n';

const segment = encodeURIComponent;

/** Paths of the pages, without the language prefix. */
export const PATHS = {
  catalogue: () => '/',
  procedure: (id: string) => `/procedures/${segment(id)}/`,
  apply: (id: string) => `/apply/${segment(id)}/`,
  track: (code?: string) => (code ? `/track/?code=${segment(code)}` : '/track/'),
  /** The page e-mails linked to before `/track/`; kept alive (functions/notifications/render.ts). */
  legacyTrack: () => '/track.html',
  my: () => '/my/',
  /** Paying a case's fee online (level 4): its amount and "Thanh toán" / "Pay", which leads to the gateway. */
  pay: (code: string) => `/pay/?code=${segment(code)}`,
  /** Verification: what a QR code opens (`/verify?c=<code>&t=<token>`, domain/verify-token.ts), or a PDF picked. */
  verify: () => '/verify/',
  /** A case of the signed-in applicant: the code in the query, as the page is one page for every case. */
  myCase: (code?: string) => (code ? `/my/case/?code=${segment(code)}` : '/my/case/'),
  /** A procedure's form (JSON Schema, labelled in the page's language) that a case's page fetches. */
  myForm: (procedureId: string) => `/my/forms/${segment(procedureId)}.json`,
  console: () => '/console/',
  /** A case in the console: `/console/case/?code=…` (one page for every case: the site is static). */
  consoleCase: (code?: string) => (code ? `/console/case/?code=${segment(code)}` : '/console/case/'),
  /** One action on a case, on a page of its own: `/console/case/action/?code=…&action=receive`. */
  consoleAction: (code?: string, action?: string) =>
    code && action
      ? `/console/case/action/?code=${segment(code)}&action=${segment(action)}`
      : '/console/case/action/',
  consoleStats: () => '/console/stats/',
  /** Public statistics (on-time rates, Decision 766/QĐ-TTg). */
  stats: () => '/stats/',
  /** Sign-in, then back to `returnTo` (a same-origin path; see `safeReturnPath` in lib/auth.ts). */
  signIn: (returnTo?: string) => (returnTo ? `/signin/?return=${segment(returnTo)}` : '/signin/'),
  /** Where Cognito's hosted sign-in returns with `code` and `state` (the web client's callback URLs). */
  signInCallback: () => '/signin/callback/',
  /** Where sign-out ends, in both runtimes (the web client's logout URLs on AWS). */
  signedOut: () => '/signin/signed-out/',
} as const;

/**
 * Paths of the API that pages fetch with the session's token rather than link to. The one-stop forms (Mẫu 01–04) of
 * one's own case: the console's forms routes (`GET /api/applications/{code}/forms/{form}`); the one place to point
 * the case page's downloads if those routes move.
 */
export const API_PATHS = {
  caseForm: (code: string, form: string) => `/applications/${segment(code)}/forms/${segment(form)}`,
} as const;

/** `path` (from PATHS) in `lang`: `/en/procedures/x/` for English, as is for Vietnamese. */
export function localize(path: string, lang: Lang): string {
  return lang === DEFAULT_LANG ? path : `/${lang}${path}`;
}

/** The language and the unprefixed path of a page's address (`location.pathname`). */
export function parseLocation(pathname: string): { lang: Lang; path: string } {
  const [, first, ...rest] = pathname.split('/');
  if (isLang(first) && first !== DEFAULT_LANG) return { lang: first, path: `/${rest.join('/')}` };
  return { lang: DEFAULT_LANG, path: pathname };
}

/** Links of one language: `pages('en').procedure('dang-ky-khai-sinh')` is `/en/procedures/dang-ky-khai-sinh/`. */
export function pages(lang: Lang) {
  return {
    catalogue: () => localize(PATHS.catalogue(), lang),
    procedure: (id: string) => localize(PATHS.procedure(id), lang),
    apply: (id: string) => localize(PATHS.apply(id), lang),
    track: (code?: string) => localize(PATHS.track(code), lang),
    my: () => localize(PATHS.my(), lang),
    pay: (code: string) => localize(PATHS.pay(code), lang),
    verify: () => localize(PATHS.verify(), lang),
    myCase: (code?: string) => localize(PATHS.myCase(code), lang),
    myForm: (procedureId: string) => localize(PATHS.myForm(procedureId), lang),
    console: () => localize(PATHS.console(), lang),
    consoleCase: (code?: string) => localize(PATHS.consoleCase(code), lang),
    consoleAction: (code?: string, action?: string) => localize(PATHS.consoleAction(code, action), lang),
    consoleStats: () => localize(PATHS.consoleStats(), lang),
    stats: () => localize(PATHS.stats(), lang),
    signIn: (returnTo?: string) => localize(PATHS.signIn(returnTo), lang),
    signInCallback: () => localize(PATHS.signInCallback(), lang),
    signedOut: () => localize(PATHS.signedOut(), lang),
  };
}
