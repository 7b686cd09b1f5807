// Building permit for a private house (giấy phép xây dựng nhà ở riêng lẻ) at the district: partly online, with a fee.
import * as z from 'zod';
import { giaVienDistrict } from '../agencies';
import {
  addKeyedIssue,
  cccd,
  cccdAgreesWithPerson,
  pastDate,
  personName,
  text,
  vnAddress,
  vnMobilePhone,
  whenValid,
} from '../validators';
import { defineProcedure, MB, PDF_ONLY, scannedDocument } from './define';

/** The application form, built on first use (see `defineProcedure`). */
function buildForm() {
  const owner = z
    .strictObject({
      fullName: personName.meta({ title: 'Họ, chữ đệm và tên chủ đầu tư' }),
      dateOfBirth: pastDate.meta({ title: 'Ngày, tháng, năm sinh' }),
      cccd: cccd.meta({ title: 'Số định danh cá nhân (số CCCD)' }),
      phone: vnMobilePhone.meta({ title: 'Số điện thoại di động' }),
      residence: vnAddress.meta({ title: 'Địa chỉ liên hệ' }),
    })
    .check(cccdAgreesWithPerson())
    .meta({ title: 'Chủ đầu tư (người đề nghị cấp phép)' });

  const squareMetres = (title: string, description?: string) =>
    z
      .number()
      .positive()
      .max(100_000)
      .meta(description ? { title, description } : { title });

  const land = z
    .strictObject({
      address: vnAddress.meta({ title: 'Địa chỉ thửa đất' }),
      certificateNumber: text(30).meta({
        title: 'Số phát hành Giấy chứng nhận quyền sử dụng đất',
        description: 'Số seri in trên trang 1 của Giấy chứng nhận, ví dụ CS 04567',
      }),
      parcelNumber: z.int().min(1).meta({ title: 'Thửa đất số' }),
      mapSheetNumber: z.int().min(1).meta({ title: 'Tờ bản đồ số' }),
      areaM2: squareMetres('Diện tích thửa đất (m²)'),
    })
    .meta({ title: 'Thửa đất xây dựng' });

  const construction = z
    .strictObject({
      footprintM2: squareMetres('Diện tích xây dựng (m²)', 'Diện tích chiếm đất của ngôi nhà (tầng 1)'),
      totalFloorAreaM2: squareMetres(
        'Tổng diện tích sàn (m²)',
        'Cộng diện tích sàn của tất cả các tầng, kể cả tầng hầm, tum',
      ),
      floors: z.int().min(1).max(30).meta({ title: 'Số tầng trên mặt đất' }),
      basements: z.int().min(0).max(5).meta({ title: 'Số tầng hầm' }),
      heightM: z
        .number()
        .positive()
        .max(150)
        .meta({ title: 'Chiều cao công trình (m)', description: 'Tính từ cốt nền' }),
      designer: text(200).optional().meta({
        title: 'Đơn vị hoặc cá nhân thiết kế',
        description: 'Bỏ trống nếu hộ gia đình tự thiết kế nhà dưới 3 tầng, tổng diện tích sàn dưới 250 m²',
      }),
      expectedMonths: z.int().min(1).max(60).meta({ title: 'Thời gian dự kiến hoàn thành (tháng)' }),
    })
    .superRefine(
      (c, ctx) => {
        if (c.totalFloorAreaM2 < c.footprintM2) {
          addKeyedIssue(ctx, ['totalFloorAreaM2'], 'building.floorAreaBelowFootprint');
        }
      },
      whenValid(['totalFloorAreaM2'], ['footprintM2']),
    )
    .meta({ title: 'Quy mô công trình' });

  return z.strictObject({ owner, land, construction }).superRefine(
    (data, ctx) => {
      if (data.construction.footprintM2 > data.land.areaM2) {
        addKeyedIssue(ctx, ['construction', 'footprintM2'], 'building.footprintExceedsLand');
      }
    },
    whenValid(['construction', 'footprintM2'], ['land', 'areaM2']),
  );
}

