// "Kiểm tra lại thông tin" / "Check your answers" (every answer with "Thay đổi" / "Change" beside it) and the
// confirmation "Đã nộp hồ sơ" / "Application submitted" with the case code, the PIN shown once, the due date and
// what happens next.
import type { SubmitResponse } from '../lib/api-types';
import { formatDate, formatMoney } from '../lib/format';
import { type Child, h, type VElement } from '../lib/html';
import { fill } from '../lib/page-texts';
import { type Answers, type FormLocale, type FormStep, fieldId } from '../lib/schema-form';
import { answerRows } from '../lib/schema-form-answers';
import { pages } from '../lib/urls';
import { type FileEntry, isStored } from './files';
import { LATER_TEXTS, type LaterTexts } from './later-texts';
import type { ApplyPageData } from './page-data';
import { stepHref } from './step-href';

function changeLink(href: string, what: string, text: LaterTexts): VElement {
  return h(
    'a',
    { href, class: 'summary-list__change' },
    text.change,
    h('span', { class: 'visually-hidden' }, ` ${what}`),
  );
}

function row(key: Child, value: Child, action: VElement): VElement {
  return h(
    'div',
    { class: 'summary-list__row summary-list__row--action' },
    h('dt', { class: 'summary-list__key' }, key),
    h('dd', { class: 'summary-list__value' }, value),
    h('dd', { class: 'summary-list__actions' }, action),
  );
}

export interface CheckViewOptions {
  readonly locale: FormLocale;
  readonly procedure: ApplyPageData;
  readonly steps: readonly FormStep[];
  readonly data: Answers;
  readonly files: readonly FileEntry[];
}

/** Every step's answers, then the documents, each with its "Change" link. */
export function checkAnswersView(o: CheckViewOptions): Child[] {
  const text = LATER_TEXTS[o.locale.lang];
  const sections: Child[] = o.steps.map((step) => {
    const rows = answerRows(step.schema, step.base, o.data, o.locale);
    return h(
      'section',
      { class: 'check-section', 'aria-labelledby': `check-${step.id}` },
      h('h2', { id: `check-${step.id}` }, step.title),
      h(
        'dl',
        { class: 'summary-list' },
        rows.length > 0
          ? rows.map((r) =>
              row(r.label, r.value, changeLink(stepHref(step.id, fieldId(r.path)), r.label, text)),
            )
          : row(step.title, text.notGiven, changeLink(stepHref(step.id), step.title, text)),
      ),
    );
  });
  if (o.procedure.documents.length > 0) {
    sections.push(
      h(
        'section',
        { class: 'check-section', 'aria-labelledby': 'check-documents' },
        h('h2', { id: 'check-documents' }, text.documents),
        h(
          'dl',
          { class: 'summary-list' },
          o.procedure.documents.map((rule) => {
            const names = o.files
              .filter((f) => f.documentType === rule.type && isStored(f))
              .map((f) => f.fileName || text.earlierFile);
            return row(
              rule.name,
              names.length > 0
                ? h(
                    'ul',
                    { class: 'list-plain' },
                    names.map((n) => h('li', null, n)),
                  )
                : text.noFile,
              changeLink(stepHref('documents', `doc-${rule.type}`), rule.name, text),
            );
          }),
        ),
      ),
    );
  }
  sections.push(h('h2', null, text.submit), h('p', null, text.declaration));
  return sections;
}

/** The confirmation: the case code, the PIN with a copy button and its warning, the due date, what comes next. */
export function confirmationView(
  locale: FormLocale,
  procedure: ApplyPageData,
  submitted: Pick<SubmitResponse, 'code' | 'status' | 'dueAt'> & { trackingPin?: string },
): Child[] {
  const { lang } = locale;
  const text = LATER_TEXTS[lang];
  const link = pages(lang);
  return [
    h(
      'div',
      { class: 'panel' },
      h('h1', { class: 'panel__title', id: 'step-title', tabindex: '-1' }, text.submitted),
      h(
        'p',
        { class: 'panel__body' },
        `${text.caseCode}: `,
        h('strong', { class: 'case-code', id: 'case-code' }, submitted.code),
      ),
    ),
    submitted.trackingPin
      ? h(
          'div',
          { class: 'card pin' },
          h(
            'p',
            null,
            `${text.pin}: `,
            h('strong', { class: 'pin__value', id: 'tracking-pin' }, submitted.trackingPin),
          ),
          h(
            'button',
            { type: 'button', class: 'button--secondary', 'data-action': 'copy-pin' },
            text.copyPin,
          ),
          h('p', { class: 'notice' }, h('strong', null, text.pinOnce)),
        )
      : h('p', { class: 'notice' }, text.submittedBefore),
    submitted.dueAt ? h('p', null, `${text.dueAt}: `, h('strong', null, formatDate(submitted.dueAt))) : null,
    h('h2', null, text.next),
    submitted.status === 'awaiting_payment'
      ? [
          h('p', null, fill(text.payFirst, { fee: formatMoney(procedure.fee, lang) })),
          // Level 4's payment page: the fee, then the gateway, which brings the browser back to the case's page.
          h('a', { class: 'button button--start', href: link.pay(submitted.code) }, text.pay),
        ]
      : null,
    h(
      'p',
      null,
      fill(text.nextSteps, {
        agency: procedure.agency,
        days: fill(text.workingDays, { n: procedure.processingDays }),
      }),
    ),
    h('p', null, h('a', { href: link.myCase(submitted.code) }, text.myApplications)),
  ];
}

/** The confirmation's button: "copy the PIN" ("Pay" is a link to the payment page). */
export function confirmationAction(
  target: HTMLElement,
  lang: 'vi' | 'en',
  say: (message: string) => void,
): void {
  const text = LATER_TEXTS[lang];
  if (target.dataset.action === 'copy-pin') {
    const pin = document.getElementById('tracking-pin');
    void navigator.clipboard?.writeText(pin?.textContent ?? '').then(
      () => say(text.copied),
      () => pin && window.getSelection()?.selectAllChildren(pin),
    );
  }
}
