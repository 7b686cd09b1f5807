// Birth registration (đăng ký khai sinh) at the commune People's Committee: full online service, free.
import * as z from 'zod';
import { giaSinhCommune } from '../agencies';
import {
  addKeyedIssue,
  cccd,
  cccdAgreesWithPerson,
  labelledEnum,
  pastDate,
  personName,
  sex,
  text,
  vnAddress,
  vnMobilePhone,
  whenValid,
} from '../validators';
import { defineProcedure, scannedDocument } from './define';

/** The application form, built on first use (see `defineProcedure`). */
function buildForm() {
  const child = z
    .strictObject({
      fullName: personName.meta({ title: 'Họ, chữ đệm và tên của trẻ' }),
      sex: sex.meta({ title: 'Giới tính' }),
      dateOfBirth: pastDate.meta({ title: 'Ngày, tháng, năm sinh' }),
      placeOfBirth: text(200).meta({
        title: 'Nơi sinh',
        description: 'Tên cơ sở y tế nơi trẻ được sinh ra; nếu sinh ngoài cơ sở y tế, ghi địa chỉ nơi sinh',
      }),
      ethnicity: text(50).meta({ title: 'Dân tộc', description: 'Ví dụ: Kinh, Mường, Tày' }),
      nationality: text(50).meta({ title: 'Quốc tịch', description: 'Ví dụ: Việt Nam' }),
      hometown: text(200).optional().meta({
        title: 'Quê quán',
        description: 'Theo quê quán của cha hoặc của mẹ, theo thỏa thuận của cha mẹ',
      }),
    })
    .meta({ title: 'Thông tin của trẻ' });

  function parent(title: string, impliedSex: 'male' | 'female') {
    return z
      .strictObject({
        fullName: personName.meta({ title: 'Họ, chữ đệm và tên' }),
        dateOfBirth: pastDate.meta({ title: 'Ngày, tháng, năm sinh' }),
        ethnicity: text(50).meta({ title: 'Dân tộc' }),
        nationality: text(50).meta({ title: 'Quốc tịch' }),
        cccd: cccd.optional().meta({
          title: 'Số định danh cá nhân (số CCCD)',
          description: 'Bỏ trống nếu người này chưa có số định danh cá nhân',
        }),
        residence: vnAddress.meta({ title: 'Nơi cư trú' }),
      })
      .check(cccdAgreesWithPerson(impliedSex))
      .meta({ title });
  }

  const declarant = z
    .strictObject({
      fullName: personName.meta({ title: 'Họ, chữ đệm và tên người đi khai sinh' }),
      cccd: cccd.meta({ title: 'Số định danh cá nhân (số CCCD) của người đi khai sinh' }),
      phone: vnMobilePhone.meta({
        title: 'Số điện thoại di động',
        description: 'Để nhận thông báo về hồ sơ',
      }),
      relationship: labelledEnum({
        mother: 'Mẹ',
        father: 'Cha',
        grandparent: 'Ông, bà',
        relative: 'Người thân thích khác',
        caregiver: 'Cá nhân, tổ chức đang nuôi dưỡng trẻ',
      }).meta({
        title: 'Quan hệ với trẻ',
        description:
          'Cha, mẹ có trách nhiệm đi khai sinh; nếu cha, mẹ không thể đi thì ông, bà hoặc người khác',
      }),
    })
    .meta({ title: 'Người đi khai sinh' });

  return z
    .strictObject({
      child,
      mother: parent('Thông tin của mẹ', 'female'),
      father: parent('Thông tin của cha', 'male')
        .optional()
        .meta({ title: 'Thông tin của cha', description: 'Bỏ trống nếu chưa xác định được cha' }),
      declarant,
    })
    .superRefine(
      (data, ctx) => {
        if (data.mother.dateOfBirth >= data.child.dateOfBirth) {
          addKeyedIssue(ctx, ['child', 'dateOfBirth'], 'birth.childBeforeParent');
        } else if (data.father && data.father.dateOfBirth >= data.child.dateOfBirth) {
          addKeyedIssue(ctx, ['child', 'dateOfBirth'], 'birth.childBeforeParent');
        }
      },
      whenValid(['child', 'dateOfBirth'], ['mother', 'dateOfBirth'], ['father', 'dateOfBirth']),
    );
}

