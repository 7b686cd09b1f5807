// The sign-in pages' texts (sign-in, the hosted sign-in's callback, signed out), shared by the pages and their script.
import { defineTexts } from '../lib/i18n';

export const SIGNIN_TEXTS = defineTexts({
  vi: {
    title: 'Đăng nhập',
    intro: 'Đăng nhập để nộp hồ sơ trực tuyến, theo dõi hồ sơ của bạn, hoặc xử lý hồ sơ nếu bạn là cán bộ.',
    expired: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để tiếp tục; bạn sẽ trở lại đúng trang đang mở.',
    wrongRole: (name: string) =>
      `Trang bạn mở không dành cho tài khoản đang đăng nhập (${name}). Hãy đăng nhập bằng tài khoản phù hợp.`,
    wrongRoleNoName: 'Trang bạn mở cần một tài khoản khác. Hãy đăng nhập bằng tài khoản phù hợp.',
    demoTitle: 'Tài khoản thử nghiệm',
    demoNotice:
      'Đây là các tài khoản thử nghiệm của môi trường chạy cục bộ (local runtime), chỉ dùng để thử hệ thống. Chọn một tài khoản để đăng nhập, không cần mật khẩu. Khi triển khai thật, người dùng đăng nhập qua trang đăng nhập của Cổng (Amazon Cognito) hoặc VNeID.',
    citizens: 'Công dân',
    businesses: 'Doanh nghiệp',
    officials: 'Cán bộ, công chức',
    admins: 'Quản trị hệ thống',
    noAccounts: 'Môi trường chạy cục bộ chưa có tài khoản thử nghiệm nào.',
    signingIn: 'Đang đăng nhập…',
    hostedIntro:
      'Bạn sẽ được chuyển đến trang đăng nhập an toàn của Cổng, rồi quay lại trang bạn đang mở. Cổng không bao giờ hỏi mật khẩu của bạn qua điện thoại hay tin nhắn.',
    withVneid: 'Đăng nhập bằng VNeID',
    vneidHint: 'Dùng tài khoản định danh điện tử (ứng dụng VNeID) của Bộ Công an.',
    withEmail: 'Đăng nhập bằng email',
    emailHint: 'Dùng email và mật khẩu đã đăng ký với Cổng, hoặc tạo tài khoản mới.',
    noConfig: 'Không tải được cấu hình đăng nhập. Kiểm tra kết nối mạng rồi tải lại trang.',
    callbackTitle: 'Đang đăng nhập',
    completing: 'Đang hoàn tất đăng nhập…',
    failedTitle: 'Chưa đăng nhập được',
    failedState:
      'Kết quả đăng nhập không khớp với lần đăng nhập nào đang chờ trên thẻ trình duyệt này (có thể bạn đã mở đường dẫn cũ, hoặc đăng nhập ở thẻ khác). Để an toàn, hệ thống không dùng kết quả này.',
    failedDenied: 'Việc đăng nhập đã bị hủy hoặc bị từ chối.',
    failedExchange: 'Mã đăng nhập đã hết hạn hoặc đã được dùng.',
    failedToken: 'Trang đăng nhập trả về kết quả không dùng được.',
    tryAgain: 'Đăng nhập lại',
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
    wrongRole: (name: string) =>
      `The page you opened is not for the account you are signed in with (${name}). Sign in with the right account.`,
    wrongRoleNoName: 'The page you opened needs another account. Sign in with the right account.',
    demoTitle: 'Demo accounts',
    demoNotice:
      'These are demo accounts of the local runtime, only for trying the system out. Choose one to sign in; no password is needed. When deployed, people sign in through the portal’s sign-in page (Amazon Cognito) or VNeID.',
    citizens: 'Citizens',
    businesses: 'Businesses',
    officials: 'Officials',
    admins: 'Administrators',
    noAccounts: 'The local runtime has no demo accounts yet.',
    signingIn: 'Signing in…',
    hostedIntro:
      'You will go to the portal’s secure sign-in page, then come back to the page you were on. The portal never asks for your password by phone or text message.',
    withVneid: 'Sign in with VNeID',
    vneidHint: 'Use your national electronic identity (the VNeID app) from the Ministry of Public Security.',
    withEmail: 'Sign in with email',
    emailHint: 'Use the email and password you registered with the portal, or create an account.',
    noConfig: 'Could not load the sign-in settings. Check your connection and reload the page.',
    callbackTitle: 'Signing in',
    completing: 'Finishing signing in…',
    failedTitle: 'You are not signed in yet',
    failedState:
      'The sign-in answer does not match any sign-in waiting in this browser tab (perhaps an old link, or a sign-in started in another tab). To keep you safe, it was not used.',
    failedDenied: 'Signing in was cancelled or refused.',
    failedExchange: 'The sign-in code has expired or was already used.',
    failedToken: 'The sign-in page gave an answer that cannot be used.',
    tryAgain: 'Sign in again',
    signedOutTitle: 'You have signed out',
    signedOutBody:
      'Your session in this browser tab has ended. If you use a shared device, close the browser.',
    signInAgain: 'Sign in again',
  },
});
