// The sign-in pages' script. Sign-in: the local runtime's demo accounts (GET /api/local/users, POST
// /api/local/token), or the hosted sign-in's buttons on AWS; then back to the page that asked. Callback: the hosted
// sign-in's answer, taken out of the address at once and exchanged for the session.
import { mountAccountBar } from '../components/account/behaviour';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { apiFetch } from '../lib/api';
import type { ProcedureSummary, Role } from '../lib/api-types';
import {
  currentSession,
  roleHome,
  type SessionUser,
  safeReturnPath,
  signInAddress,
  startSession,
} from '../lib/auth';
import { loadConfig, type SiteConfig } from '../lib/config';
import { byId, queryParam, render } from '../lib/dom';
import { h } from '../lib/html';
import { COMMON, pick } from '../lib/i18n';
import { startPage } from '../lib/start';
import { pages } from '../lib/urls';
import {
  beginHostedSignIn,
  completeHostedSignIn,
  hasHostedSignIn,
  type IdentityProvider,
  identityProviders,
  SignInError,
  type SignInFailure,
} from './oauth';
import { SIGNIN_TEXTS } from './texts';

// The callback's `code` and `state` leave the address before anything else runs: not in history, not in a
// bookmark, not in the Referer of what the page fetches next.
const callbackParams = document.getElementById('signin-callback')
  ? new URLSearchParams(location.search)
  : null;
if (callbackParams) history.replaceState(null, '', location.pathname);

const lang = startPage();
const text = SIGNIN_TEXTS[lang];

/** Where to go once signed in: the page that asked, if it is one of ours, else the role's home. */
const destination = (returnTo: string | null, user: SessionUser) => returnTo ?? roleHome(user.role, lang);

interface DemoAccount {
  readonly username: string;
  readonly role: Role;
  readonly name: string;
  readonly agencyId?: string;
}

const GROUPS: readonly { readonly role: Role; readonly title: string }[] = [
  { role: 'citizen', title: text.citizens },
  { role: 'business', title: text.businesses },
  { role: 'official', title: text.officials },
  { role: 'admin', title: text.admins },
];

/** Agencies' names by id, from the catalogue (demo officials name only their agency's id). */
async function agencyNames(): Promise<Map<string, string>> {
  try {
    const { items } = await apiFetch<{ items: ProcedureSummary[] }>('/procedures');
    return new Map(items.map((p) => [p.agency.id, pick(p.agency.name, lang)]));
  } catch {
    return new Map();
  }
}

/** The demo accounts as buttons, grouped by role, each named by the account's display name and nothing else. */
function demoAccountList(accounts: readonly DemoAccount[], agencies: Map<string, string>) {
  if (accounts.length === 0) return h('p', null, text.noAccounts);
  return GROUPS.map(({ role, title }) => {
    const members = accounts.filter((account) => account.role === role);
    if (members.length === 0) return null;
    return h(
      'section',
      { class: 'account-group', 'aria-labelledby': `group-${role}` },
      h('h3', { id: `group-${role}` }, title),
      h(
        'ul',
        { class: 'list-plain' },
        members.map((account, i) => {
          const agency = account.agencyId ? (agencies.get(account.agencyId) ?? account.agencyId) : '';
          const agencyId = agency ? `account-${role}-${i}-agency` : undefined;
          return h(
            'li',
            { class: 'account-group__item' },
            h(
              'button',
              {
                type: 'button',
                class: 'account-choice',
                'data-username': account.username,
                'aria-describedby': agencyId,
              },
              account.name,
            ),
            agency ? h('span', { id: agencyId, class: 'hint' }, agency) : null,
          );
        }),
      ),
    );
  });
}

async function localSignIn(returnTo: string | null) {
  const [users, agencies] = await Promise.all([
    apiFetch<{ items: DemoAccount[] }>('/local/users'),
    agencyNames(),
  ]);
  const list = byId('demo-accounts');
  render(list, demoAccountList(users.items, agencies));
  byId('signin-local').hidden = false;
  const status = byId('status');
  const errorBox = byId('error');
  const buttons = () => list.querySelectorAll<HTMLButtonElement>('button[data-username]');
  list.addEventListener('click', async (event) => {
    const username = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-username]')
      ?.dataset.username;
    if (!username) return;
    for (const button of buttons()) button.disabled = true;
    render(errorBox);
    status.textContent = text.signingIn;
    try {
      const answer = await apiFetch<{ accessToken: string; expiresIn: number }>('/local/token', {
        method: 'POST',
        body: { username },
      });
      const session = startSession(answer.accessToken, answer.expiresIn);
      location.replace(destination(returnTo, session.user));
    } catch (error) {
      status.textContent = '';
      for (const button of buttons()) button.disabled = false;
      showErrorSummary(errorBox, problemSummary(error, lang));
    }
  });
}

/** The hosted sign-in's buttons: each leaves for Cognito with a fresh verifier and state. */
function hostedSignIn(config: SiteConfig, returnTo: string | null) {
  const section = byId('signin-hosted');
  const offered = identityProviders(config);
  for (const item of section.querySelectorAll<HTMLElement>('[data-provider-item]')) {
    item.hidden = !offered.includes(item.dataset.providerItem as IdentityProvider);
  }
  section.hidden = false;
  const redirectUri = `${location.origin}${pages(lang).signInCallback()}`;
  section.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-provider]');
    const provider = button?.dataset.provider as IdentityProvider | undefined;
    if (!button || !provider || !offered.includes(provider)) return;
    button.disabled = true;
    try {
      location.assign(await beginHostedSignIn({ config, redirectUri, returnTo, identityProvider: provider }));
    } catch (error) {
      button.disabled = false;
      showErrorSummary(byId('error'), problemSummary(error, lang));
    }
  });
}

async function signInPage() {
  const returnTo = safeReturnPath(queryParam('return'), location.origin);
  const reason = queryParam('reason');
  if (returnTo && (reason === 'expired' || reason === 'role')) byId(`signin-reason-${reason}`).hidden = false;
  // Already signed in: say as whom, and offer to sign out (to change account on the hosted sign-in).
  if (currentSession()) mountAccountBar(lang);
  const status = byId('status');
  status.textContent = COMMON[lang].loading;
  try {
    const config = await loadConfig();
    if (hasHostedSignIn(config)) hostedSignIn(config, returnTo);
    else if (config.environment === 'local') await localSignIn(returnTo);
    else showErrorSummary(byId('error'), errorSummary({ title: text.noConfig }));
  } catch (error) {
    showErrorSummary(byId('error'), problemSummary(error, lang));
  } finally {
    status.textContent = '';
  }
}

const FAILURES: Record<SignInFailure, string> = {
  state: text.failedState,
  denied: text.failedDenied,
  exchange: text.failedExchange,
  network: COMMON[lang].offline,
  token: text.failedToken,
};

async function callbackPage(params: URLSearchParams) {
  const status = byId('signin-callback');
  status.textContent = text.completing;
  try {
    const { session, returnTo } = await completeHostedSignIn({ params, config: await loadConfig() });
    location.replace(destination(returnTo, session.user));
  } catch (error) {
    status.textContent = '';
    const failure = error instanceof SignInError ? error.failure : 'token';
    const returnTo = error instanceof SignInError ? (error.returnTo ?? undefined) : undefined;
    showErrorSummary(
      byId('error'),
      errorSummary({ title: text.failedTitle, description: FAILURES[failure] }),
    );
    render(
      byId('signin-retry'),
      h('a', { class: 'button', href: signInAddress(lang, returnTo) }, text.tryAgain),
    );
  }
}

if (callbackParams) void callbackPage(callbackParams);
else void signInPage();
