// The apply wizard's page of each procedure (`/apply/<id>/`, `/en/apply/<id>/`): the shell its script draws the steps
// into, and the procedure's form (its JSON Schema, as GET /api/procedures/{id} serves it, labels in the page's
// language) and document rules carried in the page itself, so the first step needs no request to the API.
import { procedureDetail, procedures } from '../../schemas/catalogue';
import { localizeFormSchema } from '../../schemas/form-english';
import type { PageGenerator } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { notice } from '../components/notice/notice';
import { h } from '../lib/html';
import { COMMON, LANGS, type Lang, pick } from '../lib/i18n';
import { pageData } from '../lib/page-texts';
import type { FieldSchema } from '../lib/schema-form';
import { FORM_TEXTS } from '../lib/schema-form-texts';
import { PATHS, pages } from '../lib/urls';
import type { ApplyPageData } from './page-data';
import { APPLY_TEXTS } from './texts';

/**
 * The form as the page needs it: no examples, and no format hints of dates (the date control shows its own
 * example) nor their long patterns (the control makes the value).
 */
function pageForm(form: unknown, lang: Lang): FieldSchema {
  const trim = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(trim);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    const record = node as Record<string, unknown>;
    const isDate = record.format === 'date';
    for (const [key, value] of Object.entries(record)) {
      if (key === '$schema' || key === 'examples' || key === 'additionalProperties') continue;
      if (isDate && key === 'pattern') continue;
      if (key === 'description' && typeof value === 'string' && value.startsWith('Năm-tháng')) continue;
      if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
      // What the engine takes as given: text is the default kind, an object is what has properties, nothing is
      // required unless listed, "required" covers a minimum of one character, and a choice's labelled options
      // (`oneOf`) carry its values.
      if (key === 'type' && (value === 'string' || (value === 'object' && record.properties))) continue;
      if (key === 'required' && Array.isArray(value) && value.length === 0) continue;
      if (key === 'minLength' && value === 1) continue;
      if (key === 'enum' && record.oneOf) continue;
      out[key] = trim(value);
    }
    return out;
  };
  const { title: _title, ...rest } = trim(localizeFormSchema(form, lang)) as Record<string, unknown>;
  return rest as FieldSchema;
}

export function applyPageData(procedureId: string, lang: Lang): ApplyPageData {
  const p = procedureDetail(procedures.find((candidate) => candidate.id === procedureId)!);
  return {
    id: p.id,
    name: pick(p.name, lang),
    agency: pick(p.agency.name, lang),
    level: p.level,
    fee: p.fee?.amount ?? 0,
    processingDays: p.processingDays,
    form: pageForm(p.form, lang),
    documents: p.documents.map((d) => ({
      type: d.type,
      name: pick(d.name, lang),
      required: d.required,
      accept: d.accept,
      maxBytes: d.maxBytes,
      maxFiles: d.maxFiles,
    })),
  };
}

/** The texts the script uses (the page's own headings are written here, at build time). */
function scriptTexts(lang: Lang) {
  const { procedure: _procedure, inPerson: _inPerson, ...script } = APPLY_TEXTS[lang];
  return script;
}

export const applyPages: PageGenerator = (site) =>
  procedures.flatMap((definition) =>
    LANGS.map((lang) => {
      const p = procedureDetail(definition);
      const text = APPLY_TEXTS[lang];
      const link = pages(lang);
      return {
        path: link.apply(p.id),
        html: renderPage({
          lang,
          path: PATHS.apply(p.id),
          title: `${COMMON[lang].apply}: ${pick(p.name, lang)}`,
          assets: site.assets('apply'),
          preloadConfig: true,
          needsScript: true,
          main: [
            h('div', { id: 'apply' }),
            pageData('apply-data', {
              procedure: applyPageData(p.id, lang),
              texts: { apply: scriptTexts(lang), form: FORM_TEXTS[lang] },
            }),
            h('p', { id: 'loading', class: 'status-line js-only' }, COMMON[lang].loading),
            h(
              'div',
              { class: 'no-js-only' },
              h('h1', null, pick(p.name, lang)),
              notice(
                h('p', null, text.inPerson),
                h(
                  'p',
                  null,
                  h('strong', null, pick(p.agency.name, lang)),
                  h('br'),
                  pick(p.where.address, lang),
                ),
              ),
              h('a', { href: link.procedure(p.id) }, pick(p.name, lang)),
            ),
          ],
        }),
      };
    }),
  );
