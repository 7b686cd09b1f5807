// A procedure's public page (Decree 43/2011 art. 10): steps, where, documents, form fields, time, fee,
// applicants, result and legal basis, from GET /api/procedures/{id}.
import {
  addStrings,
  api,
  el,
  formatDays,
  formatFee,
  lang,
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
    back: '← Tất cả thủ tục',
    notFound: 'Không tìm thấy thủ tục',
    notFoundText: 'Thủ tục này không có trong danh mục hoặc đường dẫn không đúng.',
    code: 'Mã thủ tục',
    agency: 'Cơ quan thực hiện',
    level: 'Mức độ',
    fee: 'Phí, lệ phí',
    time: 'Thời hạn giải quyết',
    steps: 'Trình tự thực hiện',
    where: 'Nơi thực hiện',
    address: 'Địa chỉ',
    documents: 'Thành phần hồ sơ',
    required: 'Bắt buộc',
    optional: 'Không bắt buộc',
    originals: (n) => `${n} bản chính`,
    copies: (n) => `${n} bản sao`,
    files: (types, mb, n) => `Tệp ${types}, tối đa ${mb} MB mỗi tệp, tối đa ${n} tệp`,
    form: 'Thông tin cần kê khai',
    formCount: (n) => `Xem ${n} mục cần kê khai`,
    formNote: 'Các mục có dấu * là bắt buộc.',
    many: 'có thể kê khai nhiều',
    applicants: 'Đối tượng thực hiện',
    result: 'Kết quả thực hiện',
    delivery: 'Cách nhận kết quả',
    online: 'Trực tuyến',
    post: 'Qua dịch vụ bưu chính công ích',
    in_person: 'Trực tiếp tại Bộ phận Một cửa',
    legal: 'Căn cứ pháp lý',
    note: 'Lưu ý',
    track: 'Đã nộp hồ sơ? Tra cứu tình trạng hồ sơ',
  },
  en: {
    back: '← All procedures',
    notFound: 'Procedure not found',
    notFoundText: 'This procedure is not in the catalogue, or the link is wrong.',
    code: 'Procedure code',
    agency: 'Handled by',
    level: 'Service level',
    fee: 'Fees and charges',
    time: 'Processing time',
    steps: 'Steps',
    where: 'Where',
    address: 'Address',
    documents: 'Documents',
    required: 'Required',
    optional: 'Optional',
    originals: (n) => `${n} original${n === 1 ? '' : 's'}`,
    copies: (n) => `${n} cop${n === 1 ? 'y' : 'ies'}`,
    files: (types, mb, n) => `${types} files, up to ${mb} MB each, at most ${n} file${n === 1 ? '' : 's'}`,
    form: 'Information to fill in',
    formCount: (n) => `Show the ${n} items to fill in`,
    formNote: 'Items marked * are required. The form is filled in in Vietnamese.',
    many: 'one or more',
    applicants: 'Who may apply',
    result: 'Result',
    delivery: 'How you receive it',
    online: 'Online',
    post: 'By public postal service',
    in_person: 'In person at the one-stop desk',
    legal: 'Legal basis',
    note: 'Note',
    track: 'Already applied? Track your application',
  },
});

const status = document.getElementById('status');
const errorBox = document.getElementById('error');
const article = document.getElementById('procedure');
let state = null;

const TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG', 'image/heic': 'HEIC' };
const typeName = (mime) => TYPES[mime] || String(mime).split('/').pop().toUpperCase();
const megabytes = (bytes) => Math.round((bytes / 1048576) * 10) / 10;

function section(title, ...content) {
  return el('section', null, el('h2', null, title), ...content);
}

function documentItem(d) {
  const counts = [];
  if (d.copies?.originals) counts.push(t('originals', d.copies.originals));
  if (d.copies?.copies) counts.push(t('copies', d.copies.copies));
  const accept = Array.isArray(d.accept) ? d.accept.map(typeName).join(', ') : '';
  return el(
    'li',
    null,
    el('span', { class: `badge ${d.required ? 'req' : 'opt'}` }, t(d.required ? 'required' : 'optional')),
    ' ',
    el('span', { class: 'doc-name' }, pick(d.name)),
    counts.length ? el('span', { class: 'hint' }, counts.join(', ')) : null,
    d.maxBytes
      ? el('span', { class: 'hint' }, t('files', accept, megabytes(d.maxBytes), d.maxFiles || 1))
      : null,
  );
}

