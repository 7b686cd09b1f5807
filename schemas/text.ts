// Text helpers for Vietnamese: one normal form for what we store, one folded form for what we search.

/** NFC, trimmed, runs of whitespace collapsed to one space: the form every stored text takes. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/**
 * Folds Vietnamese text for diacritic- and case-insensitive comparison: "Hộ KINH doanh" → "ho kinh doanh".
 * NFD splits each letter from its tone and vowel marks so they can be dropped; `đ` is a letter of its own,
 * not `d` plus a mark, so it is mapped by hand.
 */
export function foldVietnamese(s: string): string {
  return normalizeText(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
