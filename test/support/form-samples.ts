// Sample inputs of every one-stop form (Mẫu 01–06), shared by the form tests and bench/pdf-forms.ts.
import type {
  ApologyInput,
  ControlSlipInput,
  FormBase,
  ReceiptInput,
  RefusalInput,
  RegisterInput,
  SupplementRequestInput,
} from '../../functions/forms';

export const SAMPLE_CODE = '000.00.15.H42-250305-0007';
export const SAMPLE_VERIFY_URL = `https://dichvucong.ninhbinh.example.vn/verify?c=${SAMPLE_CODE}&t=Qm9vdHN0cmFwQ29kZQ`;
export const SAMPLE_APPLICANT = 'Nguyễn Thị Hồng Nhung';

const at = (iso: string) => new Date(iso);

export const sampleCase: FormBase = {
  code: SAMPLE_CODE,
  procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  agency: {
    code: '000.00.15.H42',
    name: 'Sở Tư pháp tỉnh Ninh Bình',
    parentName: 'Ủy ban nhân dân tỉnh Ninh Bình',
    deskName: 'Bộ phận Một cửa',
    address: 'Trung tâm Phục vụ hành chính công tỉnh Ninh Bình',
    phone: '0229 3871 234',
    locality: 'Ninh Bình',
  },
  applicant: {
    name: SAMPLE_APPLICANT,
    address: 'Số 12, đường Lê Hồng Phong, phường Vân Giang, thành phố Ninh Bình',
    phone: '0912345678',
    email: 'nhung.nguyen@example.vn',
  },
  submittedAt: at('2025-03-05T08:40:00+07:00'),
  receivedAt: at('2025-03-05T09:15:00+07:00'),
  dueAt: at('2025-03-14T17:00:00+07:00'),
  documents: [
    { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', originals: 1 },
    { name: 'Căn cước công dân', copies: 1 },
    { name: 'Giấy tờ chứng minh nơi cư trú', copies: 1 },
  ],
  verifyUrl: SAMPLE_VERIFY_URL,
  issuedAt: at('2025-03-05T09:16:00+07:00'),
  official: { name: 'Trần Văn Đức', unit: 'Bộ phận Một cửa' },
};

export const sampleReceipt: ReceiptInput = {
  ...sampleCase,
  receivedAt: at('2025-03-05T09:15:00+07:00'),
  dueAt: at('2025-03-14T17:00:00+07:00'),
  processingDays: 7,
  sets: 1,
  resultDelivery: 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Ninh Bình',
};

export const sampleSupplementRequest: SupplementRequestInput = {
  ...sampleCase,
  items: [
    { what: 'Giấy tờ chứng minh nơi cư trú', reason: 'Bản chụp mờ, không đọc được địa chỉ thường trú' },
    { what: 'Tờ khai: mục "Quá trình cư trú"', reason: 'Thiếu giai đoạn từ năm 2015 đến năm 2018' },
  ],
  contact: { name: 'Trần Văn Đức', phone: '0229 3871 234' },
};

export const sampleRefusal: RefusalInput = {
  ...sampleCase,
  reason:
    'Yêu cầu không thuộc thẩm quyền giải quyết của Sở Tư pháp tỉnh Ninh Bình (người yêu cầu cư trú ở tỉnh khác).',
};

export const sampleApology: ApologyInput = {
  ...sampleCase,
  receivedAt: at('2025-03-05T09:15:00+07:00'),
  previousDueAt: at('2025-03-14T17:00:00+07:00'),
  newDueAt: at('2025-03-21T17:00:00+07:00'),
  reason: 'Cơ quan phối hợp (Công an tỉnh) chưa gửi kết quả xác minh lý lịch tư pháp.',
  issuedAt: at('2025-03-13T10:00:00+07:00'),
  official: { name: 'Phạm Thị Lan', unit: 'Giám đốc Sở' },
};

export const sampleControlSlip: ControlSlipInput = {
  ...sampleCase,
  events: [
    {
      at: at('2025-03-05T09:15:00+07:00'),
      action: 'Tiếp nhận hồ sơ',
      actor: { name: 'Trần Văn Đức', unit: 'Bộ phận Một cửa' },
      handedTo: { name: 'Lê Minh Tuấn', unit: 'Phòng Hành chính tư pháp' },
      timeliness: 'on_time',
    },
    {
      at: at('2025-03-07T14:30:00+07:00'),
      action: 'Thẩm định, trình ký',
      actor: { name: 'Lê Minh Tuấn', unit: 'Phòng Hành chính tư pháp' },
      handedTo: { name: 'Phạm Thị Lan', unit: 'Giám đốc Sở' },
      timeliness: 'early',
    },
    {
      at: at('2025-03-10T08:05:00+07:00'),
      action: 'Phê duyệt',
      actor: { name: 'Phạm Thị Lan', unit: 'Giám đốc Sở' },
      note: 'Ký số kết quả',
    },
  ],
};

export const sampleRegister: RegisterInput = {
  agency: sampleCase.agency,
  from: '2025-03-01',
  to: '2025-03-31',
  issuedAt: at('2025-04-01T08:00:00+07:00'),
  entries: [
    {
      code: SAMPLE_CODE,
      procedureName: sampleCase.procedureName,
      applicantName: SAMPLE_APPLICANT,
      applicantAddress: sampleCase.applicant.address,
      applicantPhone: '0912345678',
      receivedAt: at('2025-03-05T09:15:00+07:00'),
      dueAt: at('2025-03-14T17:00:00+07:00'),
      returnedAt: at('2025-03-12T10:00:00+07:00'),
    },
    {
      code: '000.00.15.H42-250306-0002',
      procedureName: sampleCase.procedureName,
      applicantName: 'Đỗ Quang Vinh',
      applicantPhone: '0987654321',
      receivedAt: at('2025-03-06T10:00:00+07:00'),
      dueAt: at('2025-03-17T17:00:00+07:00'),
      returnedAt: at('2025-03-18T09:00:00+07:00'),
      note: 'Đã gửi phiếu xin lỗi',
    },
    {
      code: '000.00.15.H42-250307-0001',
      procedureName: 'Chứng thực bản sao từ bản chính',
      applicantName: 'Công ty TNHH Hoa Lư',
      applicantAddress: 'Khu công nghiệp Gián Khẩu, huyện Gia Viễn',
      receivedAt: at('2025-03-07T15:20:00+07:00'),
      dueAt: at('2025-03-07T17:00:00+07:00'),
      returnedAt: at('2025-03-07T16:30:00+07:00'),
    },
  ],
};
