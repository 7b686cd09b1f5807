// The apply wizard (`/apply/<id>/`): the procedure's form a few fields per page, its documents, "check your
// answers", the submission with one Idempotency-Key per attempt, and the confirmation. Every change is kept on the
// device at once and sent to /api/drafts when the network allows, so a reload or a dropped network loses nothing.
import { mountAccountBar } from '../components/account/behaviour';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { type ErrorItem, errorSummary } from '../components/error-summary/error-summary';
import { apiFetch } from '../lib/api';
import type { SubmitResponse } from '../lib/api-types';
import { currentSession, requireSession } from '../lib/auth';
import { byId, readPageData, render } from '../lib/dom';
import { type LocalDraft, loadLocalDraft, removeLocalDraft, saveLocalDraft } from '../lib/drafts';
import { type Child, h } from '../lib/html';
import { fill } from '../lib/page-texts';
import {
  type Answers,
  checkAnswers,
  type FieldError,
  type FormLocale,
  type FormStep,
  fieldId,
  fieldLabel,
  formSteps,
  getAt,
  joinPath,
  parsePath,
  pruneAnswers,
  setAt,
  stepOfPath,
} from '../lib/schema-form';
import { readControl, showFieldErrors, stepFields } from '../lib/schema-form-render';
import type { FormTexts } from '../lib/schema-form-texts';
import { startPage } from '../lib/start';
import { pages } from '../lib/urls';
import { type FileEntry, isStored } from './files';
import type { ApplyPageData } from './page-data';
import { stepHref } from './step-href';
import type { ApplyTexts } from './texts';

const lang = startPage();
const session = requireSession({ roles: ['citizen', 'business'] });
const root = byId('apply');
const { procedure, texts } = readPageData<{
  procedure: ApplyPageData;
  texts: { apply: ApplyTexts; form: FormTexts };
}>('apply-data');
const text = texts.apply;
const locale: FormLocale = { lang, texts: texts.form };

/** The later steps' code (documents, check your answers, confirmation), fetched once the first step is ready. */
type Later = typeof import('./later');
let later: Promise<Later> | undefined;
const loadLater = () => {
  later ??= import('./later');
  return later;
};
/** The server's side of the draft: small, and fetched as soon as the first step is drawn. */
type DraftSync = typeof import('./draft-sync');
let draftSync: Promise<DraftSync> | undefined;
const loadDraftSync = () => {
  draftSync ??= import('./draft-sync');
  return draftSync;
};
let documents: ReturnType<Later['createDocuments']> | undefined;

const DOCUMENTS = 'documents';
const CHECK = 'check';
const DONE = 'done';
const formStepList = formSteps(procedure.form, locale);
const stepIds = [
  ...formStepList.map((s) => s.id),
  ...(procedure.documents.length > 0 ? [DOCUMENTS] : []),
  CHECK,
];

// ---- State: the answers, the files, where the applicant is; what the draft holds ----
let data: Answers = {};
const files: FileEntry[] = [];
let stepId = stepIds[0]!;
/** Messages beside the fields of the page shown, and those of the last submission until their field changes. */
let fieldErrors = new Map<string, string>();
const serverErrors = new Map<string, string>();
/** Changes made on this device, and how many of them the server has. */
let revision = 0;
let syncedRevision = 0;
let serverUpdatedAt: string | undefined;
let resumedOn: string | undefined;
let submitted: SubmitResponse | undefined;
/** A submission went out with no answer back: its draft stays until a new attempt gets the answer. */
let submitting = false;
/** Fields changed since the page opened: they win over a server copy that arrives after them. */
const touched = new Set<string>();
/** The step the address asked for when the page opened (none: go to where the draft was left). */
const askedStep = new URLSearchParams(location.search).get('step');

const owner = session?.user.sub ?? '';
const submitScope = `submit:${owner}:${procedure.id}`;

function documentsOf(module: Later) {
  documents ??= module.createDocuments({
    lang,
    procedureId: procedure.id,
    rules: procedure.documents,
    files,
    changed,
    announce: (message) => {
      const live = document.getElementById('announce');
      if (live) live.textContent = message;
    },
  });
  return documents;
}

// ---- The draft: on the device at once, on the server when possible ----

function localDraft(): LocalDraft {
  return {
    procedureId: procedure.id,
    data,
    files: files.filter(isStored).map((f) => ({
      documentType: f.documentType,
      uploadId: f.uploadId!,
      fileName: f.fileName,
      ...(f.size ? { size: f.size } : {}),
    })),
    step: stepId,
    savedAt: new Date().toISOString(),
    dirty: revision !== syncedRevision,
    ...(serverUpdatedAt ? { serverUpdatedAt } : {}),
    ...(submitting ? { submitting } : {}),
  };
}

