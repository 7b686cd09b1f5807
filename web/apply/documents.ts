// The wizard's documents: one file control per document type, labelled with its name and its limits said before
// picking; each file prepared (real type, size, photos shrunk), uploaded one after another with its progress, then
// checked (the upload's verdict); retry, replace and remove per file. Used by the apply wizard and the supplement.
import { toNode } from '../lib/dom';
import { formatBytes, formatFileTypes } from '../lib/format';
import { type Child, classes, h, type VElement } from '../lib/html';
import type { Lang } from '../lib/i18n';
import { fill } from '../lib/page-texts';
import {
  type DocumentRule,
  prepareFile,
  StorageUploadError,
  settledVerdict,
  type UploadVerdict,
  uploadDocument,
  uploadVerdict,
} from '../lib/uploads';
import { type FileEntry, isStored } from './files';
import { LATER_TEXTS } from './later-texts';

export interface DocumentsContext {
  readonly lang: Lang;
  readonly procedureId: string;
  readonly rules: readonly DocumentRule[];
  readonly files: FileEntry[];
  /** The list of files changed: keep the draft. */
  readonly changed: () => void;
  /** Says something to screen readers (a polite live region). */
  readonly announce: (message: string) => void;
  /** Id prefix, so that two lists of documents never share ids on one page. @default 'doc' */
  readonly idPrefix?: string;
}

let sequence = 0;
const newId = () => `file${Date.now().toString(36)}${(sequence++).toString(36)}`;

