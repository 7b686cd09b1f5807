// What a case's page adds once its core is drawn: the deadline's clock in working days (the platform's own
// calendar of Vietnamese working days), what the applicant declared, and the supplement request answered item by
// item: each field asked for, in its control, and each document asked for, with its upload control.
import { vietnamCalendar } from '../../functions/domain/calendar';
import { isAgencyClockRunning } from '../../functions/domain/deadline';
import { createDocuments } from '../apply/documents';
import { type FileEntry, isStored } from '../apply/files';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { type ErrorItem, errorSummary } from '../components/error-summary/error-summary';
import { summaryList } from '../components/summary-list/summary-list';
import { ApiError, apiFetch } from '../lib/api';
import type { CaseView } from '../lib/api-types';
import { byId, render } from '../lib/dom';
import { h } from '../lib/html';
import { fill } from '../lib/page-texts';
import {
  type Answers,
  checkAnswers,
  type FieldSchema,
  type FormLocale,
  fieldId,
  formSteps,
  pruneAnswers,
} from '../lib/schema-form';
import { answerRows } from '../lib/schema-form-answers';
import { readControl, singleField } from '../lib/schema-form-render';
import { pages } from '../lib/urls';
import type { CaseContext } from './case';

/** "còn 3 ngày làm việc", "đến hạn trong hôm nay", "đã quá hạn 2 ngày làm việc", or the clock stopped. */
export function deadlineClock(ctx: CaseContext, c: CaseView, now = new Date()): string {
  const text = ctx.data.texts;
  if (c.status === 'needs_supplement') return text.paused;
  if (!isAgencyClockRunning(c.status)) return '';
  const due = new Date(c.dueAt);
  const recount = c.status === 'submitted' || c.status === 'awaiting_payment' ? ` (${text.recounted})` : '';
  if (due.getTime() >= now.getTime()) {
    const left = vietnamCalendar.workingDaysBetween(now, due);
    return (left === 0 ? text.dueToday : fill(text.remaining, { n: left })) + recount;
  }
  return fill(text.overdue, { n: Math.max(1, vietnamCalendar.workingDaysBetween(due, now)) });
}

async function formOf(ctx: CaseContext, procedureId: string): Promise<FieldSchema | null> {
  try {
    const response = await fetch(pages(ctx.lang).myForm(procedureId));
    return response.ok ? ((await response.json()) as FieldSchema) : null;
  } catch {
    return null;
  }
}

export async function enhance(
  ctx: CaseContext,
  c: CaseView,
  redraw: (next: CaseView, message?: string) => void,
): Promise<void> {
  const clock = document.getElementById('due-clock');
  const ticking = deadlineClock(ctx, c);
  if (clock && ticking) clock.textContent = ` – ${ticking}`;
  const form = await formOf(ctx, c.procedureId);
  if (!form) return;
  const locale: FormLocale = { lang: ctx.lang, texts: ctx.data.formTexts };
  const answers = document.getElementById('answers');
  if (answers) {
    for (const step of formSteps(form, locale)) {
      const rows = answerRows(step.schema, step.base, c.data, locale);
      if (rows.length === 0) continue;
      answers.append(
        ...[h('h3', null, step.title), summaryList(rows.map((r) => ({ key: r.label, value: r.value })))].map(
          (child) => {
            const holder = document.createElement('div');
            render(holder, child);
            return holder;
          },
        ),
      );
    }
  }
  if (c.status === 'needs_supplement' && c.supplementRequest) supplementForm(ctx, c, form, locale, redraw);
}

