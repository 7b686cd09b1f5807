// The apply page of each procedure (`/apply/<id>/`), where "Nộp hồ sơ trực tuyến" / "Apply online" leads. A
// placeholder until the apply wizard (issue 7) replaces it with its own page and script (`apply/main.ts`).
import { procedureDetail, procedures } from '../../schemas/catalogue';
import type { PageGenerator } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { notice } from '../components/notice/notice';
import { h } from '../lib/html';
import { COMMON, LANGS, pick } from '../lib/i18n';
import { PATHS, pages } from '../lib/urls';
import { APPLY_TEXTS } from './texts';

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
          assets: site.assets(),
          backLink: { href: link.procedure(p.id), text: pick(p.name, lang) },
          main: [
            h('span', { class: 'caption' }, pick(p.name, lang)),
            h('h1', null, COMMON[lang].apply),
            notice(
              h('p', null, text.comingSoon),
              h(
                'p',
                null,
                h('strong', null, pick(p.agency.name, lang)),
                h('br'),
                pick(p.where.address, lang),
              ),
            ),
          ],
        }),
      };
    }),
  );