export function createDocuments(ctx: DocumentsContext) {
  const text = LATER_TEXTS[ctx.lang];
  const prefix = ctx.idPrefix ?? 'doc';
  const inputId = (type: string) => `${prefix}-${type}`;
  const listId = (type: string) => `${prefix}-files-${type}`;
  const ruleOf = (type: string) => ctx.rules.find((r) => r.type === type);
  const ofType = (type: string) => ctx.files.filter((f) => f.documentType === type);
  /** Uploads go one after another: on a weak network, in parallel they would all crawl. */
  let queue: Promise<void> = Promise.resolve();

  function stateText(entry: FileEntry): string {
    switch (entry.state) {
      case 'preparing':
        return text.preparing;
      case 'uploading':
        return fill(text.uploading, { percent: Math.round(entry.progress * 100) });
      case 'checking':
        return text.checking;
      case 'uploaded':
        return text.uploaded;
      case 'verified':
        return text.verified;
      default:
        return entry.problem ?? text.failedServer;
    }
  }

  function fileItem(entry: FileEntry): VElement {
    const failed = entry.state === 'failed';
    const busy = entry.state === 'preparing' || entry.state === 'uploading';
    const button = (action: string, label: string) =>
      h(
        'button',
        {
          type: 'button',
          class: 'button--secondary button--small',
          'data-file-action': action,
          'data-file-id': entry.id,
          'data-focus-key': `${action}-${entry.id}`,
        },
        label,
        h('span', { class: 'visually-hidden' }, ` ${entry.fileName}`),
      );
    return h(
      'li',
      { class: classes('file', failed && 'file--failed'), id: `${prefix}-file-${entry.id}` },
      h(
        'p',
        { class: 'file__name' },
        entry.fileName || text.earlierFile,
        entry.size ? h('span', { class: 'hint' }, ` (${formatBytes(entry.size, ctx.lang)})`) : null,
      ),
      entry.state === 'uploading'
        ? h('progress', {
            id: `${prefix}-progress-${entry.id}`,
            class: 'file__progress',
            max: 100,
            value: Math.round(entry.progress * 100),
            'aria-label': fill(text.uploadingLabel, { name: entry.fileName }),
          })
        : null,
      h(
        'p',
        { class: classes('file__state', failed && 'error-message'), id: `${prefix}-state-${entry.id}` },
        stateText(entry),
      ),
      busy
        ? null
        : h(
            'div',
            { class: 'file__actions' },
            failed && entry.retryable && entry.prepared ? button('retry', text.retry) : null,
            failed ? null : button('replace', text.replace),
            button('remove', text.remove),
          ),
    );
  }

  function fileList(type: string): Child {
    return ofType(type).map(fileItem);
  }

  /** Redraws the files of `type`, keeping focus on the same control (or the file input when it went away). */
  function redraw(type: string): void {
    const list = document.getElementById(listId(type));
    if (!list) return;
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    list.replaceChildren(toNode(fileList(type)));
    const picker = document.getElementById(inputId(type)) as HTMLInputElement | null;
    const rule = ruleOf(type);
    const full = rule ? ofType(type).length >= rule.maxFiles : false;
    if (picker) picker.disabled = full;
    if (focusKey) {
      const again = list.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`);
      (again ?? (full ? list.querySelector<HTMLElement>('button') : picker))?.focus();
    }
  }

  function setProgress(entry: FileEntry): void {
    const bar = document.getElementById(`${prefix}-progress-${entry.id}`) as HTMLProgressElement | null;
    const state = document.getElementById(`${prefix}-state-${entry.id}`);
    if (!bar || !state) {
      redraw(entry.documentType);
      return;
    }
    bar.value = Math.round(entry.progress * 100);
    state.textContent = stateText(entry);
  }

  async function send(entry: FileEntry): Promise<void> {
    const prepared = entry.prepared;
    if (!prepared) return;
    entry.state = 'uploading';
    entry.progress = 0;
    entry.problem = undefined;
    redraw(entry.documentType);
    try {
      entry.uploadId = await uploadDocument({
        procedureId: ctx.procedureId,
        documentType: entry.documentType,
        file: prepared,
        onProgress: (share) => {
          entry.progress = share;
          setProgress(entry);
        },
      });
    } catch (error) {
      entry.state = 'failed';
      entry.uploadId = undefined;
      const network =
        error instanceof StorageUploadError
          ? error.status === 0
          : (error as { status?: number }).status === 0;
      entry.retryable = true;
      entry.problem = network
        ? text.failedNetwork
        : ((error as { fieldErrors?: readonly { message: string }[] }).fieldErrors?.[0]?.message ??
          text.failedServer);
      redraw(entry.documentType);
      ctx.announce(fill(text.fileStatus, { name: entry.fileName, state: entry.problem }));
      return;
    }
    entry.state = 'checking';
    redraw(entry.documentType);
    ctx.changed();
    applyVerdict(entry, await settledVerdict(entry.uploadId).catch(() => null));
    ctx.announce(fill(text.fileStatus, { name: entry.fileName, state: stateText(entry) }));
  }

  /**
   * What storage's check said of an uploaded file (GET /api/uploads/{uploadId}). A rejected file shows why, in the
   * page's language, on its line and in its document's message beside the control; it leaves the draft, and Continue
   * lists it in the error summary. No verdict (unknown, or still pending): "uploaded", and the submission judges.
   */
  function applyVerdict(entry: FileEntry, verdict: UploadVerdict | null): void {
    // Removed or replaced while it was being checked: nothing to show.
    if (!ctx.files.includes(entry)) return;
    if (verdict?.fileName && !entry.fileName) entry.fileName = verdict.fileName;
    if (verdict?.size && !entry.size) entry.size = verdict.size;
    if (verdict?.status === 'rejected') {
      Object.assign(entry, { state: 'failed', uploadId: undefined, retryable: false });
      entry.problem = verdict.problems?.map((p) => p.message).join(' ') || text.failedServer;
      ctx.changed();
      const box = document.getElementById(`${inputId(entry.documentType)}-error`);
      if (box) box.textContent = problemOf(entry.documentType)?.text ?? '';
      box?.closest('section')?.classList.add('form-group--error');
    } else if (verdict?.status === 'verified') entry.state = 'verified';
    else if (entry.state === 'checking') entry.state = 'uploaded';
    redraw(entry.documentType);
  }

  const enqueue = (entry: FileEntry) => {
    queue = queue.then(() => send(entry));
    return queue;
  };

  /** Prepares and uploads picked files; `replacing` is the entry they replace. */
  async function add(type: string, picked: readonly File[], replacing?: FileEntry): Promise<void> {
    const rule = ruleOf(type);
    if (!rule || picked.length === 0) return;
    if (replacing) ctx.files.splice(ctx.files.indexOf(replacing), 1);
    const room = Math.max(0, rule.maxFiles - ofType(type).length);
    if (picked.length > room) ctx.announce(fill(text.tooMany, { n: rule.maxFiles }));
    const types = formatFileTypes(rule.accept);
    for (const file of picked.slice(0, room)) {
      const entry: FileEntry = {
        id: newId(),
        documentType: type,
        fileName: file.name,
        size: file.size,
        state: 'preparing',
        progress: 0,
      };
      ctx.files.push(entry);
      redraw(type);
      const prepared = await prepareFile(file, rule);
      if (!prepared.ok) {
        entry.state = 'failed';
        entry.retryable = false;
        entry.problem =
          prepared.problem === 'type'
            ? fill(text.wrongType, { types })
            : prepared.problem === 'size'
              ? fill(text.tooLarge, { size: formatBytes(rule.maxBytes, ctx.lang) })
              : text.empty;
        redraw(type);
        ctx.announce(fill(text.fileStatus, { name: entry.fileName, state: entry.problem }));
        continue;
      }
      entry.prepared = prepared;
      entry.fileName = prepared.fileName;
      entry.size = prepared.blob.size;
      void enqueue(entry);
    }
    ctx.changed();
  }

  function documentSection(rule: DocumentRule): VElement {
    const id = inputId(rule.type);
    const hintId = `${id}-hint`;
    return h(
      'section',
      { class: 'document-upload', 'aria-labelledby': `${id}-title` },
      h(
        'h2',
        { id: `${id}-title`, class: 'document-upload__title' },
        rule.name,
        ' ',
        h(
          'strong',
          { class: classes('tag', rule.required ? 'tag--orange' : 'tag--grey') },
          rule.required ? text.required : text.optional,
        ),
      ),
      h(
        'p',
        { id: hintId, class: 'hint' },
        fill(text.limits, {
          types: formatFileTypes(rule.accept),
          size: formatBytes(rule.maxBytes, ctx.lang),
          files: rule.maxFiles,
        }),
      ),
      h('p', { id: `${id}-error`, class: 'error-message' }),
      h('ul', { class: 'files list-plain', id: listId(rule.type), 'aria-live': 'off' }, fileList(rule.type)),
      h('label', { class: 'label', for: id }, fill(text.chooseFiles, { name: rule.name })),
      h('input', {
        id,
        type: 'file',
        class: 'file-input',
        accept: [...rule.accept, ...rule.accept.flatMap(extensionsOf)].join(','),
        multiple: rule.maxFiles > 1,
        disabled: ofType(rule.type).length >= rule.maxFiles,
        'data-document-type': rule.type,
        'aria-describedby': `${hintId} ${id}-error`,
      }),
      h('input', {
        type: 'file',
        hidden: true,
        tabindex: '-1',
        'aria-hidden': 'true',
        accept: rule.accept.join(','),
        'data-replace-type': rule.type,
      }),
    );
  }

  let replacing: FileEntry | undefined;

  /** "A file needs your attention", with why (a file the check rejected, or one refused before it was sent). */
  const fixText = (rule: DocumentRule, entries: readonly FileEntry[]) => {
    const reasons = [
      ...new Set(entries.flatMap((e) => (e.state === 'failed' && e.problem ? [e.problem] : []))),
    ];
    const head = fill(text.fixFile, { name: rule.name });
    return reasons.length > 0 ? `${head} – ${reasons.join(' ')}` : head;
  };
  const problemOf = (type: string) => {
    const rule = ruleOf(type);
    return rule ? { text: fixText(rule, ofType(type)) } : undefined;
  };

  // Files of a draft begun on another device: their names and verdicts come from the API, when it can tell.
  for (const entry of ctx.files) {
    const { uploadId } = entry;
    if (entry.fileName || !uploadId) continue;
    void uploadVerdict(uploadId)
      .then(async (verdict) => {
        applyVerdict(entry, verdict);
        if (verdict?.status === 'pending') applyVerdict(entry, await settledVerdict(uploadId));
      })
      .catch(() => {});
  }

  return {
    /** The sections of every document type. */
    view: (rules: readonly DocumentRule[] = ctx.rules): Child[] => [
      h('p', null, text.documentsIntro),
      rules.map(documentSection),
    ],

    /** A change event in the documents: files picked. */
    onChange(event: Event): boolean {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file') return false;
      const picked = [...(input.files ?? [])];
      const type = input.dataset.documentType ?? input.dataset.replaceType;
      if (type) void add(type, picked, input.dataset.replaceType ? replacing : undefined);
      replacing = undefined;
      input.value = '';
      return true;
    },

    /** A click on a file's button: retry, replace or remove. */
    onClick(event: Event): boolean {
      const button = (event.target as Element | null)?.closest<HTMLElement>('[data-file-action]');
      const entry = ctx.files.find((f) => f.id === button?.dataset.fileId);
      if (!button || !entry) return false;
      const action = button.dataset.fileAction;
      if (action === 'retry') void enqueue(entry);
      else if (action === 'remove') {
        ctx.files.splice(ctx.files.indexOf(entry), 1);
        ctx.changed();
        redraw(entry.documentType);
        document.getElementById(inputId(entry.documentType))?.focus();
      } else if (action === 'replace') {
        replacing = entry;
        document.querySelector<HTMLInputElement>(`input[data-replace-type="${entry.documentType}"]`)?.click();
      }
      return true;
    },

    /** Files that failed on the network go again once the browser is back online. */
    retryFailed(): void {
      for (const entry of ctx.files)
        if (entry.state === 'failed' && entry.retryable && entry.prepared) void enqueue(entry);
    },

    /** What keeps the documents from being complete, each with the link to its control. */
    problems(
      rules: readonly DocumentRule[] = ctx.rules,
      requireAll = true,
    ): { href: string; text: string; type: string }[] {
      const found: { href: string; text: string; type: string }[] = [];
      for (const rule of rules) {
        const entries = ofType(rule.type);
        const href = `#${inputId(rule.type)}`;
        if (entries.some((e) => e.state === 'preparing' || e.state === 'uploading')) {
          found.push({ href, text: `${rule.name}: ${text.stillUploading}`, type: rule.type });
        } else if (entries.some((e) => e.state === 'failed')) {
          found.push({ href, text: fixText(rule, entries), type: rule.type });
        } else if (requireAll && rule.required && !entries.some(isStored)) {
          found.push({ href, text: fill(text.missing, { name: rule.name }), type: rule.type });
        }
      }
      return found;
    },

    /** Shows each document's message beside its control ('' clears it). */
    showProblems(messages: ReadonlyMap<string, string>): void {
      for (const rule of ctx.rules) {
        const box = document.getElementById(`${inputId(rule.type)}-error`);
        if (box) box.textContent = messages.get(rule.type) ?? '';
        box?.closest('section')?.classList.toggle('form-group--error', messages.has(rule.type));
      }
    },
  };
}

export type Documents = ReturnType<typeof createDocuments>;

/** File name endings for a MIME type, so that pickers that filter by name offer the right files. */
function extensionsOf(type: string): string[] {
  switch (type) {
    case 'application/pdf':
      return ['.pdf'];
    case 'image/jpeg':
      return ['.jpg', '.jpeg'];
    case 'image/png':
      return ['.png'];
    case 'image/heic':
      return ['.heic', '.heif'];
    default:
      return [];
  }
}
