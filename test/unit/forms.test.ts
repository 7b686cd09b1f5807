// Renders every one-stop form (Mẫu 01–06) and reads it back with poppler: Vietnamese text whole, glyphs inked, A4, QR.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  renderApology,
  renderControlSlip,
  renderReceipt,
  renderRefusal,
  renderRegister,
  renderSupplementRequest,
} from '../../functions/forms';
import {
  SAMPLE_APPLICANT,
  SAMPLE_CODE,
  SAMPLE_VERIFY_URL,
  sampleApology,
  sampleCase,
  sampleControlSlip,
  sampleReceipt,
  sampleRefusal,
  sampleRegister,
  sampleSupplementRequest,
} from '../support/form-samples';
import {
  decodeQr,
  inkShare,
  pdfFonts,
  pdfInfo,
  pdfText,
  pdfWords,
  popplerOrSkip,
  renderPage,
} from '../support/poppler';

const poppler = popplerOrSkip('one-stop forms');

/** Each form with the title it must print (the circular's, in lower case: the form prints it in capitals). */
const CASE_FORMS = [
  {
    name: 'Mẫu 01 receipt',
    title: 'giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    render: () => renderReceipt(sampleReceipt),
  },
  {
    name: 'Mẫu 02 supplement request',
    title: 'phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    render: () => renderSupplementRequest(sampleSupplementRequest),
  },
  {
    name: 'Mẫu 03 refusal',
    title: 'phiếu từ chối tiếp nhận giải quyết hồ sơ',
    render: () => renderRefusal(sampleRefusal),
  },
  {
    name: 'Mẫu 04 apology',
    title: 'phiếu xin lỗi và hẹn lại ngày trả kết quả',
    render: () => renderApology(sampleApology),
  },
  {
    name: 'Mẫu 05 control slip',
    title: 'phiếu kiểm soát quá trình giải quyết hồ sơ',
    render: () => renderControlSlip(sampleControlSlip),
  },
] as const;