let localTimer: ReturnType<typeof setTimeout> | undefined;
let syncTimer: ReturnType<typeof setTimeout> | undefined;
/** Keeps the draft on the device; not once the application went, nor once the user signed out (a shared phone). */
const keepLocally = () => {
  clearTimeout(localTimer);
  if (!submitted && currentSession()) saveLocalDraft(owner, localDraft());
};

/** Something changed: on the device within a moment, on the server a few seconds after the typing stops. */
function changed(): void {
  revision++;
  clearTimeout(localTimer);
  localTimer = setTimeout(keepLocally, 300);
  clearTimeout(syncTimer);
  syncTimer = setTimeout(() => void sync(), 5000);
}

let drafts: ReturnType<DraftSync['createDraftSync']> | undefined;

/** The draft's server side (its code comes just after the first page is drawn). */
async function draftCalls() {
  drafts ??= (await loadDraftSync()).createDraftSync({
    api: apiFetch,
    snapshot: () => ({ draft: localDraft(), revision }),
    upToDate: () => Boolean(submitted) || revision === syncedRevision,
    saved: (at, updatedAt) => {
      syncedRevision = at;
      serverUpdatedAt = updatedAt;
      keepLocally();
    },
    lost: (uploadIds) => {
      for (const entry of files) {
        if (!entry.uploadId || !uploadIds.includes(entry.uploadId)) continue;
        Object.assign(entry, {
          state: 'failed',
          uploadId: undefined,
          retryable: false,
          problem: text.expired,
        });
      }
      revision++;
      if (stepId === DOCUMENTS) showStep();
    },
  });
  return drafts;
}

/** Sends the draft if the server lacks changes. */
async function sync(): Promise<'saved' | 'offline' | 'failed'> {
  clearTimeout(syncTimer);
  keepLocally();
  return (await draftCalls()).sync();
}

function adopt(draft: LocalDraft | { data: Answers; files: LocalDraft['files']; step?: string }) {
  data = structuredClone(draft.data);
  files.splice(
    0,
    files.length,
    ...draft.files.map((f, i) => ({
      id: `saved${i}`,
      documentType: f.documentType,
      uploadId: f.uploadId,
      // Unknown on a device that did not upload it: the documents step asks the API (GET /api/uploads/{id}).
      fileName: f.fileName ?? '',
      ...(f.size ? { size: f.size } : {}),
      state: 'uploaded' as const,
      progress: 1,
    })),
  );
}

/**
 * The server's draft against this device's. Changes this device has not sent yet win: a draft left dirty here (sent
 * by the next sync), and every field typed since the page opened (laid over the server's copy). Otherwise a server
 * copy this device has not seen (from another device) is taken, and the wizard goes to where it was left.
 */
async function reconcile(dirtyAtLoad: boolean) {
  const server = await (await draftCalls()).server(procedure.id);
  if (server === undefined) return; // Offline: carry on with this device's copy.
  if (dirtyAtLoad || submitted) {
    void sync();
    return;
  }
  if (!server) {
    if (serverUpdatedAt && touched.size === 0 && !submitting) {
      // It was on the server and is gone: submitted elsewhere, deleted or expired. Start afresh.
      removeLocalDraft(owner, procedure.id);
      adopt({ data: {}, files: [] });
      serverUpdatedAt = undefined;
      resumedOn = undefined;
      showStep(undefined, true);
    }
    return;
  }
  if (server.updatedAt === serverUpdatedAt) return;
  const mine = data;
  const known = new Map(files.map((f) => [f.uploadId, f]));
  const added = files.filter((f) => f.uploadId && !server.documents.some((d) => d.uploadId === f.uploadId));
  adopt({
    data: server.data,
    files: server.documents.map((d) => ({
      ...d,
      fileName: known.get(d.uploadId)?.fileName,
      size: known.get(d.uploadId)?.size,
    })),
  });
  for (const path of touched) setAt(data, path, getAt(mine, path));
  files.push(...added);
  serverUpdatedAt = server.updatedAt;
  resumedOn = server.updatedAt;
  if (touched.size > 0 || added.length > 0) changed();
  else keepLocally();
  if (!askedStep && server.step && stepIds.includes(server.step) && touched.size === 0) {
    go(server.step, { replace: true, resuming: true });
  } else showStep(undefined, true);
}

// ---- Pages ----

const formStep = (id: string): FormStep | undefined => formStepList.find((s) => s.id === id);

