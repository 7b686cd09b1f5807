// Judicial record certificate (phiếu lý lịch tư pháp) at the provincial Department of Justice: full online, with a fee.
import * as z from 'zod';
import { departmentOfJustice } from '../agencies';
import {
  addKeyedIssue,
  cccd,
  cccdAgreesWithPerson,
  email,
  labelledEnum,
  pastDate,
  pastMonth,
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
  const requester = z
    .strictObject({
      fullName: personName.meta({ title: 'Họ, chữ đệm và tên' }),
      otherNames: text(100)
        .optional()
        .meta({ title: 'Tên gọi khác', description: 'Tên thường gọi hoặc tên cũ, nếu có' }),
      sex: sex.meta({ title: 'Giới tính' }),
      dateOfBirth: pastDate.meta({ title: 'Ngày, tháng, năm sinh' }),
      placeOfBirth: text(200).meta({ title: 'Nơi sinh', description: 'Tỉnh, thành phố nơi sinh' }),
      nationality: text(50).meta({ title: 'Quốc tịch' }),
      ethnicity: text(50).meta({ title: 'Dân tộc' }),
      cccd: cccd.meta({ title: 'Số định danh cá nhân (số CCCD)' }),
      phone: vnMobilePhone.meta({ title: 'Số điện thoại di động' }),
      email: email
        .optional()
        .meta({ title: 'Thư điện tử', description: 'Để nhận Phiếu lý lịch tư pháp điện tử' }),
      permanentResidence: vnAddress.meta({ title: 'Nơi thường trú' }),
      currentResidence: vnAddress
        .optional()
        .meta({ title: 'Nơi ở hiện tại', description: 'Bỏ trống nếu trùng với nơi thường trú' }),
    })
    .check(cccdAgreesWithPerson())
    .meta({ title: 'Người yêu cầu cấp Phiếu' });

  const family = z
    .strictObject({
      fatherName: personName.optional().meta({ title: 'Họ và tên cha' }),
      motherName: personName.optional().meta({ title: 'Họ và tên mẹ' }),
      spouseName: personName.optional().meta({ title: 'Họ và tên vợ hoặc chồng' }),
    })
    .meta({ title: 'Thông tin về cha, mẹ, vợ hoặc chồng' });

  const residencePeriod = z
    .strictObject({
      from: pastMonth.meta({ title: 'Từ tháng, năm' }),
      to: pastMonth.optional().meta({ title: 'Đến tháng, năm', description: 'Bỏ trống nếu đến nay' }),
      place: text(300).meta({ title: 'Nơi cư trú' }),
      occupation: text(200).meta({ title: 'Nghề nghiệp, nơi làm việc' }),
    })
    .superRefine(
      (period, ctx) => {
        if (period.to && period.to < period.from) addKeyedIssue(ctx, ['to'], 'judicialRecord.periodOrder');
      },
      whenValid(['from'], ['to']),
    )
    .meta({ title: 'Giai đoạn cư trú' });

  return z.strictObject({
    requester,
    family: family.optional().meta({ description: 'Họ tên cha, mẹ, vợ hoặc chồng, nếu có' }),
    residenceHistory: z
      .array(residencePeriod)
      .min(1)
      .max(30)
      .meta({ title: 'Quá trình cư trú', description: 'Nơi cư trú, nghề nghiệp từ khi đủ 14 tuổi đến nay' }),
    certificateType: labelledEnum({
      '1': 'Phiếu lý lịch tư pháp số 1',
      '2': 'Phiếu lý lịch tư pháp số 2',
    }).meta({
      title: 'Loại Phiếu yêu cầu cấp',
      description:
        'Phiếu số 2 ghi đầy đủ án tích, kể cả án tích đã được xóa, và chỉ cấp cho chính người yêu cầu',
    }),
    purpose: text(300).meta({
      title: 'Mục đích sử dụng Phiếu',
      description: 'Ví dụ: bổ sung hồ sơ xin việc',
    }),
    copies: z
      .int()
      .min(1)
      .max(10)
      .meta({ title: 'Số lượng Phiếu', description: 'Từ Phiếu thứ 3 trở đi thu thêm 5 000 đồng mỗi Phiếu' }),
    confirmManagementBan: z.boolean().optional().meta({
      title: 'Yêu cầu xác nhận về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã',
      description: 'Chỉ áp dụng cho Phiếu số 1',
    }),
  });
}

