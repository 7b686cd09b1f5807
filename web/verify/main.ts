// The verification page: the QR code's lookup (GET /api/verify/{code}?t=) when the address carries one, and the
// check of a PDF the user picks (POST /api/verify), each told plainly: genuine or not, and why.
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { setFieldError } from '../components/field/behaviour';
import { summaryList } from '../components/summary-list/summary-list';
import { statusTag, tag } from '../components/tag/tag';
import { ApiError, apiFetch } from '../lib/api';
import type { PdfVerification, Verification } from '../lib/api-types';
import { byId, queryParam, render } from '../lib/dom';
import { formatDateTime } from '../lib/format';
import { h } from '../lib/html';
import { COMMON, pick } from '../lib/i18n';
import { startPage } from '../lib/start';
import { VERIFY_TEXTS } from './texts';

const lang = startPage();
const text = VERIFY_TEXTS[lang];
const MAX_BYTES = 4 * 1024 * 1024;
const errorBox = byId('error');
const statusLine = byId('status');
const qrResult = byId('qr-result');
const fileResult = byId('file-result');
const form = byId<HTMLFormElement>('check-file');
const fileInput = byId<HTMLInputElement>('file');
const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;

/** The digests of what the QR code's case issued: a picked file is compared with them. */
let issuedDigests: readonly string[] = [];

function minutes(error: unknown): number {
  return error instanceof ApiError ? Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) : 1;
}

function caseView(found: Verification) {
  return h(
    'div',
    { class: 'card' },
    h('h2', null, text.fromQr),
    h('p', null, tag(text.genuineCase, 'green')),
    summaryList([
      { key: text.code, value: found.code },
      { key: text.procedure, value: pick(found.procedure.name, lang) },
      { key: text.agency, value: pick(found.agency.name, lang) },
      { key: text.status, value: statusTag(found.status, lang) },
    ]),
    h('h3', null, text.issued),
    found.documents.length === 0
      ? h('p', null, text.noDocuments)
      : found.documents.map((document) =>
          summaryList([
            { key: text.result, value: document.kind === 'result' ? text.result : document.kind },
            { key: text.issuedAt, value: formatDateTime(document.issuedAt) },
            {
              key: text.signer,
              value: document.signer ? `${document.signer.name} (${document.signer.agency})` : '',
            },
            { key: text.digest, value: h('code', { class: 'digest' }, document.sha256) },
          ]),
        ),
  );
}

async function lookUp(code: string, token: string) {
  statusLine.textContent = text.checking;
  try {
    const found = await apiFetch<Verification>(`/verify/${encodeURIComponent(code)}`, {
      query: { t: token },
    });
    issuedDigests = found.documents.map((document) => document.sha256);
    render(qrResult, caseView(found));
  } catch (error) {
    showErrorSummary(
      errorBox,
      problemSummary(error, lang, { titles: { 404: text.notFound, 429: text.tooMany(minutes(error)) } }),
    );
  } finally {
    statusLine.textContent = '';
  }
}

function verdictView(verdict: PdfVerification) {
  const sameAsQr = issuedDigests.length > 0 ? issuedDigests.includes(verdict.sha256) : undefined;
  return h(
    'div',
    { class: 'card' },
    h('h2', null, text.fileHeading),
    h('p', null, tag(verdict.valid ? text.valid : text.invalid, verdict.valid ? 'green' : 'red')),
    verdict.problems.length > 0
      ? h(
          'ul',
          { class: 'problems' },
          verdict.problems.map((p) => h('li', null, p)),
        )
      : null,
    sameAsQr === undefined ? null : h('p', null, sameAsQr ? text.matchesQr : text.differsFromQr),
    summaryList([
      { key: text.code, value: verdict.code ?? '' },
      {
        key: text.signer,
        value: verdict.signer
          ? `${verdict.signer.name}${verdict.signer.agency ? ` (${verdict.signer.agency})` : ''}`
          : '',
      },
      { key: text.signedAt, value: verdict.signedAt ? formatDateTime(verdict.signedAt) : '' },
      { key: text.digest, value: h('code', { class: 'digest' }, verdict.sha256) },
    ]),
  );
}

async function checkFile() {
  const file = fileInput.files?.[0];
  const problem = !file
    ? text.fileMissing
    : file.size > MAX_BYTES
      ? text.fileTooLarge
      : file.type && file.type !== 'application/pdf'
        ? text.fileNotPdf
        : '';
  setFieldError(fileInput, problem);
  render(fileResult);
  if (problem || !file) {
    showErrorSummary(
      errorBox,
      errorSummary({ title: COMMON[lang].problemTitle, items: [{ text: problem, href: '#file' }] }),
    );
    return;
  }
  render(errorBox);
  submit.disabled = true;
  statusLine.textContent = text.checking;
  try {
    const verdict = await apiFetch<PdfVerification>('/verify', {
      method: 'POST',
      file: { type: 'application/pdf', data: file },
    });
    render(fileResult, verdictView(verdict));
  } catch (error) {
    showErrorSummary(
      errorBox,
      problemSummary(error, lang, { titles: { 429: text.tooMany(minutes(error)) } }),
    );
  } finally {
    submit.disabled = false;
    statusLine.textContent = '';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void checkFile();
});

const code = queryParam('c');
const token = queryParam('t');
if (code && token) void lookUp(code, token);