/** The supplement request, item by item, and "Gửi bổ sung" / "Send supplement". */
function supplementForm(
  ctx: CaseContext,
  c: CaseView,
  form: FieldSchema,
  locale: FormLocale,
  redraw: (next: CaseView, message?: string) => void,
) {
  const text = ctx.data.texts;
  const request = c.supplementRequest!;
  const data = structuredClone(c.data) as Answers;
  const touched = new Set<string>();
  const files: FileEntry[] = [];
  const rules = ctx.data.procedures[c.procedureId]?.documents ?? [];
  const asked = new Set(request.items.map((item) => item.documentType).filter(Boolean));
  const documents = createDocuments({
    lang: ctx.lang,
    procedureId: c.procedureId,
    rules: rules.filter((rule) => asked.has(rule.type)),
    files,
    changed: () => undefined,
    announce: (message) => {
      const line = document.getElementById('status');
      if (line) line.textContent = message;
    },
    idPrefix: 'sup',
  });
  const place = byId('supplement');
  let errors = new Map<string, string>();

  const drawForm = () => {
    render(
      place,
      h(
        'section',
        { class: 'card supplement', 'aria-labelledby': 'supplement-title' },
        h('h2', { id: 'supplement-title', tabindex: '-1' }, text.supplementTitle),
        request.note ? h('p', null, request.note) : null,
        h('p', null, text.supplementIntro),
        h(
          'form',
          { id: 'supplement-form', novalidate: true },
          request.items.map((item) =>
            h(
              'div',
              { class: 'supplement-item' },
              h('p', { class: 'supplement-item__reason' }, fill(text.reason, { reason: item.reason })),
              item.field ? singleField(form, item.field, { locale, data, errors }) : null,
              item.documentType
                ? documents.view(rules.filter((rule) => rule.type === item.documentType)).slice(1)
                : null,
            ),
          ),
          h('button', { type: 'submit', 'data-send-supplement': true }, text.sendSupplement),
        ),
      ),
    );
  };
  drawForm();

  place.addEventListener('input', (event) => {
    const path = readControl(event.target, data);
    if (path) touched.add(path);
  });
  place.addEventListener('change', (event) => {
    if (documents.onChange(event)) return;
    const path = readControl(event.target, data);
    if (path) touched.add(path);
  });
  place.addEventListener('click', (event) => {
    documents.onClick(event);
  });
  place.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  const summary = (items: ErrorItem[], title = text.problemTitle) => {
    showErrorSummary(byId('error'), errorSummary({ title, items }));
  };

  async function send() {
    const fieldProblems = touched.size > 0 ? checkAnswers(form, '', data, locale) : [];
    const pending = documents.problems(undefined, false);
    const uploads = files
      .filter(isStored)
      .map((f) => ({ documentType: f.documentType, uploadId: f.uploadId! }));
    if (touched.size === 0 && uploads.length === 0 && pending.length === 0) {
      return summary([{ text: text.nothingToSend }]);
    }
    if (fieldProblems.length > 0 || pending.length > 0) {
      errors = new Map(fieldProblems.map((p) => [p.path, p.message]));
      drawForm();
      return summary([
        ...fieldProblems.map((p) => ({ text: p.message, href: `#${fieldId(p.path)}` })),
        ...pending.map((p) => ({ text: p.text, href: `#sup-${p.type}` })),
      ]);
    }
    const button = place.querySelector<HTMLButtonElement>('[data-send-supplement]');
    if (button) button.disabled = true;
    try {
      const next = await apiFetch<CaseView>(`/applications/${encodeURIComponent(c.code)}/supplement`, {
        method: 'POST',
        body: {
          ...(touched.size > 0 ? { data: pruneAnswers(data) } : {}),
          ...(uploads.length > 0 ? { documents: uploads } : {}),
        },
      });
      render(byId('error'));
      redraw(next, text.supplementSent);
    } catch (error) {
      if (button) button.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 400 && error.fieldErrors.length > 0) {
        errors = new Map(
          error.fieldErrors
            .filter((e) => e.path.startsWith('data.'))
            .map((e) => [e.path.slice(5), e.message]),
        );
        drawForm();
        return summary(
          error.fieldErrors.map((e) => {
            const path = e.path.slice(5);
            const shown = e.path.startsWith('data.') && document.getElementById(fieldId(path));
            return shown ? { text: e.message, href: `#${fieldId(path)}` } : { text: e.message };
          }),
        );
      }
      summary([], error.isNetworkError ? text.connection : (error.problem?.title ?? text.serverError));
    }
  }
}