export const capPhieuLyLichTuPhap = defineProcedure({
  id: 'cap-phieu-ly-lich-tu-phap',
  name: {
    vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    en: 'Judicial record certificate for Vietnamese citizens and foreigners residing in Vietnam',
  },
  agency: departmentOfJustice,
  level: 4,
  // Thông tư 244/2016/TT-BTC: 200 000 VND per request (100 000 for students and families of people with
  // meritorious service; some groups exempt), plus 5 000 VND per certificate from the third one.
  fee: { amount: 200_000, currency: 'VND' },
  // Luật Lý lịch tư pháp 2009 art. 48(1): no more than 10 days from a valid request.
  processingDays: 10,
  timeLimitBasis: {
    vi: 'Khoản 1 Điều 48 Luật Lý lịch tư pháp số 28/2009/QH12',
    en: 'Law on Judicial Records 28/2009/QH12, art. 48(1)',
  },
  steps: [
    {
      vi: 'Người yêu cầu đăng nhập bằng tài khoản định danh điện tử, kê khai Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp điện tử và nộp phí trực tuyến.',
      en: 'The applicant signs in with their e-identity, fills in the electronic request form and pays the fee online.',
    },
    {
      vi: 'Sở Tư pháp tiếp nhận, tra cứu thông tin lý lịch tư pháp trong cơ sở dữ liệu; khi cần thì xác minh tại cơ quan công an, tòa án, thi hành án.',
      en: 'The Department of Justice searches the judicial record database and, when needed, verifies with the police, courts and enforcement agencies.',
    },
    {
      vi: 'Giám đốc Sở Tư pháp ký Phiếu lý lịch tư pháp; Phiếu điện tử được gửi vào tài khoản của người yêu cầu, Phiếu giấy gửi qua bưu chính hoặc nhận tại Bộ phận Một cửa.',
      en: "The director signs the certificate; the electronic certificate goes to the applicant's account and the paper one is posted or collected at the one-stop desk.",
    },
  ],
  legalBasis: [
    'Luật Lý lịch tư pháp số 28/2009/QH12',
    'Nghị định số 111/2010/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp',
    'Thông tư số 06/2024/TT-BTP (mẫu Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp)',
    'Thông tư số 244/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp',
  ],
  resultDelivery: {
    methods: ['online', 'post', 'in_person'],
    result: {
      vi: 'Phiếu lý lịch tư pháp số 1 hoặc số 2 (bản điện tử và bản giấy)',
      en: 'Judicial record certificate no. 1 or no. 2 (electronic and paper)',
    },
  },
  applicants: {
    vi: 'Công dân Việt Nam; người nước ngoài đã hoặc đang cư trú tại Việt Nam. Phiếu số 2 chỉ cấp cho chính người được cấp Phiếu, không được ủy quyền.',
    en: 'Vietnamese citizens; foreigners who reside or have resided in Vietnam. Certificate no. 2 is issued only to the person concerned, never through a proxy.',
  },
  where: {
    vi: 'Sở Tư pháp nơi người yêu cầu thường trú hoặc tạm trú; nếu cư trú ở nước ngoài thì nơi cư trú trước khi xuất cảnh (Điều 44 Luật Lý lịch tư pháp).',
    en: 'The Department of Justice of the province of permanent or temporary residence; for people abroad, where they lived before leaving (Law on Judicial Records, art. 44).',
  },
  sampleValues: {
    vi: 'Thời hạn: Luật ghi "không quá 10 ngày"; bản mẫu tính 10 ngày làm việc. Mã cơ quan và địa chỉ là giá trị mẫu. Từ ngày 01/7/2025 việc cấp Phiếu cho cá nhân chuyển sang Công an cấp tỉnh; bản mẫu giữ Sở Tư pháp theo quy định trước đó.',
    en: 'Time limit: the Law says "no more than 10 days"; the demo counts 10 working days. The agency code and address are sample values. From 1 July 2025 individual certificates moved to the provincial Police; the demo keeps the Department of Justice, as before.',
  },
  documents: [
    scannedDocument({
      type: 'authorisation',
      name: {
        vi: 'Văn bản ủy quyền có công chứng, chứng thực (khi ủy quyền làm thủ tục yêu cầu Phiếu số 1; không cần khi người được ủy quyền là cha, mẹ, vợ, chồng, con)',
        en: 'Notarised authorisation (when someone applies for certificate no. 1 on your behalf; not needed for a parent, spouse or child)',
      },
      required: false,
      maxFiles: 3,
      copies: { originals: 1, copies: 0 },
    }),
    scannedDocument({
      type: 'fee-reduction-proof',
      name: {
        vi: 'Giấy tờ chứng minh thuộc đối tượng được miễn, giảm phí (nếu có)',
        en: 'Proof of entitlement to a fee reduction or exemption (if any)',
      },
      required: false,
      maxFiles: 3,
      copies: { originals: 0, copies: 1 },
    }),
  ],
  form: buildForm,
  examples: [
    {
      requester: {
        fullName: 'Hoàng Thị Mai Phương',
        sex: 'female',
        dateOfBirth: '2001-02-09',
        placeOfBirth: 'Tỉnh Ninh Bình',
        nationality: 'Việt Nam',
        ethnicity: 'Kinh',
        cccd: '037301009876',
        phone: '0356 112 233',
        email: 'maiphuong.hoang@example.vn',
        permanentResidence: {
          line: 'Xóm 2',
          commune: 'Xã Gia Sinh',
          district: 'Huyện Gia Viễn',
          province: 'Tỉnh Ninh Bình',
        },
      },
      family: {
        fatherName: 'Hoàng Văn Tiến',
        motherName: 'Lê Thị Hồng',
      },
      residenceHistory: [
        {
          from: '2015-02',
          to: '2019-06',
          place: 'Xã Gia Sinh, huyện Gia Viễn, tỉnh Ninh Bình',
          occupation: 'Học sinh trung học phổ thông',
        },
        {
          from: '2019-09',
          to: '2023-06',
          place: 'Phường Dịch Vọng Hậu, quận Cầu Giấy, thành phố Hà Nội',
          occupation: 'Sinh viên',
        },
        {
          from: '2023-07',
          place: 'Xã Gia Sinh, huyện Gia Viễn, tỉnh Ninh Bình',
          occupation: 'Nhân viên văn phòng',
        },
      ],
      certificateType: '1',
      purpose: 'Bổ sung hồ sơ xin việc',
      copies: 2,
    },
  ],
  applicantName: (data) => data.requester.fullName,
});
