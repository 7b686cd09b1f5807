// Marriage registration (đăng ký kết hôn) at the commune People's Committee: partly online, since both must appear.
import * as z from 'zod';
import { vietnamDay } from '../../functions/domain/vietnam-time';
import { giaSinhCommune } from '../agencies';
import {
  addKeyedIssue,
  ageOn,
  cccd,
  cccdAgreesWithPerson,
  labelledEnum,
  pastDate,
  personName,
  text,
  vnAddress,
  vnMobilePhone,
  whenValid,
} from '../validators';
import { defineProcedure, scannedDocument } from './define';

/** Luật Hôn nhân và gia đình 2014, art. 8(1)(a): a man from full 20 years of age, a woman from full 18. */
export const MIN_MARRIAGE_AGE = { groom: 20, bride: 18 } as const;

/** The application form, built on first use (see `defineProcedure`). */
function buildForm() {
  function party(title: string, impliedSex: 'male' | 'female') {
    return z
      .strictObject({
        fullName: personName.meta({ title: 'Họ, chữ đệm và tên' }),
        dateOfBirth: pastDate.meta({ title: 'Ngày, tháng, năm sinh' }),
        ethnicity: text(50).meta({ title: 'Dân tộc' }),
        nationality: text(50).meta({ title: 'Quốc tịch' }),
        cccd: cccd.meta({ title: 'Số định danh cá nhân (số CCCD)' }),
        residence: vnAddress.meta({ title: 'Nơi cư trú' }),
        previousMarriage: labelledEnum({
          none: 'Chưa kết hôn lần nào',
          divorced: 'Đã ly hôn',
          widowed: 'Vợ hoặc chồng đã chết',
        }).meta({
          title: 'Tình trạng hôn nhân trước đây',
          description: 'Người đang có vợ hoặc có chồng không được kết hôn với người khác',
        }),
      })
      .check(cccdAgreesWithPerson(impliedSex))
      .meta({ title });
  }

  return z
    .strictObject({
      groom: party('Bên nam', 'male'),
      bride: party('Bên nữ', 'female'),
      contactPhone: vnMobilePhone.meta({
        title: 'Số điện thoại liên hệ',
        description: 'Để hẹn ngày hai bên cùng đến ký Giấy chứng nhận kết hôn',
      }),
    })
    .superRefine(
      (data, ctx) => {
        const today = vietnamDay(new Date());
        if (ageOn(data.groom.dateOfBirth, today) < MIN_MARRIAGE_AGE.groom) {
          addKeyedIssue(ctx, ['groom', 'dateOfBirth'], 'marriage.groomUnderAge');
        }
        if (ageOn(data.bride.dateOfBirth, today) < MIN_MARRIAGE_AGE.bride) {
          addKeyedIssue(ctx, ['bride', 'dateOfBirth'], 'marriage.brideUnderAge');
        }
      },
      whenValid(['groom', 'dateOfBirth'], ['bride', 'dateOfBirth']),
    )
    .superRefine(
      (data, ctx) => {
        if (data.groom.cccd === data.bride.cccd) addKeyedIssue(ctx, ['bride', 'cccd'], 'marriage.samePerson');
      },
      whenValid(['groom', 'cccd'], ['bride', 'cccd']),
    );
}

