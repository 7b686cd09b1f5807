// Renders a notification's subject and body in Vietnamese or English, for e-mail or SMS.
import { STATUS_LABELS } from '../domain/status-labels';
import { isDecided } from '../domain/status-machine';
import type { Language } from '../domain/types';
import type { NotificationRecord } from '../storage/records';

/** `dd/mm/yyyy` as Vietnamese documents write dates (the stored times already carry +07:00). */
function vietnameseDate(iso: string): string {
  const [date] = iso.split('T');
  const [y, m, d] = (date ?? '').split('-');
  return `${d}/${m}/${y}`;
}

export interface RenderedMessage {
  readonly subject: string;
  readonly body: string;
}

export function renderNotification(n: NotificationRecord, trackBaseUrl: string): RenderedMessage {
  const lang: Language = n.lang;
  const status = STATUS_LABELS[n.event.status][lang];
  const procedure = n.event.procedureName[lang];
  const due = vietnameseDate(n.event.dueAt);
  const link = trackBaseUrl
    ? `${trackBaseUrl.replace(/\/$/, '')}/track.html?code=${encodeURIComponent(n.caseCode)}`
    : '';
  // Until a decision the applicant waits for the result, so its due date is worth saying.
  const open = !isDecided(n.event.status);
  // An extension (Mẫu 04) is an apology with a new date, not a change of status.
  const apology = n.event.action === 'extend';
  if (n.channel === 'sms') {
    const text =
      lang === 'vi'
        ? `Ho so ${n.caseCode}: ${status}.${open ? ` Hen tra ${due}.` : ''}${n.event.note ? ` ${n.event.note}` : ''}`
        : `Case ${n.caseCode}: ${status}.${open ? ` Due ${due}.` : ''}${n.event.note ? ` ${n.event.note}` : ''}`;
    // Unaccented text fits 160 characters per SMS segment instead of 70, as Vietnamese carriers bill it.
    return { subject: '', body: foldSms(text) };
  }
  const subject = lang === 'vi' ? `Hồ sơ ${n.caseCode}: ${status}` : `Case ${n.caseCode}: ${status}`;
  const lines =
    lang === 'vi'
      ? [
          'Kính gửi ông/bà,',
          '',
          `Hồ sơ ${n.caseCode} (${procedure}) hiện ở trạng thái: ${status}.`,
          ...(apology
            ? [
                `Cơ quan giải quyết xin lỗi ông/bà vì chưa trả kết quả đúng hẹn và hẹn lại ngày trả kết quả: ${due}.`,
                'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) có trong trang hồ sơ của ông/bà.',
              ]
            : []),
          ...(open ? [`Ngày hẹn trả kết quả: ${due}.`] : []),
          ...(n.event.note ? [`Ghi chú của cơ quan: ${n.event.note}`] : []),
          ...(link ? ['', `Tra cứu hồ sơ: ${link} (dùng mã tra cứu đã nhận khi nộp).`] : []),
          '',
          'Đây là thư tự động của Bộ phận Một cửa, xin không trả lời thư này.',
        ]
      : [
          'Dear applicant,',
          '',
          `Case ${n.caseCode} (${procedure}) is now: ${status}.`,
          ...(apology
            ? [
                `The agency apologises that the result is not ready on the date promised; the new date is ${due}.`,
                'The apology with the new date (form 04) is on your case page.',
              ]
            : []),
          ...(open ? [`Result due by: ${due}.`] : []),
          ...(n.event.note ? [`Note from the agency: ${n.event.note}`] : []),
          ...(link ? ['', `Track the case: ${link} (with the tracking PIN you received).`] : []),
          '',
          'This is an automatic message from the one-stop desk; please do not reply.',
        ];
  return { subject, body: lines.join('\n') };
}

/** Drops tone and vowel marks, keeping case: "Hồ sơ Đã" → "Ho so Da". */
function foldSms(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
