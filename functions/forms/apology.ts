// Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả, when a case runs late (the `extend` action).
// SAMPLE WORDING (see SAMPLE_MARK in ./common.ts): not checked against the text in force.
import { footerLines, longDate, signatures, startCaseForm, TEMPLATES } from './common';
import type { ApologyInput } from './types';

export async function renderApology(input: ApologyInput): Promise<Uint8Array> {
  const template = TEMPLATES.apology;
  const layout = await startCaseForm(template, input);
  const agency = input.agency.name;
  layout.paragraph(`Kính gửi: ${input.applicant.name}`, { weight: 'bold', after: 6 });
  if (input.applicant.address) layout.paragraph(`Địa chỉ: ${input.applicant.address}`, { after: 6 });
  layout.paragraph(
    `Ngày ${longDate(input.receivedAt).replace(/^ngày /, '')}, ${agency} tiếp nhận giải quyết hồ sơ của ` +
      `ông/bà: ${input.procedureName}, mã hồ sơ ${input.code}.`,
  );
  layout.paragraph(`Ngày hẹn trả kết quả giải quyết hồ sơ: ${longDate(input.previousDueAt)}.`);
  layout.paragraph(`Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của ông/bà.`);
  layout.paragraph('Lý do:', { after: 0 });
  layout.paragraph(input.reason, { indent: 14, weight: 'bold', after: 6 });
  layout.paragraph(
    `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${agency} xin lỗi ông/bà và sẽ trả kết quả giải ` +
      `quyết hồ sơ cho ông/bà vào ${longDate(input.newDueAt)}.`,
  );
  layout.paragraph('Mong nhận được sự thông cảm của ông/bà./.');
  signatures(layout, [
    {
      role: 'THỦ TRƯỞNG CƠ QUAN',
      hint: '(Ký, ghi rõ họ tên và đóng dấu)',
      name: input.official?.name ?? '',
    },
  ]);
  return layout.finish(footerLines(template));
}