export const dangKyKetHon = defineProcedure({
  id: 'dang-ky-ket-hon',
  nationalCode: '1.000894',
  name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
  agency: giaSinhCommune,
  // Level 3 (một phần): both parties must come in person to sign the register (Luật Hộ tịch art. 18(2)).
  level: 3,
  // Free for Vietnamese citizens residing in Vietnam: Luật Hộ tịch 2014, art. 11(1)(b).
  fee: null,
  // Luật Hộ tịch art. 18(2): at once when the conditions are met; at most 5 working days when they must be verified.
  processingDays: 5,
  timeLimitBasis: {
    vi: 'Khoản 2 Điều 18 Luật Hộ tịch số 60/2014/QH13',
    en: 'Law on Civil Status 60/2014/QH13, art. 18(2)',
  },
  steps: [
    {
      vi: 'Một trong hai bên nộp tờ khai đăng ký kết hôn trực tuyến, có thông tin của cả hai bên.',
      en: 'One of the two submits the marriage registration form online, with the details of both.',
    },
    {
      vi: 'Công chức tư pháp - hộ tịch kiểm tra, xác minh điều kiện kết hôn qua Cơ sở dữ liệu quốc gia về dân cư và Cơ sở dữ liệu hộ tịch điện tử, rồi hẹn ngày trả kết quả.',
      en: 'The civil status officer checks the conditions for marriage in the national population and civil status databases, and sets an appointment.',
    },
    {
      vi: 'Hai bên cùng có mặt tại Ủy ban nhân dân xã, ký vào Sổ đăng ký kết hôn và Giấy chứng nhận kết hôn; Chủ tịch Ủy ban nhân dân xã trao Giấy chứng nhận kết hôn cho hai bên.',
      en: "Both come to the commune People's Committee together and sign the register and the certificate; the commune chairperson hands them the marriage certificate.",
    },
  ],
  legalBasis: [
    'Luật Hôn nhân và gia đình số 52/2014/QH13',
    'Luật Hộ tịch số 60/2014/QH13',
    'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
    'Nghị định số 87/2020/NĐ-CP quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến',
    'Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP',
  ],
  resultDelivery: {
    methods: ['in_person'],
    result: {
      vi: 'Giấy chứng nhận kết hôn (mỗi bên một bản chính)',
      en: 'Marriage certificate (one original for each spouse)',
    },
  },
  applicants: {
    vi: 'Nam, nữ là công dân Việt Nam cư trú ở trong nước, nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi, tự nguyện kết hôn, không bị mất năng lực hành vi dân sự và không thuộc trường hợp cấm kết hôn (Điều 8 Luật Hôn nhân và gia đình).',
    en: 'A Vietnamese man and woman residing in Vietnam, he at least 20 and she at least 18, marrying of their own free will, with full legal capacity and not barred from marrying (Law on Marriage and Family, art. 8).',
  },
  where: {
    vi: 'Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên (Điều 17 Luật Hộ tịch).',
    en: "The People's Committee of the commune where either of the two resides (Law on Civil Status, art. 17).",
  },
  sampleValues: {
    vi: 'Mã cơ quan và địa chỉ là giá trị mẫu.',
    en: 'The agency code and address are sample values.',
  },
  documents: [
    scannedDocument({
      type: 'marital-status-certificate',
      name: {
        vi: 'Giấy xác nhận tình trạng hôn nhân (khi đăng ký kết hôn ở xã không phải nơi thường trú của mình và thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử)',
        en: 'Certificate of marital status (when marrying in a commune other than your place of permanent residence and the record is not in the electronic civil status database)',
      },
      required: false,
      maxFiles: 2,
      copies: { originals: 1, copies: 0 },
    }),
  ],
  form: buildForm,
  examples: [
    {
      groom: {
        fullName: 'Lê Quang Minh',
        dateOfBirth: '1996-11-05',
        ethnicity: 'Kinh',
        nationality: 'Việt Nam',
        cccd: '037096008812',
        residence: {
          line: 'Thôn Đầm Khánh',
          commune: 'Xã Gia Sinh',
          district: 'Huyện Gia Viễn',
          province: 'Tỉnh Ninh Bình',
        },
        previousMarriage: 'none',
      },
      bride: {
        fullName: 'Đinh Thị Lan Anh',
        dateOfBirth: '1999-06-21',
        ethnicity: 'Mường',
        nationality: 'Việt Nam',
        cccd: '037199003571',
        residence: {
          line: 'Xóm 4',
          commune: 'Xã Gia Sinh',
          district: 'Huyện Gia Viễn',
          province: 'Tỉnh Ninh Bình',
        },
        previousMarriage: 'none',
      },
      contactPhone: '0987654321',
    },
  ],
  applicantName: (data) => `${data.groom.fullName} và ${data.bride.fullName}`,
});
