// The catalogue's search: filters the cards the page already holds, without a request, ignoring diacritics and
// case exactly as the API's `?q=` does (every word of the query in the name; whole phrase first).
import { foldVietnamese } from '../../schemas/text';
import { byId, queryParam } from '../lib/dom';
import { startPage, syncLanguageSwitch } from '../lib/start';
import { CATALOGUE_TEXTS } from './texts';

const lang = startPage();
const text = CATALOGUE_TEXTS[lang];
const form = byId<HTMLFormElement>('search');
const input = byId<HTMLInputElement>('q');
const list = byId<HTMLUListElement>('results');
const status = byId('status');
const cards = [...list.querySelectorAll<HTMLLIElement>(':scope > li')];
const order = new Map(cards.map((card, i) => [card, i]));

function filter(query: string) {
  const folded = foldVietnamese(query);
  const words = folded.split(' ').filter(Boolean);
  const rank = (card: HTMLLIElement) => {
    const haystack = card.dataset.search ?? '';
    if (!words.every((w) => haystack.includes(w))) return -1;
    return haystack.includes(folded) ? 0 : 1;
  };
  const shown = cards
    .map((card) => ({ card, rank: rank(card) }))
    .filter((c) => c.rank >= 0)
    .sort((a, b) => a.rank - b.rank || order.get(a.card)! - order.get(b.card)!);
  for (const card of cards) card.hidden = true;
  for (const { card } of shown) {
    card.hidden = false;
    list.append(card);
  }
  status.textContent = shown.length > 0 ? text.count(shown.length) : text.none;
}

function run() {
  const q = input.value.trim();
  const url = new URL(location.href);
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  syncLanguageSwitch();
  filter(q);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
input.addEventListener('input', run);

input.value = queryParam('q');
if (input.value) filter(input.value.trim());
