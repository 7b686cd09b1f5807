// Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, listing what the applicant must add or redo, and why.
// SAMPLE WORDING (see SAMPLE_MARK in ./common.ts): not checked against the text in force.
import { applicantBlock, footerLines, longDate, signatures, startCaseForm, TEMPLATES } from './common';
import type { SupplementRequestInput } from './types';

export async function renderSupplementRequest(input: SupplementRequestInput): Promise<Uint8Array> {
  const template = TEMPLATES['supplement-request'];
  const layout = await startCaseForm(template, input);
  applicantBlock(layout, input, { whose: 'Hồ sơ của' });
  if (input.receivedAt) layout.paragraph(`Ngày tiếp nhận: ${longDate(input.receivedAt)}`);
  layout.space(4);
  layout.paragraph('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', { weight: 'bold' });
  layout.table(
    [
      { header: 'STT', width: 0.07, align: 'center' },
      { header: 'Nội dung cần bổ sung, hoàn thiện', width: 0.45 },
      { header: 'Lý do', width: 0.48 },
    ],
    input.items.map((item, index) => [String(index + 1), item.what, item.reason]),
    10,
  );
  layout.paragraph(
    'Thời gian giải quyết hồ sơ tạm dừng từ ngày ban hành phiếu này và được tính tiếp khi hồ sơ được ' +
      'bổ sung đầy đủ.',
    { size: 10 },
  );
  if (input.contact) {
    const phone = input.contact.phone ? `, số điện thoại ${input.contact.phone}` : '';
    layout.paragraph(
      `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ ${input.contact.name}${phone} ` +
        'để được hướng dẫn.',
      { size: 10 },
    );
  }
  layout.paragraph('Xin trân trọng cảm ơn./.', { size: 10 });
  signatures(layout, [{ role: 'NGƯỜI HƯỚNG DẪN', name: input.official?.name ?? '' }]);
  return layout.finish(footerLines(template));
}