/** The `form` schema's fields as nested lists of their titles; counts the leaves in `counter`. */
function fieldList(schema, counter) {
  const properties = schema?.properties;
  if (!properties || typeof properties !== 'object') return null;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const list = el('ul', { class: 'fields' });
  for (const [key, field] of Object.entries(properties)) {
    const isArray = field?.type === 'array';
    const inner = isArray ? field.items : field;
    const options = Array.isArray(inner?.oneOf) ? inner.oneOf.map((o) => o?.title).filter(Boolean) : [];
    const sub = fieldList(inner, counter);
    if (!sub) counter.n++;
    list.append(
      el(
        'li',
        null,
        el(
          'span',
          { class: 'field' },
          field?.title || inner?.title || key,
          required.has(key) ? '\u00a0*' : '',
        ),
        isArray ? el('span', { class: 'hint' }, `(${t('many')})`) : null,
        options.length ? el('span', { class: 'hint' }, options.join(' / ')) : null,
        field?.description ? el('span', { class: 'hint' }, field.description) : null,
        sub,
      ),
    );
  }
  return list;
}

function renderProcedure(p) {
  document.title = `${pick(p.name)} – ${t('brand')}`;
  const facts = el('dl', { class: 'facts summary' });
  const fact = (label, value) =>
    value && facts.append(el('div', null, el('dt', null, label), el('dd', null, value)));
  fact(t('agency'), pick(p.agency?.name));
  fact(t('level'), pick(p.serviceLevelName) || levelName(p.level));
  fact(t('fee'), formatFee(p.fee));
  fact(t('time'), formatDays(p.processingDays));
  if (p.nationalCode) fact(t('code'), p.nationalCode);

  const parts = [el('h1', null, pick(p.name)), facts];
  if (Array.isArray(p.steps) && p.steps.length)
    parts.push(
      section(
        t('steps'),
        el(
          'ol',
          { class: 'steps' },
          p.steps.map((s) => el('li', null, pick(s))),
        ),
      ),
    );
  if (p.where) {
    parts.push(
      section(
        t('where'),
        el('p', null, pick(p.where)),
        p.where.address
          ? el('p', null, el('strong', null, `${t('address')}: `), pick(p.where.address))
          : null,
      ),
    );
  }
  if (Array.isArray(p.documents) && p.documents.length) {
    const sorted = [...p.documents].sort((a, b) => Number(b.required) - Number(a.required));
    parts.push(section(t('documents'), el('ul', { class: 'docs' }, sorted.map(documentItem))));
  }
  const counter = { n: 0 };
  const fields = fieldList(p.form, counter);
  if (fields) {
    // The form's titles are in Vietnamese only: say so to screen readers.
    fields.setAttribute('lang', 'vi');
    parts.push(
      section(
        t('form'),
        el('p', { class: 'hint' }, t('formNote')),
        el('details', null, el('summary', null, t('formCount', counter.n)), fields),
      ),
    );
  }
  if (p.applicants) parts.push(section(t('applicants'), el('p', null, pick(p.applicants))));
  const delivery = p.resultDelivery;
  if (delivery) {
    const methods = Array.isArray(delivery.methods) ? delivery.methods : [];
    parts.push(
      section(
        t('result'),
        el('p', null, pick(delivery.result)),
        methods.length
          ? el('p', null, el('strong', null, `${t('delivery')}: `), methods.map((m) => t(m)).join('; '))
          : null,
      ),
    );
  }
  if (Array.isArray(p.legalBasis) && p.legalBasis.length) {
    const list = el(
      'ul',
      { class: 'legal' },
      p.legalBasis.map((l) => el('li', null, pick(l))),
    );
    if (lang === 'en') list.setAttribute('lang', 'vi');
    parts.push(section(t('legal'), list));
  }
  if (p.sampleValues)
    parts.push(el('aside', { class: 'note' }, el('strong', null, `${t('note')}: `), pick(p.sampleValues)));
  parts.push(el('p', null, el('a', { class: 'track-link', href: 'track.html' }, t('track'))));
  article.replaceChildren(...parts);
}

function render() {
  if (!state) return;
  errorBox.replaceChildren();
  if (state.procedure) {
    renderProcedure(state.procedure);
  } else if (state.notFound) {
    document.title = `${t('notFound')} – ${t('brand')}`;
    article.replaceChildren(el('h1', null, t('notFound')), el('p', null, t('notFoundText')));
  } else {
    article.replaceChildren();
    showError(errorBox, state.error);
    errorBox.firstChild?.append(el('p', null, el('a', { href: location.href }, t('retry'))));
  }
}

async function load() {
  const id = param('id');
  try {
    if (!id) throw Object.assign(new Error('no id'), { status: 404 });
    state = { procedure: await api(`/api/procedures/${encodeURIComponent(id)}`) };
  } catch (error) {
    state = error?.status === 404 ? { notFound: true } : { error };
  }
  status.textContent = '';
  render();
}

onLangChange(render);
start();
status.textContent = t('loading');
load();
