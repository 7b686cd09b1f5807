// The sign-in pages' script. Sign-in: the local runtime's demo accounts (GET /api/local/users, POST
// /api/local/token), or the hosted sign-in's buttons on AWS; then back to the page that asked. Callback: the hosted
// sign-in's answer, taken out of the address at once and exchanged for the session. Signed out: nothing kept.
import { mountAccountBar } from '../components/account/behaviour';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { apiFetch } from '../lib/api';
import type { ProcedureSummary, Role } from '../lib/api-types';
import {
  currentSession,
  endSession,
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

const GROUPS: readonly { readonly roles: readonly Role[]; readonly title: string }[] = [
  { roles: ['citizen'], title: text.citizens },
  { roles: ['business'], title: text.businesses },
  { roles: ['official'], title: text.officials },
  { roles: ['admin'], title: text.admins },
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

/** The demo accounts as buttons, grouped by role; a click (delegated to `options`) signs in as that account. */
function demoAccounts(
  options: HTMLElement,
  accounts: readonly DemoAccount[],
  agencies: Map<string, string>,
  returnTo: string | null,
) {
  const status = byId('status');
  const errorBox = byId('error');
  const byUsername = new Map(accounts.map((account) => [account.username, account]));
  const buttons = () => options.querySelectorAll<HTMLButtonElement>('button[data-username]');
  options.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-username]');
    const account = button ? byUsername.get(button.dataset.username ?? '') : undefined;
    if (!account) return;
    for (const b of buttons()) b.disabled = true;
    render(errorBox);
    status.textContent = text.signingIn;
    try {
      const answer = await apiFetch<{ accessToken: string; expiresIn: number }>('/local/token', {
        method: 'POST',
        body: { username: account.username },
      });
      const session = startSession(answer.accessToken, answer.expiresIn);
      location.replace(destination(returnTo, session.user));
    } catch (error) {
      status.textContent = '';
      for (const b of buttons()) b.disabled = false;
      showErrorSummary(errorBox, problemSummary(error, lang));
    }
  });
  const groups = GROUPS.map((group, g) => {
    const members = accounts.filter((account) => group.roles.includes(account.role));
    if (members.length === 0) return null;
    return h(
      'section',
      { class: 'account-group', 'aria-labelledby': `group-${g}` },
      h('h3', { id: `group-${g}` }, group.title),
      h(
        'ul',
        { class: 'list-plain' },
        members.map((account, i) => {
          const agency = account.agencyId ? (agencies.get(account.agencyId) ?? account.agencyId) : '';
          const describedBy = agency ? `account-${g}-${i}-agency` : undefined;
          return h(
            'li',
            { class: 'account-group__item' },
            // The button's name is the account's display name and nothing else; the agency describes it.
            h(
              'button',
              {
                type: 'button',
                class: 'account-choice',
                'data-username': account.username,
                'aria-describedby': describedBy,
              },
              account.name,
            ),
            agency ? h('span', { id: describedBy, class: 'hint' }, agency) : null,
          );
        }),
      ),
    );
  });
  return [
    h('h2', null, text.demoTitle),
    h('div', { class: 'notice' }, h('p', null, text.demoNotice)),
    accounts.length === 0 ? h('p', null, text.noAccounts) : groups,
  ];
}

/** The hosted sign-in's providers as buttons: each leaves for Cognito with a fresh verifier and state. */
function hostedButtons(options: HTMLElement, config: SiteConfig, returnTo: string | null) {
  const redirectUri = `${location.origin}${pages(lang).signInCallback()}`;
  const labels: Record<IdentityProvider, { name: string; hint: string }> = {
    VNeID: { name: text.withVneid, hint: text.vneidHint },
    COGNITO: { name: text.withEmail, hint: text.emailHint },
  };
  options.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-provider]');
    const provider = button?.dataset.provider as IdentityProvider | undefined;
    if (!button || !provider || !(provider in labels)) return;
    button.disabled = true;
    try {
      location.assign(await beginHostedSignIn({ config, redirectUri, returnTo, identityProvider: provider }));
    } catch (error) {
      button.disabled = false;
      showErrorSummary(byId('error'), problemSummary(error, lang));
    }
  });
  return [
    h('p', null, text.hostedIntro),
    h(
      'ul',
      { class: 'list-plain' },
      identityProviders(config).map((provider) =>
        h(
          'li',
          { class: 'account-group__item' },
          h(
            'button',
            {
              type: 'button',
              class: 'account-choice',
              'data-provider': provider,
              'aria-describedby': `provider-${provider}-hint`,
            },
            labels[provider].name,
          ),
          h('span', { id: `provider-${provider}-hint`, class: 'hint' }, labels[provider].hint),
        ),
      ),
    ),
  ];
}

function showReason(returnTo: string | null) {
  const reason = queryParam('reason');
  const box = byId('signin-reason');
  if (!returnTo || (reason !== 'expired' && reason !== 'role')) return;
  const name = currentSession()?.user.name;
  box.textContent = reason === 'expired' ? text.expired : name ? text.wrongRole(name) : text.wrongRoleNoName;
  box.hidden = false;
}

async function signInPage() {
  const returnTo = safeReturnPath(queryParam('return'), location.origin);
  showReason(returnTo);
  // Already signed in: say as whom, and offer to sign out (to change account on the hosted sign-in).
  if (currentSession()) mountAccountBar(lang);
  const status = byId('status');
  const options = byId('signin-options');
  status.textContent = COMMON[lang].loading;
  const config = await loadConfig();
  try {
    if (hasHostedSignIn(config)) {
      render(options, hostedButtons(options, config, returnTo));
    } else if (config.environment === 'local') {
      const [users, agencies] = await Promise.all([
        apiFetch<{ items: DemoAccount[] }>('/local/users'),
        agencyNames(),
      ]);
      render(options, demoAccounts(options, users.items, agencies, returnTo));
    } else {
      showErrorSummary(byId('error'), errorSummary({ title: text.noConfig }));
    }
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
else if (document.getElementById('signed-out')) endSession();
else void signInPage();
