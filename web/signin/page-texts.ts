// The sign-in pages' own texts, written into their HTML at build time (the script's are in texts.ts).
import { defineTexts } from '../lib/i18n';

export const SIGNIN_PAGE_TEXTS = defineTexts({
  vi: {
    title: 'Đăng nhập',
    intro: 'Đăng nhập để nộp hồ sơ trực tuyến, theo dõi hồ sơ của bạn, hoặc xử lý hồ sơ nếu bạn là cán bộ.',
    expired: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để tiếp tục; bạn sẽ trở lại đúng trang đang mở.',
    wrongRole: 'Trang bạn mở cần một tài khoản khác. Hãy đăng nhập bằng tài khoản phù hợp.',
    demoTitle: 'Tài khoản thử nghiệm',
    demoNotice:
      'Đây là các tài khoản thử nghiệm của môi trường chạy cục bộ (local runtime), chỉ dùng để thử hệ thống. Chọn một tài khoản để đăng nhập, không cần mật khẩu. Khi triển khai thật, người dùng đăng nhập qua trang đăng nhập của Cổng (Amazon Cognito) hoặc VNeID.',
    hostedIntro:
      'Bạn sẽ được chuyển đến trang đăng nhập an toàn của Cổng, rồi quay lại trang bạn đang mở. Cổng không bao giờ hỏi mật khẩu của bạn qua điện thoại hay tin nhắn.',
    withVneid: 'Đăng nhập bằng VNeID',
    vneidHint: 'Dùng tài khoản định danh điện tử (ứng dụng VNeID) của Bộ Công an.',
    withEmail: 'Đăng nhập bằng email',
    emailHint: 'Dùng email và mật khẩu đã đăng ký với Cổng, hoặc tạo tài khoản mới.',
    callbackTitle: 'Đang đăng nhập',
    signedOutTitle: 'Bạn đã đăng xuất',
    signedOutBody:
      'Phiên đăng nhập trên thẻ trình duyệt này đã kết thúc. Nếu bạn dùng máy chung, hãy đóng trình duyệt.',
    signInAgain: 'Đăng nhập lại',
  },
  en: {
    title: 'Sign in',
    intro:
      'Sign in to apply online, follow your applications, or handle applications if you are an official.',
    expired:
      'Your session has expired. Sign in again to carry on; you will come back to the page you were on.',
    wrongRole: 'The page you opened needs another account. Sign in with the right account.',
    demoTitle: 'Demo accounts',
    demoNotice:
      'These are demo accounts of the local runtime, only for trying the system out. Choose one to sign in; no password is needed. When deployed, people sign in through the portal’s sign-in page (Amazon Cognito) or VNeID.',
    hostedIntro:
      'You will go to the portal’s secure sign-in page, then come back to the page you were on. The portal never asks for your password by phone or text message.',
    withVneid: 'Sign in with VNeID',
    vneidHint: 'Use your national electronic identity (the VNeID app) from the Ministry of Public Security.',
    withEmail: 'Sign in with email',
    emailHint: 'Use the email and password you registered with the portal, or create an account.',
    callbackTitle: 'Signing in',
    signedOutTitle: 'You have signed out',
    signedOutBody:
      'Your session in this browser tab has ended. If you use a shared device, close the browser.',
    signInAgain: 'Sign in again',
  },
});
