// The apply wizard's texts: the generated page writes its language's into the HTML (`data-texts`) for the script,
// which ships none (`{name}` placeholders are filled by lib/page-texts.ts).
import { COMMON, defineTexts } from '../lib/i18n';

export const APPLY_TEXTS = defineTexts({
  vi: {
    procedure: 'Thủ tục',
    inPerson: 'Bạn cũng có thể nộp hồ sơ trực tiếp tại:',
    continue: 'Tiếp tục',
    back: 'Quay lại',
    saveDraft: 'Lưu nháp',
    stepOf: 'Bước {n} trên {total}',
    optionalStep: 'Bỏ trống cả trang này nếu không có.',
    saved: 'Đã lưu nháp lúc {time}. Bạn có thể tiếp tục trên thiết bị khác, từ mục Hồ sơ của tôi.',
    savedHere:
      'Chưa lưu được lên máy chủ vì mất kết nối. Bản nháp vẫn được lưu trên máy này và sẽ tự gửi khi có mạng.',
    resumed: 'Bạn đang tiếp tục bản nháp lưu ngày {date}.',
    startAgain: 'Xóa bản nháp và làm lại từ đầu',
    confirmStartAgain: 'Xóa toàn bộ thông tin đã nhập và các tệp đã tải lên của bản nháp này?',
    documents: 'Giấy tờ kèm theo',
    expired: 'Tệp này đã hết hạn lưu trữ hoặc không còn dùng được. Hãy tải lên lại.',
    check: 'Kiểm tra lại thông tin',
    submit: 'Nộp hồ sơ',
    submitting: 'Đang gửi hồ sơ…',
    maybeSubmitted:
      'Lần gửi trước chưa nhận được trả lời, hồ sơ có thể đã tới cơ quan. Bấm "Nộp hồ sơ" để biết kết quả: hồ sơ sẽ không bị nộp hai lần.',
    submitted: 'Đã nộp hồ sơ',
    problemTitle: COMMON.vi.problemTitle,
    serverError: COMMON.vi.serverError,
    connection: COMMON.vi.offline,
  },
  en: {
    procedure: 'Procedure',
    inPerson: 'You can also apply in person at:',
    continue: 'Continue',
    back: 'Back',
    saveDraft: 'Save draft',
    stepOf: 'Step {n} of {total}',
    optionalStep: 'Leave this whole page empty if it does not apply.',
    saved: 'Draft saved at {time}. You can carry on from another device, under My applications.',
    savedHere:
      'Could not save to the server: no connection. The draft is kept on this device and will be sent when you are back online.',
    resumed: 'You are carrying on with a draft saved on {date}.',
    startAgain: 'Delete the draft and start again',
    confirmStartAgain: 'Delete everything you entered and the files you uploaded for this draft?',
    documents: 'Documents',
    expired: 'This file has expired or can no longer be used. Upload it again.',
    check: 'Check your answers',
    submit: 'Submit application',
    submitting: 'Sending your application…',
    maybeSubmitted:
      'Your last attempt got no answer: the application may have arrived. Select "Submit application" to find out: it will not be submitted twice.',
    submitted: 'Application submitted',
    problemTitle: COMMON.en.problemTitle,
    serverError: COMMON.en.serverError,
    connection: COMMON.en.offline,
  },
});

export type ApplyTexts = (typeof APPLY_TEXTS)['vi'];
