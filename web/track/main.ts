// Public tracking by case code and PIN (GET /api/track/{code}?pin=): status, due date and history, no personal data.
import { statusLabel } from '../../functions/domain/status-labels';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { setFieldError } from '../components/field/behaviour';
import { summaryList } from '../components/summary-list/summary-list';
import { statusTag } from '../components/tag/tag';
import { timeline } from '../components/timeline/timeline';
import { ApiError, apiFetch } from '../lib/api';
import type { TrackResponse } from '../lib/api-types';
import { byId, queryParam, render } from '../lib/dom';
import { formatDate } from '../lib/format';
import { h } from '../lib/html';
import { COMMON, pick } from '../lib/i18n';
import { startPage, syncLanguageSwitch } from '../lib/start';
import { TRACK_TEXTS } from './texts';

const lang = startPage();
const text = TRACK_TEXTS[lang];
const form = byId<HTMLFormElement>('track');
const codeInput = byId<HTMLInputElement>('code');
const pinInput = byId<HTMLInputElement>('pin');
const statusLine = byId('status');
const errorBox = byId('error');
const result = byId('result');
const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;

function caseView(c: TrackResponse) {
  return h(
    'section',
    { class: 'card case', 'aria-labelledby': 'case-code' },
    h('h2', { id: 'case-code', class: 'case__code' }, c.code),
    h('p', null, `${text.status}: `, statusTag(c.status, lang)),
    summaryList([
      { key: text.procedure, value: pick(c.procedure.name, lang) },
      { key: text.agency, value: pick(c.agency.name, lang) },
      { key: text.submittedAt, value: formatDate(c.submittedAt) },
      { key: text.dueAt, value: c.dueAt ? formatDate(c.dueAt) : '' },
    ]),
    c.history.length > 0
      ? [
          h('h3', null, text.history),
          timeline(c.history.map((event) => ({ at: event.at, label: statusLabel(event.status, lang) }))),
        ]
      : null,
  );
}

function failure(error: unknown) {
  const minutes =
    error instanceof ApiError ? Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) : 1;
  return problemSummary(error, lang, { titles: { 404: text.notFound, 429: text.tooMany(minutes) } });
}

async function lookUp() {
  const code = codeInput.value.trim();
  const pin = pinInput.value.trim().toUpperCase();
  const codeError = code ? '' : text.codeMissing;
  const pinError = pin.length === 8 ? '' : text.pinInvalid;
  setFieldError(codeInput, codeError);
  setFieldError(pinInput, pinError);
  render(result);
  if (codeError || pinError) {
    showErrorSummary(
      errorBox,
      errorSummary({
        title: COMMON[lang].problemTitle,
        items: [
          ...(codeError ? [{ text: codeError, href: '#code' }] : []),
          ...(pinError ? [{ text: pinError, href: '#pin' }] : []),
        ],
      }),
    );
    return;
  }
  render(errorBox);
  submit.disabled = true;
  statusLine.textContent = COMMON[lang].loading;
  try {
    const found = await apiFetch<TrackResponse>(`/track/${encodeURIComponent(code)}`, { query: { pin } });
    render(result, caseView(found));
    // The code (never the PIN) stays in the address, so the page can be bookmarked.
    const url = new URL(location.href);
    url.searchParams.set('code', code);
    history.replaceState(null, '', url);
    syncLanguageSwitch();
  } catch (error) {
    showErrorSummary(errorBox, failure(error));
  } finally {
    submit.disabled = false;
    statusLine.textContent = '';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void lookUp();
});

codeInput.value = queryParam('code');
// From a notification's link the code is already there: go straight to the PIN.
if (codeInput.value) pinInput.focus();
