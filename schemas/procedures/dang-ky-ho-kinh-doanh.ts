// Household business registration (đăng ký thành lập hộ kinh doanh) at the district: full online service, with a fee.
import * as z from 'zod';
import { giaVienDistrict } from '../agencies';
import {
  addKeyedIssue,
  cccd,
  cccdAgreesWithPerson,
  email,
  pastDate,
  personName,
  sex,
  taxCode,
  text,
  vnAddress,
  vnMobilePhone,
  whenValid,
} from '../validators';
import { defineProcedure, scannedDocument } from './define';

/** The application form, built on first use (see `defineProcedure`). */
function buildForm() {
  const owner = z
    .strictObject({
      fullName: personName.meta({ title: 'Họ, chữ đệm và tên chủ hộ kinh doanh' }),
      sex: sex.meta({ title: 'Giới tính' }),
      dateOfBirth: pastDate.meta({ title: 'Ngày, tháng, năm sinh' }),
      ethnicity: text(50).meta({ title: 'Dân tộc' }),
      nationality: text(50).meta({ title: 'Quốc tịch' }),
      cccd: cccd.meta({ title: 'Số định danh cá nhân (số CCCD)' }),
      taxCode: taxCode.optional().meta({
        title: 'Mã số thuế cá nhân',
        description: 'Mã số thuế 10 chữ số đã được cấp trước đây, nếu có',
      }),
      phone: vnMobilePhone.meta({ title: 'Số điện thoại di động' }),
      email: email.optional().meta({ title: 'Thư điện tử' }),
      residence: vnAddress.meta({ title: 'Nơi thường trú' }),
    })
    .check(cccdAgreesWithPerson())
    .meta({ title: 'Chủ hộ kinh doanh' });

  const member = z
    .strictObject({
      fullName: personName.meta({ title: 'Họ, chữ đệm và tên' }),
      sex: sex.meta({ title: 'Giới tính' }),
      dateOfBirth: pastDate.meta({ title: 'Ngày, tháng, năm sinh' }),
      cccd: cccd.meta({ title: 'Số định danh cá nhân (số CCCD)' }),
    })
    .check(cccdAgreesWithPerson())
    .meta({ title: 'Thành viên hộ gia đình' });

  const industry = z
    .strictObject({
      code: z
        .string()
        .regex(/^\d{4}$/, { error: 'business.industryCode' })
        .meta({
          title: 'Mã ngành',
          description: 'Mã ngành cấp 4 theo Hệ thống ngành kinh tế Việt Nam, ví dụ 5610',
        }),
      description: text(300).meta({
        title: 'Tên ngành, nghề kinh doanh',
        description: 'Ví dụ: Nhà hàng và các dịch vụ ăn uống',
      }),
    })
    .meta({ title: 'Ngành, nghề kinh doanh' });

  /** Nghị định 01/2021/NĐ-CP art. 88: the name is "Hộ kinh doanh" followed by the business's own name. */
  const BUSINESS_NAME = /^[Hh]ộ kinh doanh \S/;

  const business = z
    .strictObject({
      name: text(200).regex(BUSINESS_NAME, { error: 'business.nameFormat' }).meta({
        title: 'Tên hộ kinh doanh',
        description: 'Gồm cụm từ "Hộ kinh doanh" và tên riêng, ví dụ: Hộ kinh doanh Bánh cuốn Thu Hà',
      }),
      address: vnAddress.meta({ title: 'Địa điểm kinh doanh' }),
      phone: vnMobilePhone.optional().meta({ title: 'Số điện thoại của địa điểm kinh doanh' }),
      industries: z
        .array(industry)
        .min(1)
        .max(20)
        .meta({ title: 'Ngành, nghề kinh doanh', description: 'Ít nhất một ngành, nghề' }),
      capital: z
        .int()
        .min(1)
        .meta({ title: 'Vốn kinh doanh (đồng)', description: 'Tổng số vốn, tính bằng đồng Việt Nam' }),
      employees: z.int().min(0).meta({ title: 'Số lao động', description: 'Không kể chủ hộ kinh doanh' }),
    })
    .superRefine(
      (b, ctx) => {
        const seen = new Set<string>();
        b.industries.forEach((line, i) => {
          if (seen.has(line.code))
            addKeyedIssue(ctx, ['industries', i, 'code'], 'business.duplicateIndustry');
          seen.add(line.code);
        });
      },
      whenValid(['industries']),
    )
    .meta({ title: 'Thông tin hộ kinh doanh' });

  return z.strictObject({
    owner,
    business,
    householdMembers: z.array(member).max(20).optional().meta({
      title: 'Các thành viên hộ gia đình cùng đăng ký',
      description: 'Chỉ kê khai khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh',
    }),
  });
}

