// The register as CSV (Excel's BOM, RFC 4180 quoting, no formulas), and the on-time rule of the register's outcome column.
import { describe, expect, it } from 'vitest';
import { REGISTER_CSV_HEADER, renderRegisterCsv, timelinessOf } from '../../functions/forms';
import { csvCell } from '../../functions/forms/csv';
import { sampleRegister } from '../support/form-samples';

/** A small RFC 4180 reader written for the test, so that the file is parsed by something other than its writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

describe('renderRegisterCsv', () => {
  const csv = renderRegisterCsv(sampleRegister);

  it('starts with a UTF-8 byte order mark, for Excel, and ends every record with CRLF', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(false);
  });

  it('has the header and one row per case, with Vietnamese text and Vietnam times', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...REGISTER_CSV_HEADER]);
    expect(rows).toHaveLength(1 + sampleRegister.entries.length);
    const first = rows[1]!;
    expect(first.slice(0, 5)).toEqual([
      '1',
      '000.00.15.H42-250305-0007',
      'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
      '1',
      'Nguyễn Thị Hồng Nhung',
    ]);
    // The address holds commas: quoted in the file, whole once parsed.
    expect(first[5]).toBe('Số 12, đường Lê Hồng Phong, phường Vân Giang, thành phố Ninh Bình');
    expect(first[8]).toBe('2025-03-05 09:15');
    expect(rows.map((row) => row[12])).toEqual(['Trả kết quả', 'Trước hạn', 'Quá hạn', 'Đúng hạn']);
  });

  it('keeps a would-be formula as text, whatever the field', () => {
    const csvOf = (applicantName: string) =>
      parseCsv(
        renderRegisterCsv({
          ...sampleRegister,
          entries: [{ ...sampleRegister.entries[0]!, applicantName }],
        }).slice(1),
      )[1]![4];
    expect(csvOf('=HYPERLINK("http://evil.example","x")')).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(csvOf('+84 912 345 678')).toBe("'+84 912 345 678");
    expect(csvOf('-2+3')).toBe("'-2+3");
    expect(csvOf('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvOf('Lê Văn A')).toBe('Lê Văn A');
  });
});

describe('csvCell', () => {
  it('quotes a cell with a comma, a quote or a line break and doubles its quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('writes Vietnamese in composed form (NFC), whatever the input', () => {
    expect(csvCell('Nguyễn'.normalize('NFD'))).toBe('Nguyễn'.normalize('NFC'));
  });
});

describe('timelinessOf', () => {
  const due = new Date('2025-03-14T17:00:00+07:00');
  it('is early when returned on an earlier day in Vietnam than the due day', () => {
    expect(timelinessOf(new Date('2025-03-13T23:59:00+07:00'), due)).toBe('early');
    // 17:30 UTC on the 13th is already 00:30 on the 14th in Vietnam.
    expect(timelinessOf(new Date('2025-03-13T17:30:00Z'), due)).toBe('on_time');
  });
  it('is on time when returned on the due day, by the due time', () => {
    expect(timelinessOf(new Date('2025-03-14T08:00:00+07:00'), due)).toBe('on_time');
    expect(timelinessOf(due, due)).toBe('on_time');
  });
  it('is late one minute after the due time', () => {
    expect(timelinessOf(new Date('2025-03-14T17:01:00+07:00'), due)).toBe('late');
  });
});
