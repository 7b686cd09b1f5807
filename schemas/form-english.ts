// The forms' labels in English: every Vietnamese `title` and `description` of the catalogue's form schemas, and the
// copy of a form's JSON Schema that English pages show (the API's own schema stays Vietnamese, as the contract says).
import type { Language } from '../functions/domain/types';

/**
 * Vietnamese text of a form schema → its English. Keyed by the text itself, since the forms share most of their
 * labels (an address, a name, a CCCD); a unit test fails when a form carries a text missing here.
 */
export const FORM_ENGLISH: Readonly<Record<string, string>> = {
  // People
  'Họ, chữ đệm và tên': 'Full name',
  'Họ, chữ đệm và tên của trẻ': "Child's full name",
  'Họ, chữ đệm và tên người đi khai sinh': "Declarant's full name",
  'Họ, chữ đệm và tên chủ hộ kinh doanh': "Business owner's full name",
  'Họ, chữ đệm và tên chủ đầu tư': "Owner's full name",
  'Họ và tên cha': "Father's full name",
  'Họ và tên mẹ': "Mother's full name",
  'Họ và tên vợ hoặc chồng': "Spouse's full name",
  'Tên gọi khác': 'Other names',
  'Tên thường gọi hoặc tên cũ, nếu có': 'A name you are known by, or a former name, if any',
  'Giới tính': 'Sex',
  Nam: 'Male',
  Nữ: 'Female',
  'Ngày, tháng, năm sinh': 'Date of birth',
  'Năm-tháng-ngày, ví dụ 1990-05-31': 'Year-month-day, for example 1990-05-31',
  'Năm-tháng, ví dụ 2019-09': 'Year-month, for example 2019-09',
  'Nơi sinh': 'Place of birth',
  'Tên cơ sở y tế nơi trẻ được sinh ra; nếu sinh ngoài cơ sở y tế, ghi địa chỉ nơi sinh':
    'The hospital or clinic where the child was born; for a birth elsewhere, the address where it happened',
  'Tỉnh, thành phố nơi sinh': 'Province or city of birth',
  'Dân tộc': 'Ethnicity',
  'Ví dụ: Kinh, Mường, Tày': 'For example: Kinh, Mường, Tày',
  'Quốc tịch': 'Nationality',
  'Ví dụ: Việt Nam': 'For example: Việt Nam',
  'Quê quán': 'Place of origin (quê quán)',
  'Theo quê quán của cha hoặc của mẹ, theo thỏa thuận của cha mẹ':
    "The father's or the mother's place of origin, as the parents agree",
  'Số định danh cá nhân (số CCCD)': 'Personal identification number (CCCD number)',
  'Số định danh cá nhân (số CCCD) của người đi khai sinh':
    "Declarant's personal identification number (CCCD number)",
  '12 chữ số, in trên thẻ căn cước công dân hoặc thẻ căn cước':
    '12 digits, printed on the citizen identity card or identity card',
  'Bỏ trống nếu người này chưa có số định danh cá nhân':
    'Leave empty if this person has no personal identification number yet',
  'Số điện thoại di động': 'Mobile phone number',
  'Số điện thoại liên hệ': 'Contact phone number',
  'Số di động 10 chữ số, ví dụ 0912 345 678 hoặc +84 912 345 678':
    'A 10-digit mobile number, for example 0912 345 678 or +84 912 345 678',
  'Để nhận thông báo về hồ sơ': 'To receive notices about the application',
  'Thư điện tử': 'E-mail address',
  'Ví dụ ten@example.vn': 'For example ten@example.vn',
  'Để nhận Phiếu lý lịch tư pháp điện tử': 'To receive the electronic judicial record certificate',
  // Addresses
  'Địa chỉ': 'Address',
  'Số nhà, đường, thôn, xóm': 'House number, street, village or hamlet',
  'Ví dụ: Số 12, đường Trần Hưng Đạo': 'For example: Số 12, đường Trần Hưng Đạo',
  'Xã, phường, thị trấn': 'Commune, ward or town',
  'Quận, huyện, thị xã, thành phố thuộc tỉnh': 'District, town or provincial city',
  'Bỏ trống nếu không còn cấp huyện': 'Leave empty where there is no district level any more',
  'Tỉnh, thành phố trực thuộc trung ương': 'Province or centrally-run city',
  'Nơi cư trú': 'Place of residence',
  'Nơi thường trú': 'Permanent residence',
  'Nơi ở hiện tại': 'Current residence',
  'Bỏ trống nếu trùng với nơi thường trú': 'Leave empty if it is the permanent residence',
  'Địa chỉ liên hệ': 'Contact address',
  // Birth registration
  'Thông tin của trẻ': 'The child',
  'Thông tin của mẹ': 'The mother',
  'Thông tin của cha': 'The father',
  'Bỏ trống nếu chưa xác định được cha': 'Leave empty if the father is not established',
  'Người đi khai sinh': 'The declarant',
  'Quan hệ với trẻ': 'Relationship to the child',
  'Cha, mẹ có trách nhiệm đi khai sinh; nếu cha, mẹ không thể đi thì ông, bà hoặc người khác':
    'The parents must register the birth; when they cannot, a grandparent or another person may',
  Mẹ: 'Mother',
  Cha: 'Father',
  'Ông, bà': 'Grandparent',
  'Người thân thích khác': 'Another relative',
  'Cá nhân, tổ chức đang nuôi dưỡng trẻ': 'The person or organisation caring for the child',
  // Marriage registration
  'Bên nam': 'The man',
  'Bên nữ': 'The woman',
  'Tình trạng hôn nhân trước đây': 'Previous marital status',
  'Người đang có vợ hoặc có chồng không được kết hôn với người khác':
    'A person who is married may not marry someone else',
  'Chưa kết hôn lần nào': 'Never married',
  'Đã ly hôn': 'Divorced',
  'Vợ hoặc chồng đã chết': 'Widowed',
  'Để hẹn ngày hai bên cùng đến ký Giấy chứng nhận kết hôn':
    'To agree the day both of you come to sign the marriage certificate',
  // Household business registration
  'Chủ hộ kinh doanh': 'Business owner',
  'Mã số thuế cá nhân': 'Personal tax code',
  'Mã số thuế 10 chữ số đã được cấp trước đây, nếu có': 'The 10-digit tax code you were given before, if any',
  'Thông tin hộ kinh doanh': 'The household business',
  'Tên hộ kinh doanh': 'Name of the household business',
  'Gồm cụm từ "Hộ kinh doanh" và tên riêng, ví dụ: Hộ kinh doanh Bánh cuốn Thu Hà':
    '"Hộ kinh doanh" followed by its own name, for example: Hộ kinh doanh Bánh cuốn Thu Hà',
  'Địa điểm kinh doanh': 'Place of business',
  'Số điện thoại của địa điểm kinh doanh': 'Phone number of the place of business',
  'Ngành, nghề kinh doanh': 'Line of business',
  'Ít nhất một ngành, nghề': 'At least one line of business',
  'Mã ngành': 'Industry code',
  'Mã ngành cấp 4 theo Hệ thống ngành kinh tế Việt Nam, ví dụ 5610':
    'Level-4 code of the Vietnam Standard Industrial Classification, for example 5610',
  'Tên ngành, nghề kinh doanh': 'Description of the line of business',
  'Ví dụ: Nhà hàng và các dịch vụ ăn uống': 'For example: Nhà hàng và các dịch vụ ăn uống (restaurants)',
  'Vốn kinh doanh (đồng)': 'Business capital (đồng)',
  'Tổng số vốn, tính bằng đồng Việt Nam': 'The total capital, in Vietnamese đồng',
  'Số lao động': 'Number of workers',
  'Không kể chủ hộ kinh doanh': 'Not counting the owner',
  'Các thành viên hộ gia đình cùng đăng ký': 'Household members registering together',
  'Chỉ kê khai khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh':
    'Only when members of the household register the business together',
  'Thành viên hộ gia đình': 'Household member',
  // Building permit
  'Chủ đầu tư (người đề nghị cấp phép)': 'Owner (the applicant for the permit)',
  'Thửa đất xây dựng': 'The land parcel',
  'Địa chỉ thửa đất': 'Address of the land parcel',
  'Số phát hành Giấy chứng nhận quyền sử dụng đất': 'Serial number of the land use right certificate',
  'Số seri in trên trang 1 của Giấy chứng nhận, ví dụ CS 04567':
    'The serial number on page 1 of the certificate, for example CS 04567',
  'Thửa đất số': 'Parcel number',
  'Tờ bản đồ số': 'Map sheet number',
  'Diện tích thửa đất (m²)': 'Parcel area (m²)',
  'Quy mô công trình': 'The building',
  'Diện tích xây dựng (m²)': 'Building footprint (m²)',
  'Diện tích chiếm đất của ngôi nhà (tầng 1)': 'The ground the house stands on (ground floor)',
  'Tổng diện tích sàn (m²)': 'Total floor area (m²)',
  'Cộng diện tích sàn của tất cả các tầng, kể cả tầng hầm, tum':
    'The floor area of every storey added up, basements and roof structures included',
  'Số tầng trên mặt đất': 'Storeys above ground',
  'Số tầng hầm': 'Basement storeys',
  'Chiều cao công trình (m)': 'Height of the building (m)',
  'Tính từ cốt nền': 'From the ground level',
  'Đơn vị hoặc cá nhân thiết kế': 'Designer (firm or person)',
  'Bỏ trống nếu hộ gia đình tự thiết kế nhà dưới 3 tầng, tổng diện tích sàn dưới 250 m²':
    'Leave empty if the household designed a house of under 3 storeys and under 250 m² of floor area itself',
  'Thời gian dự kiến hoàn thành (tháng)': 'Expected time to complete (months)',
  // Judicial record certificate
  'Người yêu cầu cấp Phiếu': 'The applicant',
  'Thông tin về cha, mẹ, vợ hoặc chồng': 'Parents and spouse',
  'Họ tên cha, mẹ, vợ hoặc chồng, nếu có': "Parents' and spouse's names, if any",
  'Quá trình cư trú': 'Where you have lived',
  'Nơi cư trú, nghề nghiệp từ khi đủ 14 tuổi đến nay':
    'Where you lived and what you did from the age of 14 until now',
  'Giai đoạn cư trú': 'Period of residence',
  'Từ tháng, năm': 'From (month and year)',
  'Đến tháng, năm': 'Until (month and year)',
  'Bỏ trống nếu đến nay': 'Leave empty if you still live there',
  'Nghề nghiệp, nơi làm việc': 'Occupation and workplace',
  'Loại Phiếu yêu cầu cấp': 'Certificate requested',
  'Phiếu số 2 ghi đầy đủ án tích, kể cả án tích đã được xóa, và chỉ cấp cho chính người yêu cầu':
    'Certificate no. 2 lists every conviction, expunged ones included, and is issued only to the person it is about',
  'Phiếu lý lịch tư pháp số 1': 'Judicial record certificate no. 1',
  'Phiếu lý lịch tư pháp số 2': 'Judicial record certificate no. 2',
  'Mục đích sử dụng Phiếu': 'What the certificate is for',
  'Ví dụ: bổ sung hồ sơ xin việc': 'For example: a job application',
  'Số lượng Phiếu': 'Number of copies',
  'Từ Phiếu thứ 3 trở đi thu thêm 5 000 đồng mỗi Phiếu': 'From the third copy on, 5,000 đồng more per copy',
  'Yêu cầu xác nhận về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã':
    'Ask for a statement on any ban from holding office or founding or managing a business or cooperative',
  'Chỉ áp dụng cho Phiếu số 1': 'For certificate no. 1 only',
};

type Node = Record<string, unknown>;

/** Every `title` and `description` of a schema (not its examples), for the test that none lacks English. */
export function formTexts(schema: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Node)) {
      if ((key === 'title' || key === 'description') && typeof value === 'string') found.push(value);
      else if (key !== 'examples') walk(value);
    }
  };
  walk(schema);
  return found;
}

/**
 * A copy of a form's JSON Schema with its titles and descriptions in `lang` (Vietnamese: as it is), without
 * `examples`. A text with no English stays Vietnamese (the unit test keeps that from happening).
 */
export function localizeFormSchema<T>(schema: T, lang: Language): T {
  const copy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(copy);
    if (!node || typeof node !== 'object') return node;
    const out: Node = {};
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === 'examples') continue;
      out[key] =
        (key === 'title' || key === 'description') && typeof value === 'string' && lang === 'en'
          ? (FORM_ENGLISH[value] ?? value)
          : copy(value);
    }
    return out;
  };
  return copy(schema) as T;
}
