// Mẫu 06: Sổ theo dõi hồ sơ, the register of the cases an agency received in a period, as PDF and as CSV.
// SAMPLE WORDING (see SAMPLE_MARK in ./common.ts): columns after Circular 01/2018/TT-VPCP, not checked
// against the text in force.
import { toVietnamIso } from '../domain/vietnam-time';
import { FlowLayout } from '../pdf/layout';
import { cellTime, footerLines, heading, TEMPLATES, TIMELINESS_LABELS, timelinessOf } from './common';
import { toCsv } from './csv';
import type { RegisterEntry, RegisterInput, Timeliness } from './types';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function periodDay(day: string): string {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

function outcome(entry: RegisterEntry): Timeliness | undefined {
  return entry.returnedAt && entry.dueAt ? timelinessOf(entry.returnedAt, entry.dueAt) : undefined;
}

function contact(entry: RegisterEntry): string {
  return [entry.applicantAddress, entry.applicantPhone].filter(Boolean).join('; ');
}

export async function renderRegister(input: RegisterInput): Promise<Uint8Array> {
  const template = TEMPLATES.register;
  const period = `Từ ngày ${periodDay(input.from)} đến ngày ${periodDay(input.to)}`;
  const layout = await FlowLayout.create({
    title: `Mẫu số ${template.number}: ${template.title} – ${input.agency.name}`,
    subject: period,
    keywords: [
      input.agency.code,
      `Mẫu số ${template.number}`,
      ...(template.wordingChecked ? [] : ['Mẫu tham khảo']),
    ],
    date: input.issuedAt,
    orientation: 'landscape',
  });
  heading(layout, template, input.agency, input.issuedAt);
  layout.paragraph(template.title, { weight: 'bold', size: 13, align: 'center', after: 1 });
  layout.paragraph(period, { align: 'center', after: 8 });
  const outcomes = input.entries.map(outcome);
  layout.table(
    [
      { header: 'STT', width: 0.035, align: 'center' },
      { header: 'Mã hồ sơ', width: 0.165 },
      { header: 'Tên thủ tục hành chính', width: 0.1 },
      { header: 'Số lượng hồ sơ (bộ)', width: 0.045, align: 'center' },
      { header: 'Tên cá nhân, tổ chức', width: 0.08 },
      { header: 'Địa chỉ, số điện thoại', width: 0.085 },
      { header: 'Cơ quan chủ trì giải quyết', width: 0.07 },
      { header: 'Nhận hồ sơ', width: 0.075 },
      { header: 'Hẹn trả kết quả', width: 0.075 },
      { header: 'Chuyển hồ sơ đến cơ quan giải quyết', width: 0.075 },
      { header: 'Ngày trả kết quả', width: 0.075 },
      { header: 'Trả kết quả (trước hạn / đúng hạn / quá hạn)', width: 0.06 },
      { header: 'Ghi chú', width: 0.06 },
    ],
    input.entries.map((entry, index) => [
      String(index + 1),
      entry.code,
      entry.procedureName,
      String(entry.sets ?? 1),
      entry.applicantName,
      contact(entry),
      entry.handlingAgency ?? input.agency.name,
      cellTime(entry.receivedAt),
      entry.dueAt ? cellTime(entry.dueAt) : '',
      entry.transferredAt ? cellTime(entry.transferredAt) : '',
      entry.returnedAt ? cellTime(entry.returnedAt) : '',
      outcomes[index] ? TIMELINESS_LABELS[outcomes[index]] : '',
      entry.note ?? '',
    ]),
    7.5,
  );
  const count = (kind: Timeliness) => outcomes.filter((o) => o === kind).length;
  layout.paragraph(
    `Tổng số: ${input.entries.length} hồ sơ; đã trả kết quả trước hạn ${count('early')}, đúng hạn ` +
      `${count('on_time')}, quá hạn ${count('late')}.`,
    { size: 10 },
  );
  return layout.finish(footerLines(template));
}

/** `YYYY-MM-DD HH:MM` in Vietnam time: unambiguous, sorts as text, and spreadsheets read it as a date. */
function csvTime(at: Date | undefined): string | undefined {
  return at ? toVietnamIso(at).slice(0, 16).replace('T', ' ') : undefined;
}

export const REGISTER_CSV_HEADER = [
  'STT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Số lượng hồ sơ (bộ)',
  'Tên cá nhân, tổ chức',
  'Địa chỉ',
  'Số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Chuyển hồ sơ đến cơ quan giải quyết',
  'Ngày trả kết quả',
  'Trả kết quả',
  'Ghi chú',
] as const;

/** Mẫu 06 as CSV (UTF-8 with BOM, RFC 4180), one row per case, for spreadsheets and reporting. */
export function renderRegisterCsv(input: RegisterInput): string {
  return toCsv(
    REGISTER_CSV_HEADER,
    input.entries.map((entry, index) => {
      const result = outcome(entry);
      return [
        index + 1,
        entry.code,
        entry.procedureName,
        entry.sets ?? 1,
        entry.applicantName,
        entry.applicantAddress,
        entry.applicantPhone,
        entry.handlingAgency ?? input.agency.name,
        csvTime(entry.receivedAt),
        csvTime(entry.dueAt),
        csvTime(entry.transferredAt),
        csvTime(entry.returnedAt),
        result ? TIMELINESS_LABELS[result] : undefined,
        entry.note,
      ];
    }),
  );
}