export const dangKyHoKinhDoanh = defineProcedure({
  id: 'dang-ky-thanh-lap-ho-kinh-doanh',
  nationalCode: '1.001612',
  name: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Household business registration' },
  agency: giaVienDistrict,
  level: 4,
  // SAMPLE: the fee is set by each province's People's Council (Thông tư 85/2019/TT-BTC); 100 000 is a sample.
  fee: { amount: 100_000, currency: 'VND' },
  // Nghị định 01/2021/NĐ-CP art. 87: within 3 working days of a valid application.
  processingDays: 3,
  timeLimitBasis: {
    vi: 'Điều 87 Nghị định số 01/2021/NĐ-CP về đăng ký doanh nghiệp',
    en: 'Decree 01/2021/NĐ-CP on enterprise registration, art. 87',
  },
  steps: [
    {
      vi: 'Chủ hộ kinh doanh đăng nhập bằng tài khoản định danh điện tử, kê khai Giấy đề nghị đăng ký hộ kinh doanh và tải lên các giấy tờ kèm theo.',
      en: 'The owner signs in with their e-identity, fills in the household business registration request and uploads the supporting documents.',
    },
    {
      vi: 'Nộp lệ phí đăng ký hộ kinh doanh trực tuyến.',
      en: 'The owner pays the registration fee online.',
    },
    {
      vi: 'Cơ quan đăng ký kinh doanh cấp huyện kiểm tra tính hợp lệ của hồ sơ, tên hộ kinh doanh và ngành, nghề kinh doanh; nếu hồ sơ chưa hợp lệ thì thông báo bằng văn bản nội dung cần sửa đổi, bổ sung.',
      en: 'The district business registration office checks the application, the name and the lines of business, and says in writing what must be corrected if anything.',
    },
    {
      vi: 'Cấp Giấy chứng nhận đăng ký hộ kinh doanh và gửi thông tin sang cơ quan thuế để cấp mã số thuế cho hộ kinh doanh.',
      en: 'The office issues the household business registration certificate and passes the details to the tax authority for a tax code.',
    },
  ],
  legalBasis: [
    'Luật Doanh nghiệp số 59/2020/QH14',
    'Nghị định số 01/2021/NĐ-CP về đăng ký doanh nghiệp (các điều về hộ kinh doanh)',
    'Thông tư số 01/2021/TT-BKHĐT hướng dẫn về đăng ký doanh nghiệp (mẫu Giấy đề nghị đăng ký hộ kinh doanh)',
    'Quyết định số 27/2018/QĐ-TTg ban hành Hệ thống ngành kinh tế Việt Nam',
    'Thông tư số 85/2019/TT-BTC hướng dẫn về các khoản phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh',
  ],
  resultDelivery: {
    methods: ['online', 'post', 'in_person'],
    result: {
      vi: 'Giấy chứng nhận đăng ký hộ kinh doanh',
      en: 'Household business registration certificate',
    },
  },
  applicants: {
    vi: 'Cá nhân hoặc các thành viên hộ gia đình là công dân Việt Nam có năng lực hành vi dân sự đầy đủ; mỗi cá nhân chỉ được đăng ký một hộ kinh doanh trên phạm vi cả nước.',
    en: 'An individual, or the members of a household, who are Vietnamese citizens with full legal capacity; each person may register only one household business in the whole country.',
  },
  where: {
    vi: 'Cơ quan đăng ký kinh doanh cấp huyện (Phòng Tài chính - Kế hoạch) nơi đặt địa điểm kinh doanh.',
    en: 'The district business registration office (Finance and Planning Division) where the business is located.',
  },
  sampleValues: {
    vi: 'Lệ phí 100 000 đồng là giá trị mẫu: mức thu do Hội đồng nhân dân tỉnh quy định. Mã cơ quan và địa chỉ là giá trị mẫu. Quy trình theo Nghị định 01/2021/NĐ-CP, tức là theo tổ chức chính quyền trước ngày 01/7/2025.',
    en: "The 100 000 VND fee is a sample value: each province's People's Council sets it. The agency code and address are sample values. The procedure follows Decree 01/2021/ND-CP, i.e. local government as organised before 1 July 2025.",
  },
  documents: [
    scannedDocument({
      type: 'household-meeting-minutes',
      name: {
        vi: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (khi các thành viên hộ gia đình cùng đăng ký)',
        en: "Minutes of the household members' meeting deciding to set up the business (when household members register together)",
      },
      required: false,
      copies: { originals: 0, copies: 1 },
    }),
    scannedDocument({
      type: 'household-authorisation',
      name: {
        vi: 'Văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (khi các thành viên hộ gia đình cùng đăng ký)',
        en: 'Authorisation by the household members for one of them to be the owner (when household members register together)',
      },
      required: false,
      copies: { originals: 0, copies: 1 },
    }),
  ],
  form: buildForm,
  examples: [
    {
      owner: {
        fullName: 'Nguyễn Thị Thu Hà',
        sex: 'female',
        dateOfBirth: '1988-04-12',
        ethnicity: 'Kinh',
        nationality: 'Việt Nam',
        cccd: '037188002468',
        taxCode: '8012345677',
        phone: '+84 978 123 456',
        email: 'thuha.banhcuon@example.vn',
        residence: {
          line: 'Thôn Tập Ninh',
          commune: 'Xã Gia Sinh',
          district: 'Huyện Gia Viễn',
          province: 'Tỉnh Ninh Bình',
        },
      },
      business: {
        name: 'Hộ kinh doanh Bánh cuốn Thu Hà',
        address: {
          line: 'Số nhà 25, tổ dân phố 3',
          commune: 'Thị trấn Me',
          district: 'Huyện Gia Viễn',
          province: 'Tỉnh Ninh Bình',
        },
        phone: '0978123456',
        industries: [
          { code: '5610', description: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động' },
          { code: '1075', description: 'Sản xuất món ăn, thức ăn chế biến sẵn' },
        ],
        capital: 150_000_000,
        employees: 3,
      },
    },
  ],
  applicantName: (data) => data.owner.fullName,
});
