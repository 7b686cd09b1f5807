// The apply page's texts.
import { defineTexts } from '../lib/i18n';

export const APPLY_TEXTS = defineTexts({
  vi: {
    procedure: 'Thủ tục',
    comingSoon:
      'Chức năng nộp hồ sơ trực tuyến cho thủ tục này đang được hoàn thiện. Trong thời gian chờ, bạn có thể nộp hồ sơ trực tiếp tại:',
  },
  en: {
    procedure: 'Procedure',
    comingSoon: 'Applying online for this procedure is being finished. Meanwhile you can apply in person at:',
  },
});
