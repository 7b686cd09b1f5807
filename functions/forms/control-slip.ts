// Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ, the control slip: each step, who, when (officials only).
// SAMPLE WORDING (see SAMPLE_MARK in ./common.ts): not checked against the text in force.
import {
  cellTime,
  footerLines,
  longTime,
  personLabel,
  signatures,
  startCaseForm,
  TEMPLATES,
  TIMELINESS_LABELS,
} from './common';
import type { ControlSlipInput } from './types';

export async function renderControlSlip(input: ControlSlipInput): Promise<Uint8Array> {
  const template = TEMPLATES['control-slip'];
  const layout = await startCaseForm(template, input);
  layout.paragraph(`Kèm theo hồ sơ của: ${input.applicant.name}`);
  layout.paragraph(`Nội dung yêu cầu giải quyết: ${input.procedureName}`);
  layout.paragraph(`Cơ quan giải quyết: ${input.agency.name}`);
  if (input.receivedAt) layout.paragraph(`Ngày nhận hồ sơ: ${longTime(input.receivedAt)}`);
  if (input.dueAt) layout.paragraph(`Ngày hẹn trả kết quả: ${longTime(input.dueAt)}`, { after: 6 });
  layout.table(
    [
      { header: 'STT', width: 0.06, align: 'center' },
      { header: 'Thời gian', width: 0.15 },
      { header: 'Bước giải quyết', width: 0.2 },
      { header: 'Người thực hiện (giao)', width: 0.2 },
      { header: 'Người nhận', width: 0.16 },
      { header: 'Kết quả (trước hạn / đúng hạn / quá hạn)', width: 0.11 },
      { header: 'Ghi chú', width: 0.12 },
    ],
    input.events.map((event, index) => [
      String(index + 1),
      cellTime(event.at),
      event.action,
      personLabel(event.actor),
      event.handedTo ? personLabel(event.handedTo) : '',
      event.timeliness ? TIMELINESS_LABELS[event.timeliness] : '',
      event.note ?? '',
    ]),
    8.5,
  );
  layout.paragraph(
    'Ghi chú: trường hợp hồ sơ được chuyển qua hệ thống thông tin giải quyết thủ tục hành chính, ' +
      'thời gian giao, nhận là thời điểm hệ thống ghi nhận.',
    { size: 9 },
  );
  signatures(layout, [{ role: 'NGƯỜI LẬP PHIẾU', name: input.official?.name ?? '' }]);
  return layout.finish(footerLines(template));
}
