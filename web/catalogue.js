// The catalogue: search the procedures (the API ignores diacritics) and list them as cards.
import {
  addStrings,
  api,
  el,
  formatDays,
  formatFee,
  levelName,
  onLangChange,
  param,
  pick,
  showError,
  start,
  t,
} from './app.js';

addStrings({
  vi: {
    heading: 'Thủ tục hành chính',
    searchLabel: 'Tìm thủ tục',
    searchHint: 'Ví dụ: khai sinh',
    searchButton: 'Tìm',
    trackLink: 'Tra cứu tình trạng hồ sơ đã nộp',
    count: (n) => `${n} thủ tục`,
    none: 'Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác.',
    fee: 'Lệ phí',
    time: 'Thời hạn',
  },
  en: {
    heading: 'Administrative procedures',
    searchLabel: 'Find a procedure',
    searchHint: 'e.g. birth',
    searchButton: 'Search',
    trackLink: 'Track an application you have submitted',
    count: (n) => `${n} procedure${n === 1 ? '' : 's'}`,
    none: 'No procedure matches. Try other words.',
    fee: 'Fee',
    time: 'Processing time',
  },
});

const form = document.getElementById('search');
const input = document.getElementById('q');
const results = document.getElementById('results');
const status = document.getElementById('status');
const errorBox = document.getElementById('error');

let items = null;
let controller = null;
let timer = 0;

function card(p) {
  return el(
    'li',
    { class: 'card' },
    el('h2', null, el('a', { href: `procedure.html?id=${encodeURIComponent(p.id)}` }, pick(p.name))),
    el('p', { class: 'agency' }, pick(p.agency?.name)),
    el('p', null, el('span', { class: `badge level${p.level}` }, levelName(p.level))),
    el(
      'dl',
      { class: 'facts' },
      el('div', null, el('dt', null, t('fee')), el('dd', null, formatFee(p.fee))),
      el('div', null, el('dt', null, t('time')), el('dd', null, formatDays(p.processingDays))),
    ),
  );
}

function render() {
  if (!items) return;
  results.replaceChildren(...items.map(card));
  status.textContent = items.length ? t('count', items.length) : t('none');
}

async function search(q) {
  controller?.abort();
  controller = new AbortController();
  status.textContent = t('loading');
  results.setAttribute('aria-busy', 'true');
  try {
    const body = await api(`/api/procedures${q ? `?q=${encodeURIComponent(q)}` : ''}`, {
      signal: controller.signal,
    });
    items = Array.isArray(body?.items) ? body.items : [];
    errorBox.replaceChildren();
    render();
  } catch (error) {
    if (error?.name === 'AbortError') return;
    items = null;
    results.replaceChildren();
    status.textContent = '';
    showError(errorBox, error);
  } finally {
    results.removeAttribute('aria-busy');
  }
}

function run() {
  clearTimeout(timer);
  const q = input.value.trim();
  const url = new URL(location.href);
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  search(q);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, 350);
});

onLangChange(render);
start();
input.value = param('q');
search(input.value.trim());
