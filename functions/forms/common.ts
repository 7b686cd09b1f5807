// What the one-stop forms share: the legal basis and sample mark, the heading, dates in Vietnam time, the QR block.
import { toVietnamIso, vietnamDay } from '../domain/vietnam-time';
import { FlowLayout, FOOTER_TOP, nfc, textWidth, wrapText } from '../pdf/layout';
import { drawQrCode } from '../pdf/qr';
import type { FormAgency, FormBase, FormPerson, Timeliness } from './types';

/**
 * The six templates keep the numbers and purposes of Circular 01/2018/TT-VPCP (Mẫu 01–06); since 1 July 2025
 * the one-stop mechanism is governed by Decree 118/2025/NĐ-CP, which replaced Decree 61/2018/NĐ-CP.
 */
export const LEGAL_BASIS =
  'Thông tư số 01/2018/TT-VPCP; Nghị định số 118/2025/NĐ-CP (thay thế Nghị định số 61/2018/NĐ-CP)';

/**
 * SAMPLE WORDING. The forms' wording follows the templates of Circular 01/2018/TT-VPCP as published in 2018
 * and has NOT been checked against the text in force (Decree 118/2025/NĐ-CP and the templates it applies),
 * so every generated form says it is a sample (DOMAIN.md, "Since 2025"). Set a form's `wordingChecked` to
 * true only after a jurist has compared its wording with the current text.
 */
export const SAMPLE_MARK = 'Mẫu tham khảo: lời văn chưa được đối chiếu với văn bản pháp luật hiện hành.';

export interface FormTemplate {
  /** "01" … "06". */
  readonly number: string;
  /** The title as printed, upper case. */
  readonly title: string;
  readonly wordingChecked: boolean;
}

