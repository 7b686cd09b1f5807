// Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reason (the `reject` action's note).
// SAMPLE WORDING (see SAMPLE_MARK in ./common.ts): not checked against the text in force.
import { applicantBlock, footerLines, longDate, signatures, startCaseForm, TEMPLATES } from './common';
import type { RefusalInput } from './types';

export async function renderRefusal(input: RefusalInput): Promise<Uint8Array> {
  const template = TEMPLATES.refusal;
  const layout = await startCaseForm(template, input);
  applicantBlock(layout, input, { whose: 'Tiếp nhận hồ sơ của', withDesk: true });
  layout.paragraph(`Ngày nộp hồ sơ: ${longDate(input.submittedAt)}`, { after: 6 });
  layout.paragraph(
    `Qua xem xét, ${input.agency.name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể ` +
      'như sau:',
  );
  layout.paragraph(input.reason, { indent: 14, weight: 'bold', after: 6 });
  layout.paragraph('Xin thông báo để ông/bà được biết và thực hiện./.');
  signatures(layout, [{ role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: input.official?.name ?? '' }]);
  return layout.finish(footerLines(template));
}
