// Each procedure's public page (`/procedures/<id>/`, `/en/procedures/<id>/`), generated at build time from the
// same `procedureDetail` that `GET /api/procedures/{id}` answers with: everything Decree 43/2011 art. 10 asks a
// portal to publish, with no script at all, and the way to apply online.

import type { ProcedureDetail } from '../../schemas/api';

type PublicDocumentRequirement = ProcedureDetail['documents'][number];

import { type JsonSchema, procedureDetail, procedures } from '../../schemas/catalogue';
import { localizeFormSchema } from '../../schemas/form-english';
import type { BuiltPage, PageGenerator, SiteContext } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { notice } from '../components/notice/notice';
import { summaryList } from '../components/summary-list/summary-list';
import { tag } from '../components/tag/tag';
import { formatBytes, formatFee, formatFileTypes, formatWorkingDays } from '../lib/format';
import { type Child, h, type VElement } from '../lib/html';
import { COMMON, LANGS, type Lang, pick } from '../lib/i18n';
import { PATHS, pages } from '../lib/urls';
import { PROCEDURE_TEXTS } from './texts';

type Texts = (typeof PROCEDURE_TEXTS)[Lang];

function section(id: string, title: string, ...content: Child[]): VElement {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

function documentItem(d: PublicDocumentRequirement, lang: Lang, text: Texts): VElement {
  const counts = [
    d.copies?.originals ? text.originals(d.copies.originals) : '',
    d.copies?.copies ? text.copies(d.copies.copies) : '',
  ].filter(Boolean);
  return h(
    'li',
    null,
    d.required ? tag(text.required, 'orange') : tag(text.optional),
    h('span', { class: 'document__name' }, pick(d.name, lang)),
    counts.length > 0 ? h('span', { class: 'hint' }, counts.join(', ')) : null,
    h(
      'span',
      { class: 'hint' },
      text.files(formatFileTypes(d.accept), formatBytes(d.maxBytes, lang), d.maxFiles),
    ),
  );
}

const asSchema = (value: unknown): JsonSchema | undefined =>
  value && typeof value === 'object' ? (value as JsonSchema) : undefined;

/** The form's fields as nested lists of their titles; `counter.leaves` counts what the applicant fills in. */
function fieldList(
  schema: JsonSchema | undefined,
  text: Texts,
  counter: { leaves: number },
): VElement | null {
  const properties = schema?.properties;
  if (!properties || typeof properties !== 'object') return null;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return h(
    'ul',
    { class: 'fields' },
    Object.entries(properties).map(([key, value]) => {
      const field = asSchema(value);
      const many = field?.type === 'array';
      const inner = many ? asSchema(field?.items) : field;
      const options = (Array.isArray(inner?.oneOf) ? inner.oneOf : [])
        .map((option) => asSchema(option)?.title)
        .filter((title): title is string => typeof title === 'string');
      const nested = fieldList(inner, text, counter);
      if (!nested) counter.leaves++;
      return h(
        'li',
        null,
        h(
          'span',
          { class: 'fields__title' },
          field?.title ?? inner?.title ?? key,
          required.has(key) ? '\u00a0*' : '',
        ),
        many ? h('span', { class: 'hint' }, `(${text.many})`) : null,
        options.length > 0 ? h('span', { class: 'hint' }, options.join(' / ')) : null,
        field?.description ? h('span', { class: 'hint' }, field.description) : null,
        nested,
      );
    }),
  );
}

function procedurePage(id: string, lang: Lang, site: SiteContext): BuiltPage {
  const p = procedureDetail(procedures.find((candidate) => candidate.id === id)!);
  const text = PROCEDURE_TEXTS[lang];
  const common = COMMON[lang];
  const link = pages(lang);
  // The legal texts' names exist in Vietnamese only: say so to screen readers (the form's labels have English).
  const vietnameseOnly = lang === 'vi' ? undefined : 'vi';
  const counter = { leaves: 0 };
  const fields = fieldList(localizeFormSchema(p.form, lang), text, counter);
  const documents = [...p.documents].sort((a, b) => Number(b.required) - Number(a.required));

  const main = [
    h('h1', null, pick(p.name, lang)),
    h(
      'div',
      { class: 'card' },
      summaryList([
        { key: text.agency, value: pick(p.agency.name, lang) },
        { key: text.level, value: pick(p.serviceLevelName, lang) },
        { key: text.fee, value: formatFee(p.fee, lang) },
        { key: text.time, value: formatWorkingDays(p.processingDays, lang) },
        { key: text.code, value: p.nationalCode },
      ]),
    ),
    h(
      'div',
      { class: 'apply' },
      h('a', { class: 'button button--start', href: link.apply(p.id) }, common.apply),
      h('p', { class: 'hint' }, text.applyHint),
    ),
    section(
      'steps',
      text.steps,
      h(
        'ol',
        { class: 'steps' },
        p.steps.map((step) => h('li', null, pick(step, lang))),
      ),
    ),
    section(
      'where',
      text.where,
      h('p', null, pick(p.where, lang)),
      h('p', null, h('strong', null, `${text.address}: `), pick(p.where.address, lang)),
    ),
    documents.length > 0
      ? section(
          'documents',
          text.documents,
          h(
            'ul',
            { class: 'list-plain documents' },
            documents.map((d) => documentItem(d, lang, text)),
          ),
        )
      : null,
    fields
      ? section(
          'form',
          text.form,
          h('p', { class: 'hint' }, text.formNote),
          h('details', null, h('summary', null, text.formCount(counter.leaves)), h('div', null, fields)),
        )
      : null,
    section('applicants', text.applicants, h('p', null, pick(p.applicants, lang))),
    section(
      'result',
      text.result,
      h('p', null, pick(p.resultDelivery.result, lang)),
      p.resultDelivery.methods.length > 0
        ? h(
            'p',
            null,
            h('strong', null, `${text.delivery}: `),
            p.resultDelivery.methods.map((method) => text[method]).join('; '),
          )
        : null,
    ),
    p.legalBasis.length > 0
      ? section(
          'legal',
          text.legal,
          h(
            'ul',
            { class: 'legal', lang: vietnameseOnly },
            p.legalBasis.map((law) => h('li', null, law)),
          ),
        )
      : null,
    p.sampleValues ? notice(h('strong', null, `${text.note}: `), pick(p.sampleValues, lang)) : null,
    h('a', { class: 'link-panel', href: link.track() }, text.trackPrompt),
  ];
  return {
    path: link.procedure(p.id),
    html: renderPage({
      lang,
      path: PATHS.procedure(p.id),
      title: pick(p.name, lang),
      description: `${pick(p.name, lang)}: ${pick(p.agency.name, lang)}`,
      assets: site.assets(),
      backLink: { href: link.catalogue(), text: common.backToCatalogue },
      main,
    }),
  };
}

export const procedurePages: PageGenerator = (site) =>
  procedures.flatMap((p) => LANGS.map((lang) => procedurePage(p.id, lang, site)));
