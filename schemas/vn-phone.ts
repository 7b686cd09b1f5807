// Vietnamese mobile numbers as people write them, and the one form the platform keeps.

/** 10 digits starting 03, 05, 07, 08 or 09, or +84 and the 9 digits after the 0; spaces and dots between digits. */
export const VN_MOBILE = /^(?:\+84|0)[ .]?[35789](?:[ .]?\d){8}$/;

export const VN_MOBILE_DESCRIPTION = 'Số di động 10 chữ số, ví dụ 0912 345 678 hoặc +84 912 345 678';

export const VN_MOBILE_MESSAGE = {
  vi: 'Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84 và 9 chữ số)',
  en: 'A mobile number has 10 digits starting with 03, 05, 07, 08 or 09 (or +84 and 9 digits)',
} as const;

/** `+84 912 345 678`, `0912.345.678` → `0912345678`. */
export function normalizeVnMobilePhone(s: string): string {
  return s.replace(/[ .]/g, '').replace(/^\+84/, '0');
}
