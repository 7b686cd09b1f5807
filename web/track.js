// Public tracking of a case by its code and PIN (GET /api/track/{code}?pin=): status, due date, history.
import {
  addStrings,
  api,
  el,
  formatDate,
  formatDateTime,
  onLangChange,
  param,
  pick,
  showError,
  start,
  statusLabel,
  t,
} from './app.js';

addStrings({
  vi: {
    back: '← Tất cả thủ tục',
    heading: 'Tra cứu hồ sơ',
    intro: 'Nhập mã hồ sơ và mã tra cứu (PIN) trong thông báo bạn nhận được khi nộp hồ sơ.',
    codeLabel: 'Mã hồ sơ',
    codeHint: 'Ví dụ: 000.21.38.H42-261128-0001',
    pinLabel: 'Mã tra cứu (PIN)',
    pinHint: 'Gồm 8 ký tự chữ và số',
    submit: 'Tra cứu',
    codeMissing: 'Hãy nhập mã hồ sơ.',
    pinInvalid: 'Mã tra cứu gồm đúng 8 ký tự.',
    notFound: 'Không tìm thấy hồ sơ, hoặc mã tra cứu không đúng',
    tooMany: (n) => `Quá nhiều lần thử, vui lòng thử lại sau ${n} phút`,
    procedure: 'Thủ tục',
    agency: 'Cơ quan giải quyết',
    status: 'Tình trạng',
    submittedAt: 'Ngày nộp',
    dueAt: 'Hạn trả kết quả',
    history: 'Quá trình xử lý',
  },
  en: {
    back: '← All procedures',
    heading: 'Track an application',
    intro: 'Enter the case code and the tracking PIN from the notice you received when you applied.',
    codeLabel: 'Case code',
    codeHint: 'e.g. 000.21.38.H42-261128-0001',
    pinLabel: 'Tracking PIN',
    pinHint: '8 letters and digits',
    submit: 'Track',
    codeMissing: 'Enter the case code.',
    pinInvalid: 'The PIN has exactly 8 characters.',
    notFound: 'No application found, or the PIN is wrong',
    tooMany: (n) => `Too many attempts, please try again in ${n} minute${n === 1 ? '' : 's'}`,
    procedure: 'Procedure',
    agency: 'Handled by',
    status: 'Status',
    submittedAt: 'Submitted on',
    dueAt: 'Result due by',
    history: 'History',
  },
});

const form = document.getElementById('track');
const codeInput = document.getElementById('code');
const pinInput = document.getElementById('pin');
const statusLine = document.getElementById('status');
const errorBox = document.getElementById('error');
const result = document.getElementById('result');
const submit = form.querySelector('button[type=submit]');

/** What is on screen, so that a language switch can draw it again. */
let state = null;
let invalid = {};

function fieldError(input, key) {
  const box = document.getElementById(`${input.id}-error`);
  box.textContent = key ? t(key) : '';
  if (key) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function renderInvalid() {
  fieldError(codeInput, invalid.code);
  fieldError(pinInput, invalid.pin);
}

function renderCase(c) {
  const facts = el('dl', { class: 'facts summary' });
  const fact = (label, value) => facts.append(el('div', null, el('dt', null, label), el('dd', null, value)));
  fact(t('procedure'), pick(c.procedure?.name));
  fact(t('agency'), pick(c.agency?.name));
  fact(t('submittedAt'), formatDate(c.submittedAt));
  if (c.dueAt) fact(t('dueAt'), formatDate(c.dueAt));
  const history = Array.isArray(c.history) ? c.history : [];
  result.replaceChildren(
    el(
      'div',
      { class: 'case' },
      el('h2', null, c.code),
      el(
        'p',
        { class: 'case-status' },
        el('span', { class: 'label' }, `${t('status')}: `),
        el('span', { class: `badge st-${c.status}` }, statusLabel(c.status)),
      ),
      facts,
      history.length
        ? el(
            'div',
            null,
            el('h3', null, t('history')),
            el(
              'ol',
              { class: 'timeline' },
              history.map((e, i) =>
                el(
                  'li',
                  i === history.length - 1 ? { class: 'current', 'aria-current': 'step' } : null,
                  el('time', { datetime: e.at }, formatDateTime(e.at)),
                  el('span', null, statusLabel(e.status)),
                ),
              ),
            ),
          )
        : null,
    ),
  );
}

function render() {
  renderInvalid();
  errorBox.replaceChildren();
  result.replaceChildren();
  if (!state) return;
  if (state.found) renderCase(state.found);
  else if (state.status === 404) showError(errorBox, state.error, t('notFound'));
  else if (state.status === 429)
    showError(
      errorBox,
      state.error,
      t('tooMany', Math.max(1, Math.ceil((state.error.retryAfter || 60) / 60))),
    );
  else showError(errorBox, state.error);
}

async function lookUp() {
  const code = codeInput.value.trim();
  const pin = pinInput.value.trim().toUpperCase();
  invalid = {};
  if (!code) invalid.code = 'codeMissing';
  if (pin.length !== 8) invalid.pin = 'pinInvalid';
  if (invalid.code || invalid.pin) {
    state = null;
    render();
    (invalid.code ? codeInput : pinInput).focus();
    return;
  }
  submit.disabled = true;
  statusLine.textContent = t('loading');
  try {
    state = { found: await api(`/api/track/${encodeURIComponent(code)}?pin=${encodeURIComponent(pin)}`) };
    // Keep the code (never the PIN) in the address, so the page can be bookmarked.
    const url = new URL(location.href);
    url.searchParams.set('code', code);
    history.replaceState(null, '', url);
  } catch (error) {
    state = { status: error?.status, error };
  } finally {
    submit.disabled = false;
    statusLine.textContent = '';
  }
  render();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  lookUp();
});

onLangChange(render);
start();
codeInput.value = param('code');
// From a notification's link the code is already there: go straight to the PIN.
if (codeInput.value) pinInput.focus();
