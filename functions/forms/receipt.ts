// Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, the receipt with the appointment, issued on `receive`.
// SAMPLE WORDING (see SAMPLE_MARK in ./common.ts): not checked against the text in force.
import {
  applicantBlock,
  deskName,
  footerLines,
  longTime,
  numbered,
  signatures,
  startCaseForm,
  TEMPLATES,
} from './common';
import type { FormDocument, ReceiptInput } from './types';

export function documentLine(document: FormDocument): string {
  const counts = [
    document.originals ? `${document.originals} bản chính` : '',
    document.copies ? `${document.copies} bản sao` : '',
  ].filter(Boolean);
  return counts.length > 0 ? `${document.name} (${counts.join(', ')})` : document.name;
}

export async function renderReceipt(input: ReceiptInput): Promise<Uint8Array> {
  const template = TEMPLATES.receipt;
  const layout = await startCaseForm(template, input);
  applicantBlock(layout, input, { whose: 'Tiếp nhận hồ sơ của', withDesk: true });
  layout.space(6);
  layout.paragraph('1. Thành phần hồ sơ nộp gồm:');
  numbered(layout, input.documents.map(documentLine), 20);
  layout.paragraph(`2. Số lượng hồ sơ: ${input.sets ?? 1} (bộ)`);
  if (input.processingDays !== undefined) {
    layout.paragraph(`3. Thời gian giải quyết hồ sơ theo quy định: ${input.processingDays} ngày làm việc`);
  }
  layout.paragraph(`4. Thời gian nhận hồ sơ: ${longTime(input.receivedAt)}`);
  layout.paragraph(`5. Thời gian trả kết quả giải quyết hồ sơ: ${longTime(input.dueAt)}`);
  layout.paragraph(`6. Đăng ký nhận kết quả tại: ${input.resultDelivery ?? deskName(input.agency)}`, {
    after: 4,
  });
  layout.paragraph(
    'Khi nhận kết quả, người nhận mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả này; ' +
      'có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ hoặc mã QR bên dưới.',
    { size: 10 },
  );
  signatures(layout, [
    { role: 'NGƯỜI NỘP HỒ SƠ', name: input.applicant.name },
    { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: input.official?.name ?? '' },
  ]);
  return layout.finish(footerLines(template));
}