export const dangKyKhaiSinh = defineProcedure({
  id: 'dang-ky-khai-sinh',
  nationalCode: '1.001193',
  name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  agency: giaSinhCommune,
  level: 4,
  // Free when registered within 60 days of the birth: Luật Hộ tịch 2014, art. 11(1)(b) and art. 15.
  fee: null,
  // Luật Hộ tịch art. 16(2): registered as soon as the papers are complete, the same day; the next working
  // day when received too late in the day to finish.
  processingDays: 1,
  timeLimitBasis: {
    vi: 'Khoản 2 Điều 16 Luật Hộ tịch số 60/2014/QH13',
    en: 'Law on Civil Status 60/2014/QH13, art. 16(2)',
  },
  steps: [
    {
      vi: 'Người đi khai sinh đăng nhập bằng tài khoản định danh điện tử (VNeID), điền tờ khai đăng ký khai sinh điện tử và tải lên bản chụp giấy chứng sinh.',
      en: 'The declarant signs in with their e-identity (VNeID), fills in the electronic birth registration form and uploads a photo or scan of the medical birth certificate.',
    },
    {
      vi: 'Công chức tư pháp - hộ tịch kiểm tra hồ sơ, đối chiếu Cơ sở dữ liệu quốc gia về dân cư; nếu hồ sơ chưa đầy đủ thì thông báo để bổ sung.',
      en: 'The civil status officer checks the application against the national population database and asks for anything missing.',
    },
    {
      vi: 'Hồ sơ hợp lệ: công chức ghi vào Sổ đăng ký khai sinh, cấp số định danh cá nhân cho trẻ; Chủ tịch Ủy ban nhân dân xã ký Giấy khai sinh.',
      en: 'When complete, the officer records the birth in the register and the child receives a personal identification number; the commune chairperson signs the birth certificate.',
    },
    {
      vi: 'Trả kết quả: bản điện tử Giấy khai sinh gửi vào tài khoản của người nộp; bản chính gửi qua bưu chính hoặc nhận tại Bộ phận Một cửa.',
      en: "Result: the electronic birth certificate goes to the applicant's account; the paper original is posted or collected at the one-stop desk.",
    },
  ],
  legalBasis: [
    'Luật Hộ tịch số 60/2014/QH13',
    'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
    'Nghị định số 87/2020/NĐ-CP quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến',
    'Nghị định số 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử',
    'Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP',
  ],
  resultDelivery: {
    methods: ['online', 'post', 'in_person'],
    result: {
      vi: 'Giấy khai sinh (bản điện tử và bản chính)',
      en: 'Birth certificate (electronic copy and paper original)',
    },
  },
  applicants: {
    vi: 'Cha hoặc mẹ của trẻ; nếu cha, mẹ không thể đi khai sinh thì ông, bà, người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ (Điều 15 Luật Hộ tịch).',
    en: 'The father or mother; when they cannot, a grandparent, another relative, or the person or organisation caring for the child (Law on Civil Status, art. 15).',
  },
  where: {
    vi: 'Ủy ban nhân dân cấp xã nơi cư trú của người cha hoặc người mẹ (Điều 13 Luật Hộ tịch).',
    en: "The People's Committee of the commune where the father or the mother resides (Law on Civil Status, art. 13).",
  },
  sampleValues: {
    vi: 'Miễn lệ phí khi khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh); khai sinh quá hạn có thể chịu lệ phí do Hội đồng nhân dân tỉnh quy định, chưa thể hiện ở đây. Mã cơ quan và địa chỉ là giá trị mẫu.',
    en: "Free when registered on time (within 60 days of birth); a late registration may carry the province's fee, not modelled here. The agency code and address are sample values.",
  },
  documents: [
    scannedDocument({
      type: 'medical-birth-certificate',
      name: {
        vi: 'Giấy chứng sinh do cơ sở y tế cấp; nếu sinh ngoài cơ sở y tế: văn bản xác nhận của người làm chứng hoặc giấy cam đoan về việc sinh',
        en: 'Medical birth certificate from the hospital; for a birth elsewhere, a witness statement or a sworn statement of the birth',
      },
      required: true,
      maxFiles: 2,
      copies: { originals: 1, copies: 0 },
    }),
    scannedDocument({
      type: 'parents-marriage-certificate',
      name: {
        vi: 'Giấy chứng nhận kết hôn của cha, mẹ (nếu cha, mẹ đã đăng ký kết hôn mà thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử)',
        en: "Parents' marriage certificate (when married and the record is not yet in the electronic civil status database)",
      },
      required: false,
      maxFiles: 2,
      copies: { originals: 0, copies: 1 },
    }),
    scannedDocument({
      type: 'authorisation',
      name: {
        vi: 'Văn bản ủy quyền có chứng thực (nếu ủy quyền đi khai sinh; không cần khi người được ủy quyền là ông, bà hoặc người thân thích)',
        en: 'Certified authorisation (when someone else registers on your behalf; not needed for grandparents or relatives)',
      },
      required: false,
      maxFiles: 3,
      copies: { originals: 1, copies: 0 },
    }),
  ],
  form: buildForm,
  examples: [
    {
      child: {
        fullName: 'Trần Bảo Ngọc',
        sex: 'female',
        dateOfBirth: '2025-01-15',
        placeOfBirth: 'Bệnh viện Đa khoa tỉnh Ninh Bình',
        ethnicity: 'Kinh',
        nationality: 'Việt Nam',
        hometown: 'Xã Gia Sinh, huyện Gia Viễn, tỉnh Ninh Bình',
      },
      mother: {
        fullName: 'Phạm Thị Thu Hà',
        dateOfBirth: '1995-03-02',
        ethnicity: 'Kinh',
        nationality: 'Việt Nam',
        cccd: '037195004567',
        residence: {
          line: 'Thôn Tập Ninh',
          commune: 'Xã Gia Sinh',
          district: 'Huyện Gia Viễn',
          province: 'Tỉnh Ninh Bình',
        },
      },
      father: {
        fullName: 'Trần Văn Hùng',
        dateOfBirth: '1992-08-17',
        ethnicity: 'Kinh',
        nationality: 'Việt Nam',
        cccd: '037092001234',
        residence: {
          line: 'Thôn Tập Ninh',
          commune: 'Xã Gia Sinh',
          district: 'Huyện Gia Viễn',
          province: 'Tỉnh Ninh Bình',
        },
      },
      declarant: {
        fullName: 'Trần Văn Hùng',
        cccd: '037092001234',
        phone: '0912 345 678',
        relationship: 'father',
      },
    },
  ],
  applicantName: (data) => data.declarant.fullName,
});
