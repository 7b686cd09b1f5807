// Dates in Vietnam time, money in đồng, working days, file sizes and types: as the build and the browser show them.
import { COMMON, type Lang } from './i18n';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The parts of an instant's wall-clock time in Vietnam, which has kept UTC+7 all year since 1975. */
function vietnamTime(iso: string) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    day: two(local.getUTCDate()),
    month: two(local.getUTCMonth() + 1),
    year: String(local.getUTCFullYear()),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
  };
}

/** `dd/mm/yyyy`, as Vietnamese documents write dates, in both languages; '' for an invalid time. */
export function formatDate(iso: string): string {
  const t = vietnamTime(iso);
  return t ? `${t.day}/${t.month}/${t.year}` : '';
}

/** `dd/mm/yyyy hh:mm` in Vietnam time. */
export function formatDateTime(iso: string): string {
  const t = vietnamTime(iso);
  return t ? `${t.day}/${t.month}/${t.year} ${t.hour}:${t.minute}` : '';
}

/** Digits grouped by `.` in Vietnamese and `,` in English. */
function groupDigits(n: number, lang: Lang): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

/** `100.000 ₫` (vi) or `100,000 ₫` (en), with a no-break space before the sign. */
export function formatMoney(amount: number, lang: Lang): string {
  return `${groupDigits(amount, lang)}\u00a0₫`;
}

/** A procedure's fee, or "Miễn phí" / "Free" when there is none. */
export function formatFee(fee: { readonly amount: number } | null | undefined, lang: Lang): string {
  return fee?.amount ? formatMoney(fee.amount, lang) : COMMON[lang].free;
}

export function formatWorkingDays(days: number, lang: Lang): string {
  return COMMON[lang].workingDays(days);
}

/** `10 MB`, `1,5 MB` (vi) or `1.5 MB` (en); below a megabyte in kB. */
export function formatBytes(bytes: number, lang: Lang): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : [bytes / 1024, 'kB'];
  const rounded = String(Math.round(value * 10) / 10);
  return `${lang === 'vi' ? rounded.replace('.', ',') : rounded}\u00a0${unit}`;
}

const FILE_TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
};

/** `PDF, JPG, PNG` for a list of accepted MIME types. */
export function formatFileTypes(mimeTypes: readonly string[]): string {
  return mimeTypes
    .map((type) => FILE_TYPE_NAMES[type] ?? type.split('/').pop()?.toUpperCase() ?? type)
    .join(', ');
}
