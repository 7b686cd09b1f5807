// The page for an address that does not exist (`/404.html`), in both languages since the address says neither.
import { renderPage } from '../components/layout/layout';
import { h } from '../lib/html';
import { PATHS, pages } from '../lib/urls';
import type { PageGenerator } from './context';

export const notFoundPages: PageGenerator = (site) => [
  {
    path: '/404.html',
    html: renderPage({
      lang: 'vi',
      path: PATHS.catalogue(),
      title: 'Không tìm thấy trang',
      assets: site.assets(),
      main: [
        h('h1', null, 'Không tìm thấy trang'),
        h('p', null, 'Địa chỉ không đúng, hoặc trang đã được chuyển đi.'),
        h('p', null, h('a', { href: pages('vi').catalogue() }, 'Xem tất cả thủ tục')),
        h(
          'div',
          { lang: 'en' },
          h('h2', null, 'Page not found'),
          h('p', null, 'The address is wrong, or the page has moved.'),
          h('p', null, h('a', { href: pages('en').catalogue() }, 'See all procedures')),
        ),
      ],
    }),
  },
];
