// The page of one action on a case (`/console/case/action/?code=…&action=…`): it reads the case as it is now (the
// version the action is checked against), asks for what the action needs, and goes back to the case page, which
// says what happened: done, or changed by a colleague first (409).
import { ACTION_LABELS } from '../../functions/domain/action-labels';
import { allowedActions } from '../../functions/domain/status-machine';
import { OFFICIAL_ACTIONS, type OfficialAction } from '../../functions/domain/types';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { ApiError, apiFetch } from '../lib/api';
import type { OfficialCaseView, ProcedureDetail } from '../lib/api-types';
import type { Session } from '../lib/auth';
import { byId, queryParam } from '../lib/dom';
import { COMMON, type Lang } from '../lib/i18n';
import { pages } from '../lib/urls';
import { actionTexts } from './action-texts';
import { openAction } from './actions';

/** The case page, saying what became of the action. */
export const caseAddress = (lang: Lang, code: string, outcome?: { done: string } | { conflict: true }) => {
  const address = pages(lang).consoleCase(code);
  if (!outcome) return address;
  return 'done' in outcome ? `${address}&done=${encodeURIComponent(outcome.done)}` : `${address}&conflict=1`;
};

export async function startActionPage(lang: Lang, session: Session): Promise<void> {
  const text = actionTexts(lang);
  const code = queryParam('code');
  const action = queryParam('action') as OfficialAction;
  const errorBox = byId('error');
  const statusLine = byId('status');
  if (!code || !(OFFICIAL_ACTIONS as readonly string[]).includes(action)) {
    showErrorSummary(errorBox, errorSummary({ title: text.noCode }));
    return;
  }
  const label = ACTION_LABELS[action][lang];
  document.title = `${label}: ${code} – ${COMMON[lang].brand}`;
  byId('action-title').textContent = label;
  byId('case-code').textContent = code;
  byId<HTMLAnchorElement>('back').href = caseAddress(lang, code);
  statusLine.textContent = text.loadingCase;
  try {
    const theCase = await apiFetch<OfficialCaseView>(`/cases/${encodeURIComponent(code)}`);
    // The case moved on since its page was drawn: back to it, to see what it now allows.
    if (!allowedActions(theCase.status).includes(action)) {
      location.replace(caseAddress(lang, code, { conflict: true }));
      return;
    }
    const procedure = await apiFetch<ProcedureDetail>(
      `/procedures/${encodeURIComponent(theCase.procedureId)}`,
    );
    const officials =
      action === 'assign'
        ? await apiFetch<{ items: { id: string; name: string }[] }>('/officials', {
            query: session.user.role === 'admin' ? { agencyId: procedure.agency.id } : {},
          })
        : { items: [] };
    statusLine.textContent = '';
    openAction(action, {
      lang,
      theCase,
      procedure,
      officials: officials.items,
      panel: byId('action-panel'),
      onDone: (done) => location.assign(caseAddress(lang, code, { done })),
      onConflict: () => location.assign(caseAddress(lang, code, { conflict: true })),
      onCancel: () => location.assign(caseAddress(lang, code)),
    });
  } catch (error) {
    statusLine.textContent = '';
    showErrorSummary(
      errorBox,
      error instanceof ApiError && error.status === 404
        ? errorSummary({ title: text.notFound })
        : problemSummary(error, lang),
    );
  }
}
