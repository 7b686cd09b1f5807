// The texts the sign-in pages' script writes (account groups, progress, failures). What the pages say before the
// script runs is in page-texts.ts, so that it weighs on the HTML of one language, not on the script of both.
import { defineTexts } from '../lib/i18n';

export const SIGNIN_TEXTS = defineTexts({
  vi: {
    citizens: 'Công dân',
    businesses: 'Doanh nghiệp',
    officials: 'Cán bộ, công chức',
    admins: 'Quản trị hệ thống',
    noAccounts: 'Môi trường chạy cục bộ chưa có tài khoản thử nghiệm nào.',
    signingIn: 'Đang đăng nhập…',
    noConfig: 'Không tải được cấu hình đăng nhập. Kiểm tra kết nối mạng rồi tải lại trang.',
    completing: 'Đang hoàn tất đăng nhập…',
    failedTitle: 'Chưa đăng nhập được',
    failedState:
      'Kết quả đăng nhập không khớp với lần đăng nhập nào đang chờ trên thẻ trình duyệt này (có thể bạn đã mở đường dẫn cũ, hoặc đăng nhập ở thẻ khác). Để an toàn, hệ thống không dùng kết quả này.',
    failedDenied: 'Việc đăng nhập đã bị hủy hoặc bị từ chối.',
    failedExchange: 'Mã đăng nhập đã hết hạn hoặc đã được dùng.',
    failedToken: 'Trang đăng nhập trả về kết quả không dùng được.',
    tryAgain: 'Đăng nhập lại',
  },
  en: {
    citizens: 'Citizens',
    businesses: 'Businesses',
    officials: 'Officials',
    admins: 'Administrators',
    noAccounts: 'The local runtime has no demo accounts yet.',
    signingIn: 'Signing in…',
    noConfig: 'Could not load the sign-in settings. Check your connection and reload the page.',
    completing: 'Finishing signing in…',
    failedTitle: 'You are not signed in yet',
    failedState:
      'The sign-in answer does not match any sign-in waiting in this browser tab (perhaps an old link, or a sign-in started in another tab). To keep you safe, it was not used.',
    failedDenied: 'Signing in was cancelled or refused.',
    failedExchange: 'The sign-in code has expired or was already used.',
    failedToken: 'The sign-in page gave an answer that cannot be used.',
    tryAgain: 'Sign in again',
  },
});
