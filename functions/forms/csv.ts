// CSV for spreadsheets: RFC 4180 quoting, a UTF-8 byte order mark for Excel, and no cell read as a formula.

/** Excel opens a UTF-8 CSV as UTF-8 only when the file starts with a byte order mark. */
const BOM = '\uFEFF';
/** OWASP's CSV injection list: a cell starting with one of these is a formula to a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a would-be formula gets a leading apostrophe (shown as text, not run), and a cell holding a
 * comma, quote or line break is quoted with its quotes doubled.
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value).normalize('NFC');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: a header row, then the rows, CRLF after every record (RFC 4180), BOM first. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
): string {
  return BOM + [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