/** pdftotext ends lines where the layout wrapped them; the checks read words, not line breaks. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe.runIf(poppler)('each case form, read back by poppler', () => {
  const rendered = new Map<string, Uint8Array>();
  beforeAll(async () => {
    for (const form of CASE_FORMS) rendered.set(form.name, await form.render());
  });

  for (const form of CASE_FORMS) {
    describe(form.name, () => {
      it('is one A4 page with both weights of Be Vietnam Pro embedded as subsets', () => {
        const pdf = rendered.get(form.name)!;
        const info = pdfInfo(pdf);
        expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
        expect(info['Pages']).toBe('1');
        const fonts = pdfFonts(pdf);
        expect(fonts).toMatch(/\+BeVietnamPro-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
        expect(fonts).toMatch(/\+BeVietnamPro-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      });

      it('gives back its Vietnamese text whole: title, heading, code, applicant, legal basis, sample mark', () => {
        const text = flat(pdfText(rendered.get(form.name)!));
        expect(text.toLocaleLowerCase('vi')).toContain(form.title);
        expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
        expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH NINH BÌNH');
        expect(text).toContain('SỞ TƯ PHÁP TỈNH NINH BÌNH');
        expect(text).toContain(`Mã hồ sơ: ${SAMPLE_CODE}`);
        expect(text).toContain(SAMPLE_APPLICANT);
        expect(text).toContain('Thông tư số 01/2018/TT-VPCP');
        expect(text).toContain('Nghị định số 118/2025/NĐ-CP');
        expect(text).toContain('Mẫu tham khảo');
        expect(text).toMatch(/Ninh Bình, ngày \d{2} tháng 03 năm 2025/);
      });

      it('inks the glyphs of its words (subsetting did not blank them)', () => {
        const pdf = rendered.get(form.name)!;
        const image = renderPage(pdf, 1, 100);
        const words = pdfWords(pdf).filter((w) => w.page === 1);
        const checked = ['CỘNG', 'NGHĨA', 'Hạnh', 'phúc', 'Nguyễn', 'Hồng', 'Nhung'].map((word) => {
          const box = words.find((w) => w.word === word);
          expect(box, `word ${word} on the page`).toBeDefined();
          return { word, ink: inkShare(image, box!) };
        });
        // Text covers roughly 15–35% of its box; an empty glyph leaves it white.
        for (const { word, ink } of checked) expect(ink, word).toBeGreaterThan(0.08);
        // The heading band as a whole, too: the top eighth of the page holds the agency and the motto.
        expect(inkShare(image, { xMin: 0, yMin: 0, xMax: 595, yMax: 105 })).toBeGreaterThan(0.01);
      });

      it('carries a QR code that an independent decoder reads as the verification URL', () => {
        const image = renderPage(rendered.get(form.name)!, 1, 150);
        // The QR sits at the foot of the page: decode the bottom quarter only.
        const start = Math.floor(image.height * 0.75);
        const bottom = {
          ...image,
          height: image.height - start,
          pixels: image.pixels.subarray(start * image.width),
        };
        expect(decodeQr(bottom)).toBe(SAMPLE_VERIFY_URL);
      });
    });
  }

  it('Mẫu 01 lists the documents received and gives the receipt and appointment times in Vietnam time', () => {
    const text = flat(pdfText(rendered.get('Mẫu 01 receipt')!));
    expect(text).toContain('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (1 bản chính)');
    expect(text).toContain('Căn cước công dân (1 bản sao)');
    expect(text).toContain('09 giờ 15 phút, ngày 05 tháng 03 năm 2025');
    expect(text).toContain('17 giờ 00 phút, ngày 14 tháng 03 năm 2025');
    expect(text).toContain('7 ngày làm việc');
  });

  it('Mẫu 02 lists each item to supplement with its reason', () => {
    const text = flat(pdfText(rendered.get('Mẫu 02 supplement request')!));
    for (const item of sampleSupplementRequest.items) {
      expect(text).toContain(item.what);
      expect(text).toContain(item.reason);
    }
  });

  it('Mẫu 03 gives the reason for the refusal', () => {
    expect(flat(pdfText(rendered.get('Mẫu 03 refusal')!))).toContain(sampleRefusal.reason);
  });

  it('Mẫu 04 gives the reason, the missed date and the new date', () => {
    const text = flat(pdfText(rendered.get('Mẫu 04 apology')!));
    expect(text).toContain(sampleApology.reason);
    expect(text).toContain('ngày 14 tháng 03 năm 2025');
    expect(text).toContain('ngày 21 tháng 03 năm 2025');
  });

  it('Mẫu 05 gives each step, who and when', () => {
    const text = flat(pdfText(rendered.get('Mẫu 05 control slip')!));
    for (const label of [
      'Tiếp nhận hồ sơ',
      'Thẩm định, trình ký',
      'Phê duyệt',
      'Lê Minh Tuấn',
      'Phạm Thị Lan',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('07/03/2025 14:30');
    expect(text).toContain('Trước hạn');
  });
});

describe.runIf(poppler)('Mẫu 06, the register', () => {
  it('is A4 landscape and lists every case of the period with its outcome and the totals', async () => {
    const pdf = await renderRegister(sampleRegister);
    expect(pdfInfo(pdf)['Page size']).toBe('841.89 x 595.28 pts (A4)');
    const text = flat(pdfText(pdf));
    expect(text.toLocaleLowerCase('vi')).toContain('sổ theo dõi hồ sơ');
    expect(text).toContain('Từ ngày 01/03/2025 đến ngày 31/03/2025');
    expect(text).toContain('Đỗ Quang Vinh');
    expect(text).toContain('Công ty TNHH Hoa Lư');
    expect(text).toContain('Tổng số: 3 hồ sơ; đã trả kết quả trước hạn 1, đúng hạn 1, quá hạn 1.');
    expect(text).toContain('Mẫu tham khảo');
    for (const entry of sampleRegister.entries) expect(text).toContain(entry.code);
  });

  it('goes on over several pages, each with its footer, when the period has many cases', async () => {
    const entries = Array.from({ length: 60 }, (_, i) => ({
      ...sampleRegister.entries[0]!,
      code: `000.00.15.H42-250305-${String(i + 1).padStart(4, '0')}`,
    }));
    const pdf = await renderRegister({ ...sampleRegister, entries });
    const pages = Number(pdfInfo(pdf)['Pages']);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Trang ${page}/${pages}`);
    // The table's header is repeated at the top of every page.
    expect(text.split('Tên thủ tục hành').length - 1).toBe(pages);
  });
});

describe('text as typed', () => {
  it.runIf(poppler)('prints decomposed (NFD) Vietnamese as composed letters', async () => {
    const pdf = await renderRefusal({
      ...sampleRefusal,
      applicant: { ...sampleCase.applicant, name: 'Trương Thị Ánh Tuyết'.normalize('NFD') },
    });
    expect(flat(pdfText(pdf))).toContain('Trương Thị Ánh Tuyết'.normalize('NFC'));
  });

  it('gives the same bytes for the same input, so a form can be cached or compared', async () => {
    const [first, second] = [await renderReceipt(sampleReceipt), await renderReceipt(sampleReceipt)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