function previousStep(id: string): string | undefined {
  const index = stepIds.indexOf(id);
  return index > 0 ? stepIds[index - 1] : undefined;
}

function go(id: string, options: { replace?: boolean; focus?: string; resuming?: boolean } = {}) {
  if (id !== stepId && !options.resuming) resumedOn = undefined;
  stepId = stepIds.includes(id) || id === DONE ? id : stepIds[0]!;
  fieldErrors = new Map();
  const url = new URL(location.href);
  url.searchParams.set('step', stepId);
  url.hash = options.focus ?? '';
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  showStep(options.focus);
  // The save goes once the new page is on screen: it must not hold up the step's answer.
  if (stepId !== DONE) whenIdle(() => void sync());
}

/** Runs `task` once the phone has a moment (after the current page is painted). */
function whenIdle(task: () => void) {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 200);
}

function buttons(primary: Child): Child {
  return h(
    'div',
    { class: 'button-group' },
    primary,
    h('button', { type: 'button', class: 'button--secondary', 'data-action': 'save' }, text.saveDraft),
  );
}

function backLink(): Child {
  const previous = previousStep(stepId);
  return previous
    ? h('a', { class: 'back-link', href: stepHref(previous) }, text.back)
    : h('a', { class: 'back-link', href: pages(lang).procedure(procedure.id) }, text.back);
}

function caption(): Child {
  const index = stepIds.indexOf(stepId);
  return h(
    'span',
    { class: 'caption' },
    procedure.name,
    ' · ',
    fill(text.stepOf, { n: index + 1, total: stepIds.length }),
  );
}