export const capGiayPhepXayDungNhaO = defineProcedure({
  id: 'cap-giay-phep-xay-dung-nha-o-rieng-le',
  name: {
    vi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    en: 'Building permit for a new private house',
  },
  agency: giaVienDistrict,
  // Level 3 (một phần): the permit and the stamped drawings are collected in person.
  level: 3,
  // SAMPLE: the permit fee is set by each province's People's Council (Thông tư 85/2019/TT-BTC).
  fee: { amount: 75_000, currency: 'VND' },
  // Luật Xây dựng art. 102, as amended by Luật 62/2020/QH14: 15 days for a private house.
  processingDays: 15,
  timeLimitBasis: {
    vi: 'Điều 102 Luật Xây dựng số 50/2014/QH13, sửa đổi bởi Luật số 62/2020/QH14',
    en: 'Law on Construction 50/2014/QH13, art. 102, as amended by Law 62/2020/QH14',
  },
  steps: [
    {
      vi: 'Chủ đầu tư kê khai đơn đề nghị cấp giấy phép xây dựng trực tuyến và tải lên giấy tờ về quyền sử dụng đất, bản vẽ thiết kế.',
      en: 'The owner fills in the building permit application online and uploads the land use right papers and the design drawings.',
    },
    {
      vi: 'Bộ phận Một cửa kiểm tra hồ sơ; nếu chưa đầy đủ thì hướng dẫn bổ sung một lần.',
      en: 'The one-stop desk checks the application and, if anything is missing, asks for it once.',
    },
    {
      vi: 'Cơ quan quản lý xây dựng cấp huyện thẩm định hồ sơ, kiểm tra thực địa, đối chiếu quy hoạch và điều kiện cấp phép.',
      en: 'The district construction office reviews the application, inspects the site and checks it against the zoning plan and the permit conditions.',
    },
    {
      vi: 'Chủ tịch Ủy ban nhân dân huyện cấp giấy phép xây dựng; chủ đầu tư nộp lệ phí và nhận giấy phép kèm bản vẽ được đóng dấu tại Bộ phận Một cửa.',
      en: 'The district chairperson issues the permit; the owner pays the fee and collects the permit with the stamped drawings at the one-stop desk.',
    },
  ],
  legalBasis: [
    'Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14',
    'Nghị định số 15/2021/NĐ-CP quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng',
    'Thông tư số 85/2019/TT-BTC hướng dẫn về các khoản phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh',
  ],
  resultDelivery: {
    methods: ['in_person'],
    result: {
      vi: 'Giấy phép xây dựng kèm theo bản vẽ thiết kế được đóng dấu',
      en: 'Building permit with the stamped design drawings',
    },
  },
  applicants: {
    vi: 'Hộ gia đình, cá nhân là chủ đầu tư xây dựng nhà ở riêng lẻ thuộc diện phải có giấy phép xây dựng (Điều 89 Luật Xây dựng).',
    en: 'Households and individuals building a private house that needs a permit (Law on Construction, art. 89).',
  },
  where: {
    vi: 'Ủy ban nhân dân cấp huyện nơi xây dựng nhà ở (Điều 103 Luật Xây dựng).',
    en: "The People's Committee of the district where the house is built (Law on Construction, art. 103).",
  },
  sampleValues: {
    vi: 'Lệ phí 75 000 đồng là giá trị mẫu: mức thu do Hội đồng nhân dân tỉnh quy định. Mã cơ quan và địa chỉ là giá trị mẫu. Chưa có mã thủ tục quốc gia đã kiểm chứng. Thẩm quyền theo tổ chức chính quyền trước ngày 01/7/2025.',
    en: "The 75 000 VND fee is a sample value: each province's People's Council sets it. The agency code and address are sample values. No verified national procedure code. Competence as organised before 1 July 2025.",
  },
  documents: [
    scannedDocument({
      type: 'land-use-right-certificate',
      name: {
        vi: 'Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai',
        en: 'Copy of the papers proving the right to use the land',
      },
      required: true,
      copies: { originals: 0, copies: 1 },
    }),
    {
      type: 'design-drawings',
      name: {
        vi: 'Bản vẽ thiết kế: mặt bằng công trình trên lô đất, mặt bằng các tầng, mặt đứng, mặt cắt chính, mặt bằng móng, sơ đồ đấu nối hạ tầng kỹ thuật',
        en: 'Design drawings: site plan, floor plans, main elevations and sections, foundation plan, utility connections',
      },
      required: true,
      accept: PDF_ONLY,
      maxBytes: 20 * MB,
      maxFiles: 10,
      copies: { originals: 2, copies: 0 },
    },
    scannedDocument({
      type: 'adjacent-safety-commitment',
      name: {
        vi: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề (khi công trình có tầng hầm hoặc xây chen)',
        en: 'Commitment to keep adjacent buildings safe (when there is a basement or the house is built between others)',
      },
      required: false,
      maxFiles: 2,
      copies: { originals: 1, copies: 0 },
    }),
  ],
  form: buildForm,
  examples: [
    {
      owner: {
        fullName: 'Vũ Đức Thắng',
        dateOfBirth: '1985-09-30',
        cccd: '037085006123',
        phone: '0368 246 810',
        residence: {
          line: 'Thôn Tập Ninh',
          commune: 'Xã Gia Sinh',
          district: 'Huyện Gia Viễn',
          province: 'Tỉnh Ninh Bình',
        },
      },
      land: {
        address: {
          line: 'Thôn Tập Ninh',
          commune: 'Xã Gia Sinh',
          district: 'Huyện Gia Viễn',
          province: 'Tỉnh Ninh Bình',
        },
        certificateNumber: 'CS 04567',
        parcelNumber: 215,
        mapSheetNumber: 12,
        areaM2: 180.5,
      },
      construction: {
        footprintM2: 96,
        totalFloorAreaM2: 288,
        floors: 3,
        basements: 0,
        heightM: 11.7,
        designer: 'Công ty TNHH Kiến trúc An Bình',
        expectedMonths: 8,
      },
    },
  ],
  applicantName: (data) => data.owner.fullName,
});
