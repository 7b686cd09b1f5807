import { describe, expect, it } from 'vitest';
import { recipients } from '../../functions/cases/notifications';
import { toE164 } from '../../functions/notifications/channels';
import { renderNotification } from '../../functions/notifications/render';
import type { NotificationRecord } from '../../functions/storage/records';

const base: NotificationRecord = {
  type: 'notification',
  id: 'n1',
  caseCode: '000.21.38.H42-261128-0007',
  channel: 'email',
  to: 'an@example.com',
  lang: 'vi',
  event: {
    action: 'request_supplement',
    status: 'needs_supplement',
    procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    dueAt: '2026-12-03T17:00:00.000+07:00',
    note: 'Bổ sung giấy chứng sinh',
  },
  status: 'pending',
  attempts: 0,
  createdAt: '2026-11-28T10:00:00.000+07:00',
};

describe('renderNotification', () => {
  it('writes the e-mail in Vietnamese with the status, due date (dd/mm/yyyy), note and tracking link', () => {
    const { subject, body } = renderNotification(base, 'https://dichvucong.example.vn');
    expect(subject).toBe('Hồ sơ 000.21.38.H42-261128-0007: Cần bổ sung, hoàn thiện hồ sơ');
    expect(body).toContain('Đăng ký khai sinh');
    expect(body).toContain('03/12/2026');
    expect(body).toContain('Ghi chú của cơ quan: Bổ sung giấy chứng sinh');
    expect(body).toContain('https://dichvucong.example.vn/track.html?code=000.21.38.H42-261128-0007');
  });

  it('writes English when the applicant applied in English', () => {
    const { subject, body } = renderNotification({ ...base, lang: 'en' }, '');
    expect(subject).toBe('Case 000.21.38.H42-261128-0007: Additional documents or corrections needed');
    expect(body).toContain('Birth registration');
    expect(body).not.toContain('track.html');
  });

  it('sends SMS without diacritics, keeping capitals, and leaves the due date off once decided', () => {
    const sms = renderNotification({ ...base, channel: 'sms', to: '0912345678' }, '');
    expect(sms.body).toBe(
      'Ho so 000.21.38.H42-261128-0007: Can bo sung, hoan thien ho so. Hen tra 03/12/2026. Bo sung giay chung sinh',
    );
    expect(sms.body).toMatch(/^[\x20-\x7e]+$/);
    const decided = renderNotification(
      {
        ...base,
        channel: 'sms',
        event: { ...base.event, status: 'denied', action: 'deny', note: 'Đơn không hợp lệ' },
      },
      '',
    );
    expect(decided.body).toBe('Ho so 000.21.38.H42-261128-0007: Khong duoc giai quyet. Don khong hop le');
  });
});

describe('recipients', () => {
  const applicant = {
    id: 's',
    role: 'citizen' as const,
    name: 'An',
    email: 'acc@example.com',
    phone: '+84900000001',
  };
  it("uses the application's contact when given, else the account's own", () => {
    expect(recipients({ applicant, contact: { email: 'c@example.com' } })).toEqual([
      { channel: 'email', to: 'c@example.com' },
    ]);
    expect(recipients({ applicant, contact: {} })).toEqual([
      { channel: 'email', to: 'acc@example.com' },
      { channel: 'sms', to: '+84900000001' },
    ]);
    expect(recipients({ applicant: { id: 's', role: 'citizen', name: 'An' }, contact: {} })).toEqual([]);
  });

  it('writes Vietnamese mobile numbers in E.164 for SNS', () => {
    expect(toE164('0912345678')).toBe('+84912345678');
    expect(toE164('+84912345678')).toBe('+84912345678');
  });
});