export const TEMPLATES = {
  receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', wordingChecked: false },
  'supplement-request': {
    number: '02',
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    wordingChecked: false,
  },
  refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', wordingChecked: false },
  apology: { number: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', wordingChecked: false },
  'control-slip': {
    number: '05',
    title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    wordingChecked: false,
  },
  register: { number: '06', title: 'SỔ THEO DÕI HỒ SƠ', wordingChecked: false },
} as const satisfies Record<string, FormTemplate>;

export type FormKind = keyof typeof TEMPLATES;

/** The footer of every page: which template and legal text the form follows, and whether it is a sample. */
export function footerLines(template: FormTemplate): string[] {
  const basis = `Mẫu số ${template.number} theo ${LEGAL_BASIS}.`;
  return template.wordingChecked ? [basis] : [basis, SAMPLE_MARK];
}

interface VietnamTime {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
}

function vietnamTime(at: Date): VietnamTime {
  const iso = toVietnamIso(at);
  return {
    year: iso.slice(0, 4),
    month: iso.slice(5, 7),
    day: iso.slice(8, 10),
    hour: iso.slice(11, 13),
    minute: iso.slice(14, 16),
  };
}

/** "ngày 05 tháng 03 năm 2025", in Vietnam time. */
export function longDate(at: Date): string {
  const { year, month, day } = vietnamTime(at);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "14 giờ 05 phút, ngày 05 tháng 03 năm 2025", in Vietnam time. */
export function longTime(at: Date): string {
  const { hour, minute } = vietnamTime(at);
  return `${hour} giờ ${minute} phút, ${longDate(at)}`;
}

/** "05/03/2025", in Vietnam time. */
export function shortDate(at: Date): string {
  const { year, month, day } = vietnamTime(at);
  return `${day}/${month}/${year}`;
}

/** "05/03/2025 14:05", in Vietnam time. */
export function shortTime(at: Date): string {
  const { hour, minute } = vietnamTime(at);
  return `${shortDate(at)} ${hour}:${minute}`;
}

/** "05/03/2025" and "14:05" on two lines, for narrow table columns. */
export function cellTime(at: Date): string {
  const { hour, minute } = vietnamTime(at);
  return `${shortDate(at)}\n${hour}:${minute}`;
}

export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/**
 * A result returned by `dueAt` is on time; returned on an earlier Vietnam day than the due day, it is early
 * (the register's and the control slip's three columns).
 */
export function timelinessOf(returnedAt: Date, dueAt: Date): Timeliness {
  if (returnedAt.getTime() > dueAt.getTime()) return 'late';
  return vietnamDay(returnedAt) < vietnamDay(dueAt) ? 'early' : 'on_time';
}

export function personLabel(person: FormPerson): string {
  return person.unit ? `${person.name} (${person.unit})` : person.name;
}

/** Space kept at the foot of a case form's first page for the QR code and its caption. */
const QR_SIZE = 78;
const CAPTION_SIZE = 7.5;
export const QR_BLOCK_HEIGHT = QR_SIZE + 10;

export async function startCaseForm(template: FormTemplate, input: FormBase): Promise<FlowLayout> {
  const layout = await FlowLayout.create({
    title: `Mẫu số ${template.number}: ${template.title} – ${input.code}`,
    subject: input.procedureName,
    keywords: [
      input.code,
      `Mẫu số ${template.number}`,
      ...(template.wordingChecked ? [] : ['Mẫu tham khảo']),
    ],
    date: input.issuedAt,
    firstPageFooter: QR_BLOCK_HEIGHT,
  });
  heading(layout, template, input.agency, input.issuedAt);
  layout.paragraph(template.title, { weight: 'bold', size: 13, align: 'center', after: 1 });
  layout.paragraph(`Mã hồ sơ: ${input.code}`, { weight: 'bold', align: 'center', after: 10 });
  verificationBlock(layout, input.verifyUrl);
  return layout;
}

/**
 * The heading of a Vietnamese administrative document (Decree 30/2020/NĐ-CP's layout): on the left the
 * superior body, the agency and its desk; on the right the national name and motto; then place and date.
 */
export function heading(
  layout: FlowLayout,
  template: FormTemplate,
  agency: FormAgency,
  issuedAt: Date,
): void {
  layout.paragraph(`Mẫu số ${template.number}${template.wordingChecked ? '' : ' (mẫu tham khảo)'}`, {
    size: 8,
    align: 'right',
    after: 2,
  });
  const leftShare = 0.42;
  const left = [
    ...(agency.parentName ? [{ text: agency.parentName.toUpperCase(), size: 9.5 }] : []),
    { text: agency.name.toUpperCase(), size: 9.5, weight: 'bold' as const },
    ...(agency.deskName ? [{ text: agency.deskName.toUpperCase(), size: 9.5, weight: 'bold' as const }] : []),
  ];
  const right = [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: 10, weight: 'bold' as const },
    { text: 'Độc lập - Tự do - Hạnh phúc', size: 11, weight: 'bold' as const },
  ];
  layout.columns([
    { share: leftShare, parts: left },
    { share: 1 - leftShare, parts: right },
  ]);
  const leftWidth = layout.width * leftShare;
  layout.rule(layout.left, leftWidth, 60, layout.y - 3);
  layout.rule(layout.left + leftWidth, layout.width - leftWidth, 150, layout.y - 3);
  layout.space(10);
  const place = agency.locality ? `${agency.locality}, ` : '';
  layout.columns([
    { share: leftShare, parts: [{ text: '', size: 10 }] },
    { share: 1 - leftShare, parts: [{ text: `${place}${longDate(issuedAt)}`, size: 10 }] },
  ]);
  layout.space(12);
}

function verificationBlock(layout: FlowLayout, url: string): void {
  const page = layout.firstPage;
  const x = layout.left + layout.width - QR_SIZE;
  const y = FOOTER_TOP + 4;
  drawQrCode(page, url, { x, y, size: QR_SIZE });
  const font = layout.fonts.regular;
  const room = x - 8 - layout.left;
  const caption = [
    'Tra cứu, xác thực hồ sơ: quét mã QR hoặc truy cập địa chỉ',
    ...wrapText(url.replace('?', '\n?'), font, CAPTION_SIZE, room),
  ];
  let lineY = y + QR_SIZE - 12;
  for (const line of caption) {
    const width = textWidth(font, nfc(line), CAPTION_SIZE);
    page.drawText(nfc(line), { x: x - 8 - width, y: lineY, size: CAPTION_SIZE, font });
    lineY -= 10;
  }
}

/** The desk that receives files, when the agency names none. */
const DEFAULT_DESK = 'Bộ phận tiếp nhận và trả kết quả';

/**
 * The opening lines of a form about one file: the receiving desk (when `withDesk`), whose file it is, the
 * applicant's address and contacts, and what they ask for.
 */
export function applicantBlock(
  layout: FlowLayout,
  input: FormBase,
  options: { readonly whose: string; readonly withDesk?: boolean },
): void {
  if (options.withDesk) layout.paragraph(`${input.agency.deskName ?? DEFAULT_DESK} – ${input.agency.name}`);
  layout.paragraph(`${options.whose}: ${input.applicant.name}`);
  if (input.applicant.address) layout.paragraph(`Địa chỉ: ${input.applicant.address}`);
  const contact = [
    input.applicant.phone ? `Số điện thoại: ${input.applicant.phone}` : '',
    input.applicant.email ? `Email: ${input.applicant.email}` : '',
  ].filter(Boolean);
  if (contact.length > 0) layout.paragraph(contact.join(' – '));
  layout.paragraph(`Nội dung yêu cầu giải quyết: ${input.procedureName}`);
}

export function deskName(agency: FormAgency): string {
  return agency.deskName ?? DEFAULT_DESK;
}

/** Numbered lines "1. …", "2. …" with their text wrapped under the number. */
export function numbered(layout: FlowLayout, items: readonly string[], indent = 14): void {
  items.forEach((item, index) => {
    layout.paragraph(`${index + 1}. ${item}`, { indent, after: 1 });
  });
}

/**
 * Signature boxes side by side: a role, "(Ký và ghi rõ họ tên)", room to sign on paper, the printed name.
 * Kept together on one page.
 */
export function signatures(
  layout: FlowLayout,
  boxes: readonly { role: string; hint?: string; name?: string }[],
): void {
  layout.space(8);
  layout.columns(
    boxes.map((box) => ({
      share: 1,
      parts: [
        { text: box.role, weight: 'bold' as const, size: 10.5 },
        { text: box.hint ?? '(Ký và ghi rõ họ tên)', size: 9.5, after: 42 },
        { text: box.name ?? '', weight: 'bold' as const, size: 10.5 },
      ],
    })),
  );
}