function resumedNotice(): Child {
  if (submitting && stepId === CHECK) return h('div', { class: 'notice' }, h('p', null, text.maybeSubmitted));
  if (!resumedOn) return null;
  return h(
    'div',
    { class: 'notice' },
    h(
      'p',
      null,
      fill(text.resumed, { date: new Date(resumedOn).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB') }),
    ),
    h(
      'button',
      { type: 'button', class: 'button--secondary button--small', 'data-action': 'start-again' },
      text.startAgain,
    ),
  );
}

/** A step's form: caption, heading, what it asks, and "Continue" (or `primary`) beside "Save draft". */
function stepForm(
  title: string,
  body: Child,
  primary: Child = h('button', { type: 'submit' }, text.continue),
) {
  return [
    h(
      'form',
      { id: 'step-form', novalidate: true },
      caption(),
      h('h1', { id: 'step-title', tabindex: '-1' }, title),
      body,
      buttons(primary),
    ),
  ];
}

function pageFor(id: string, module: Later | undefined): Child[] {
  const step = formStep(id);
  if (step) {
    const errors = new Map([...serverErrors, ...fieldErrors]);
    return stepForm(step.title, [
      step.hint ? h('p', { class: 'hint' }, step.hint) : null,
      step.optional ? h('p', { class: 'hint' }, text.optionalStep) : null,
      stepFields(step, { locale, data, errors }),
    ]);
  }
  if (!module) return [h('p', { class: 'status-line' }, '…')];
  if (id === DOCUMENTS) return stepForm(text.documents, documentsOf(module).view());
  if (id === CHECK) {
    return stepForm(
      text.check,
      module.checkAnswersView({ locale, procedure, steps: formStepList, data, files }),
      h('button', { type: 'submit', class: 'button--start', 'data-submit': true }, text.submit),
    );
  }
  return module.confirmationView(
    locale,
    procedure,
    submitted ?? {
      code: new URLSearchParams(location.search).get('code') ?? '',
      status: 'submitted',
      dueAt: '',
    },
  );
}

let shown = 0;

/**
 * Draws the current step (a later step once its code has come), then focuses its heading or the field asked for;
 * `keepFocus` (a redraw the applicant did not ask for) leaves focus on the control that had it.
 */
function showStep(focus?: string, keepFocus = false) {
  const drawing = ++shown;
  const had = keepFocus ? document.activeElement?.id : undefined;
  const step = formStep(stepId);
  document.title = `${step?.title ?? (stepId === DOCUMENTS ? text.documents : stepId === CHECK ? text.check : text.submitted)} – ${procedure.name}`;
  const draw = (module: Later | undefined) => {
    if (drawing !== shown) return;
    render(
      root,
      stepId === DONE ? null : backLink(),
      stepId === DONE ? null : resumedNotice(),
      h('div', { id: 'error' }),
      pageFor(stepId, module),
      h('p', { id: 'draft-status', class: 'status-line', role: 'status' }),
      h('p', { id: 'announce', class: 'visually-hidden', 'aria-live': 'polite' }),
    );
    document.getElementById('loading')?.remove();
    const target = focus ? document.getElementById(focus) : null;
    const kept = had ? document.getElementById(had) : null;
    if (kept) kept.focus({ preventScroll: true });
    else if (target) {
      (target.closest('.form-group')?.querySelector('label, legend') ?? target).scrollIntoView();
      target.focus({ preventScroll: true });
    } else {
      window.scrollTo(0, 0);
      document.getElementById('step-title')?.focus();
    }
  };
  if (step) return draw(undefined);
  draw(undefined);
  void loadLater().then(draw, () => showProblems([], text.connection));
}

// ---- Errors: the summary at the top, each linked to its field, and the message beside it ----

/** A problem's link: the field on this page, or its page and field. */
function hrefOf(path: string): string | undefined {
  if (path.startsWith('documents')) return stepHref(DOCUMENTS);
  const step = stepOfPath(formStepList, path);
  if (!step) return undefined;
  const id = fieldId(path);
  return step.id === stepId ? `#${id}` : stepHref(step.id, id);
}

function labelOf(path: string): string {
  const step = stepOfPath(formStepList, path);
  return step ? fieldLabel(step, path) : path;
}

function showProblems(items: ErrorItem[], title = text.problemTitle, description?: string) {
  showErrorSummary(byId('error'), errorSummary({ title, items, ...(description ? { description } : {}) }));
}

function summaryOf(errors: readonly FieldError[]): ErrorItem[] {
  return errors.map((e) => {
    const href = hrefOf(e.path);
    return { text: `${labelOf(e.path)}: ${e.message}`, ...(href ? { href } : {}) };
  });
}

// ---- Moving on ----

function continueFrom(id: string) {
  const step = formStep(id);
  if (step) {
    const errors = checkAnswers(step.schema, step.base, data, locale, step.optional);
    for (const [path, message] of serverErrors) {
      if (stepOfPath(formStepList, path) === step && !errors.some((e) => e.path === path))
        errors.push({ path, message });
    }
    if (errors.length > 0) {
      fieldErrors = new Map(errors.map((e) => [e.path, e.message]));
      showFieldErrors(root, fieldErrors, locale);
      showProblems(summaryOf(errors));
      return;
    }
  } else if (id === DOCUMENTS && documents) {
    const problems = documents.problems();
    if (problems.length > 0) {
      documents.showProblems(new Map(problems.map((p) => [p.type, p.text])));
      showProblems(problems);
      return;
    }
  } else if (id === CHECK) {
    void submit();
    return;
  }
  go(stepIds[stepIds.indexOf(id) + 1] ?? CHECK);
}

/** Every problem the cheap checks find on every page, before the submission is even tried. */
function allProblems(): ErrorItem[] {
  const items: ErrorItem[] = [];
  for (const step of formStepList)
    items.push(...summaryOf(checkAnswers(step.schema, step.base, data, locale, step.optional)));
  for (const problem of documents?.problems() ?? []) {
    items.push({ text: problem.text, href: stepHref(DOCUMENTS, problem.href.slice(1)) });
  }
  return items;
}

function setStatus(message: string) {
  const line = document.getElementById('draft-status');
  if (line) line.textContent = message;
}

async function submit() {
  const problems = allProblems();
  if (problems.length > 0) {
    showProblems(problems);
    return;
  }
  const button = root.querySelector<HTMLButtonElement>('[data-submit]');
  if (button) button.disabled = true;
  setStatus(text.submitting);
  submitting = true;
  keepLocally();
  const module = await loadLater();
  const outcome = await module.submitApplication({
    lang,
    scope: submitScope,
    body: {
      procedureId: procedure.id,
      data: pruneAnswers(data) as Answers,
      documents: files.filter(isStored).map((f) => ({ documentType: f.documentType, uploadId: f.uploadId! })),
    },
    rules: procedure.documents,
    documentsStep: DOCUMENTS,
    hrefOf,
    labelOf,
    problemTitle: text.problemTitle,
    serverError: text.serverError,
  });
  if (button) button.disabled = false;
  setStatus('');
  if (!outcome.ok) {
    // Only a lost answer leaves the submission in doubt; any answer settles it.
    submitting = outcome.unanswered;
    keepLocally();
    if (outcome.fieldErrors.size > 0) {
      serverErrors.clear();
      for (const [path, message] of outcome.fieldErrors) serverErrors.set(path, message);
    }
    return showProblems(outcome.items, outcome.title);
  }
  submitted = outcome.answer;
  clearTimeout(syncTimer);
  clearTimeout(localTimer);
  removeLocalDraft(owner, procedure.id);
  const url = new URL(location.href);
  url.search = `?step=${DONE}&code=${encodeURIComponent(submitted.code)}`;
  url.hash = '';
  history.replaceState(null, '', url);
  stepId = DONE;
  showStep();
}

async function startAgain() {
  if (!window.confirm(text.confirmStartAgain)) return;
  clearTimeout(syncTimer);
  removeLocalDraft(owner, procedure.id);
  adopt({ data: {}, files: [] });
  revision = syncedRevision = 0;
  serverUpdatedAt = undefined;
  resumedOn = undefined;
  serverErrors.clear();
  go(stepIds[0]!);
  (await loadLater()).forgetIdempotencyKey(submitScope);
  await (await draftCalls()).remove(procedure.id).catch(() => undefined);
}

// ---- Events, delegated to the wizard's root ----

function onInput(event: Event) {
  if (documents?.onChange(event)) return;
  const path = readControl(event.target, data);
  if (path === null) return;
  serverErrors.delete(path);
  touched.add(path);
  changed();
}

function onClick(event: MouseEvent) {
  if (documents?.onClick(event)) return;
  const target = (event.target as Element | null)?.closest<HTMLElement>('a, button');
  if (!target) return;
  const href = target.getAttribute('href');
  if (target instanceof HTMLAnchorElement && href?.startsWith('?step=')) {
    event.preventDefault();
    const url = new URL(href, location.href);
    go(url.searchParams.get('step') ?? stepIds[0]!, { focus: url.hash.slice(1) || undefined });
    return;
  }
  const action = target.dataset.action;
  const path = target.dataset.path;
  if (action === 'add' && path) {
    // A list the form requires shows its first item before any answer: the new one comes after those shown.
    const list = getAt(data, path);
    const shown = root.querySelectorAll(`[data-action="remove"][data-path^="${path}["]`).length;
    const item = joinPath(path, Math.max(Array.isArray(list) ? list.length : 0, shown));
    setAt(data, item, {});
    touched.add(path);
    changed();
    showStep();
    document
      .getElementById(`${fieldId(item)}-item`)
      ?.querySelector<HTMLElement>('[data-path]')
      ?.focus();
  } else if (action === 'remove' && path) {
    const segments = parsePath(path);
    const index = segments.pop() as number;
    const listPath = segments.reduce<string>((p, s) => joinPath(p, s), '');
    (getAt(data, listPath) as unknown[] | undefined)?.splice(index, 1);
    touched.add(listPath);
    changed();
    showStep();
    root.querySelector<HTMLElement>(`[data-action="add"][data-path="${listPath}"]`)?.focus();
  } else if (action === 'save') {
    void sync().then((result) =>
      setStatus(
        result === 'saved'
          ? fill(text.saved, {
              time: new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }),
            })
          : text.savedHere,
      ),
    );
  } else if (action === 'start-again') void startAgain();
  else if (action === 'copy-pin' || action === 'pay') {
    void loadLater().then((module) => module.confirmationAction(target, lang, setStatus));
  }
}

