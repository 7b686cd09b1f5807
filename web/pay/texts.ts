// The fee payment page's texts, shared by its generated page and its script.
import { defineTexts } from '../lib/i18n';

export const PAY_TEXTS = defineTexts({
  vi: {
    title: 'Thanh toán phí, lệ phí',
    intro:
      'Hồ sơ của thủ tục mức độ 4 được chuyển đến cơ quan sau khi phí, lệ phí được thanh toán trực tuyến.',
    loading: 'Đang tải hồ sơ…',
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    amount: 'Số tiền',
    gateway: 'Cổng thanh toán',
    gatewayName: 'VNPAY (thẻ ATM nội địa, thẻ quốc tế, ứng dụng ngân hàng)',
    pay: 'Thanh toán',
    redirecting: 'Đang chuyển đến cổng thanh toán…',
    lastFailed: 'Lần thanh toán trước không thành công. Bạn có thể thanh toán lại.',
    paid: 'Phí, lệ phí đã được thanh toán.',
    notDue: 'Hồ sơ này không ở trạng thái chờ thanh toán.',
    viewCase: 'Xem hồ sơ',
    notFound: 'Không tìm thấy hồ sơ',
    myApplications: 'Hồ sơ của tôi',
  },
  en: {
    title: 'Pay the fee',
    intro: 'A full online (level 4) application goes to the agency once its fee is paid online.',
    loading: 'Loading the application…',
    code: 'Case code',
    procedure: 'Procedure',
    amount: 'Amount',
    gateway: 'Payment gateway',
    gatewayName: 'VNPAY (domestic ATM cards, international cards, banking apps)',
    pay: 'Pay',
    redirecting: 'Taking you to the payment gateway…',
    lastFailed: 'The last payment did not go through. You can pay again.',
    paid: 'The fee is paid.',
    notDue: 'This application is not awaiting payment.',
    viewCase: 'View the application',
    notFound: 'Application not found',
    myApplications: 'My applications',
  },
});
