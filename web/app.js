// Shared by every page: language (vi/en), a fetch helper for the API, problem-details display,
// formatting of dates and money, and a small DOM builder that never parses HTML.

const LANG_KEY = 'motcua.lang';

function storedLang() {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export let lang = storedLang();

const strings = {
  vi: {
    skip: 'Bỏ qua, đến nội dung chính',
    brand: 'Dịch vụ công',
    switchTo: 'English',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    offline: 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
    level3: 'Dịch vụ công trực tuyến một phần',
    level4: 'Dịch vụ công trực tuyến toàn trình',
    free: 'Miễn phí',
    days: (n) => `${n} ngày làm việc`,
    awaiting_payment: 'Chờ thanh toán phí, lệ phí',
    submitted: 'Đã nộp, chờ tiếp nhận',
    processing: 'Đang giải quyết',
    needs_supplement: 'Cần bổ sung, hoàn thiện hồ sơ',
    approved: 'Đã phê duyệt, chờ trả kết quả',
    denied: 'Không được giải quyết',
    rejected: 'Từ chối tiếp nhận',
    completed: 'Đã trả kết quả',
    withdrawn: 'Đã rút hồ sơ',
  },
  en: {
    skip: 'Skip to main content',
    brand: 'Public services',
    switchTo: 'Tiếng Việt',
    loading: 'Loading…',
    retry: 'Try again',
    offline: 'Could not reach the server. Check your connection and try again.',
    level3: 'Partial online public service',
    level4: 'Full online public service',
    free: 'Free',
    days: (n) => `${n} working day${n === 1 ? '' : 's'}`,
    awaiting_payment: 'Awaiting payment of fees',
    submitted: 'Submitted, awaiting receipt',
    processing: 'Being processed',
    needs_supplement: 'Additional documents or corrections needed',
    approved: 'Approved, result to be issued',
    denied: 'Not granted',
    rejected: 'Not accepted',
    completed: 'Result issued',
    withdrawn: 'Withdrawn',
  },
};

/** Adds a page's own strings: `{ vi: {...}, en: {...} }`. */
export function addStrings(more) {
  Object.assign(strings.vi, more.vi);
  Object.assign(strings.en, more.en);
}

/** The text of `key` in the current language; a function entry is called with `args`. */
export function t(key, ...args) {
  const value = strings[lang][key] ?? strings.vi[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

/** Picks the current language out of a `{ vi, en }` pair from the API. */
export function pick(pair) {
  if (pair == null) return '';
  if (typeof pair === 'string') return pair;
  return pair[lang] || pair.vi || '';
}

const listeners = [];
/** `render` runs again whenever the reader switches language. */
export function onLangChange(render) {
  listeners.push(render);
}

/** Puts the static texts (`data-i18n`, `data-i18n-placeholder`) in the current language. */
function applyStatic() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]'))
    node.placeholder = t(node.dataset.i18nPlaceholder);
  const button = document.getElementById('lang');
  if (button) {
    button.textContent = t('switchTo');
    button.lang = lang === 'vi' ? 'en' : 'vi';
  }
  const title = document.querySelector('[data-i18n-title]');
  if (title) document.title = `${t(title.dataset.i18nTitle)} – ${t('brand')}`;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'vi';
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyStatic();
  for (const render of listeners) render();
}

/** Call once the page has added its strings. */
export function start() {
  applyStatic();
  document.getElementById('lang')?.addEventListener('click', () => setLang(lang === 'vi' ? 'en' : 'vi'));
}

/** An answer of the API that is not 2xx, or no answer at all (`status` 0). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** GET (or other) a JSON resource of the API, in the current language. Throws ApiError. */
export async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {
      ...options,
      headers: { accept: 'application/json', 'accept-language': lang, ...options.headers },
    });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError(0, null, null);
  }
  let body = null;
  if (/json/i.test(response.headers.get('content-type') || '')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const retry = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, body, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return body;
}

/**
 * Builds an element: `props` sets attributes (`class`, `href`, `lang`…) and strings among `children` become
 * text nodes, so data is never parsed as HTML.
 */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Shows an API error (problem details: title, detail, every field error) inside `box`. */
export function showError(box, error, message) {
  const problem = error?.problem;
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  box.replaceChildren(
    el(
      'div',
      { class: 'alert', role: 'alert' },
      el(
        'p',
        { class: 'alert-title' },
        message || (error?.status === 0 ? t('offline') : problem?.title || error?.message),
      ),
      !message && problem?.detail ? el('p', null, problem.detail) : null,
      errors.length
        ? el(
            'ul',
            null,
            errors.map((e) => el('li', null, e.path ? `${e.path}: ${e.message}` : e.message)),
          )
        : null,
    ),
  );
}

const VN_TIME = 'Asia/Ho_Chi_Minh';
function parts(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    const out = {};
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: VN_TIME,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const p of format.formatToParts(date)) out[p.type] = p.value;
    return out;
  } catch {
    // No time zone data: Vietnam is UTC+7 all year round.
    const d = new Date(date.getTime() + 7 * 3600 * 1000);
    const two = (n) => String(n).padStart(2, '0');
    return {
      day: two(d.getUTCDate()),
      month: two(d.getUTCMonth() + 1),
      year: String(d.getUTCFullYear()),
      hour: two(d.getUTCHours()),
      minute: two(d.getUTCMinutes()),
    };
  }
}

/** dd/mm/yyyy in Vietnam time. */
export function formatDate(iso) {
  const p = parts(iso);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** dd/mm/yyyy hh:mm in Vietnam time. */
export function formatDateTime(iso) {
  const p = parts(iso);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}

/** "100.000 ₫" (vi) or "100,000 ₫" (en); "Miễn phí" when there is no fee. */
export function formatFee(fee) {
  if (!fee?.amount) return t('free');
  const digits = String(Math.round(fee.amount)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return `${digits}\u00a0₫`;
}

export const formatDays = (n) => t('days', n);
export const levelName = (level) => t(level === 4 ? 'level4' : 'level3');
export const statusLabel = (status) => t(status);

/** A query-string parameter of the page's address. */
export const param = (name) => new URLSearchParams(location.search).get(name) || '';