if (session) {
  const local = loadLocalDraft(owner, procedure.id);
  if (local) {
    adopt(local);
    serverUpdatedAt = local.serverUpdatedAt;
    revision = local.dirty ? 1 : 0;
    submitting = local.submitting === true;
    resumedOn = askedStep ? undefined : local.savedAt;
  }
  if (askedStep === DONE) stepId = DONE;
  else if (askedStep && stepIds.includes(askedStep)) stepId = askedStep;
  else if (local?.step && stepIds.includes(local.step)) stepId = local.step;
  root.addEventListener('input', onInput);
  root.addEventListener('change', onInput);
  root.addEventListener('click', onClick);
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    continueFrom(stepId);
  });
  window.addEventListener('popstate', () => {
    const url = new URL(location.href);
    stepId = url.searchParams.get('step') ?? stepIds[0]!;
    fieldErrors = new Map();
    showStep(url.hash.slice(1) || undefined);
  });
  window.addEventListener('online', () => {
    documents?.retryFailed();
    void sync();
  });
  // Leaving the page (or the phone locking it) keeps what was typed in the last moment.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') keepLocally();
  });
  const url = new URL(location.href);
  url.searchParams.set('step', stepId);
  history.replaceState(null, '', url);
  mountAccountBar(lang);
  showStep(location.hash.slice(1) || undefined);
  if (stepId !== DONE) void reconcile(Boolean(local?.dirty));
}
