// What a file name may hold (CONTRACT v2, Uploads): it is stored and shown to officials, so nothing that hides,
// reorders or breaks out of the text around it.
import type { LocalizedText } from './types';

/** Bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069). */
const isBidiFormatting = (code: number) =>
  (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
/** C0 controls, DEL and C1 controls: NUL, CR and LF among them. */
const isControl = (code: number) => code <= 0x1f || (code >= 0x7f && code <= 0x9f);

/**
 * Whether a file name (already NFC and trimmed) is one the platform keeps: no control character, no
 * bidirectional formatting character (`hoa-don\u202Efdp.exe` reads as "…exe.pdf"), no path separator.
 * The length (1–255) is the schema's.
 */
export function isAcceptableFileName(name: string): boolean {
  for (const char of name) {
    const code = char.codePointAt(0)!;
    if (isControl(code) || isBidiFormatting(code) || char === '/' || char === '\\') return false;
  }
  return true;
}

/** The message key of a refused file name (its text is `FILE_NAME_RULE`, in the API's own messages). */
export const FILE_NAME_MESSAGE_KEY = 'fileName.invalid';

export const FILE_NAME_RULE: LocalizedText = {
  vi: 'Tên tệp không được chứa ký tự điều khiển, ký tự định hướng văn bản hay đường dẫn (/ hoặc \\)',
  en: 'A file name may not hold control characters, bidirectional formatting characters or a path (/ or \\)',
};
