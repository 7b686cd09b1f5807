// The government's announced holiday schedules for civil servants, one per year; they override the Labour Code rule.

export interface OfficialSchedule {
  readonly year: number;
  /** YYYY-MM-DD: public holidays and compensatory days off (weekend holidays may be listed too). */
  readonly daysOff: readonly string[];
  /** YYYY-MM-DD: Saturdays or Sundays worked in exchange for a day off. */
  readonly workingDays: readonly string[];
  /** The decision or dispatch that announced it, or 'sample: …' where it is not sourced. */
  readonly source: string;
}

const SCHEDULE_2026: OfficialSchedule = {
  year: 2026,
  daysOff: [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-26',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-08-31',
    '2026-09-01',
    '2026-09-02',
  ],
  workingDays: ['2026-01-10', '2026-08-22'],
  source: [
    'Tết Mon 16 – Fri 20 Feb (14–22 Feb with the weekends) and National Day Tue 1 – Wed 2 Sep, with Mon 31 Aug',
    'off in exchange for working Sat 22 Aug: Ministry of Home Affairs Notice 9441/TB-BNV of 16 Oct 2025,',
    'as reported by Vietnam News (17 Oct 2025) and Báo Hải Phòng.',
    'New Year Thu 1 Jan with Fri 2 Jan off in exchange for working Sat 10 Jan: Government Office dispatch',
    '12729/VPCP-KGVX of 25 Dec 2025, as reported by a single secondary news copy; not checked against the dispatch.',
    'Hùng Kings (10/3 lunar) on Sun 26 Apr with the compensatory Mon 27 Apr, 30 Apr and 1 May: Labour Code 2019',
    'arts. 111(3) and 112 directly, no announcement needed.',
  ].join(' '),
};

const SCHEDULE_2027: OfficialSchedule = {
  year: 2027,
  daysOff: [
    '2027-01-01',
    '2027-02-04',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-04-16',
    '2027-04-30',
    '2027-05-01',
    '2027-05-03',
    '2027-09-02',
    '2027-09-03',
  ],
  workingDays: [],
  source: [
    'sample: not announced when written; the Labour Code 2019 art. 112 rule laid out as the government usually does.',
    'Lunar New Year Sat 6 Feb 2027: Tết on Thu 4 – Mon 8 Feb (two days before, three from the first day),',
    'its Sat 6 and Sun 7 compensated on Tue 9 and Wed 10 (art. 111(3)), so off Thu 4 – Wed 10 Feb;',
    'New Year Fri 1 Jan; Hùng Kings Fri 16 Apr (10/3 lunar per date-holidays); 30 Apr Fri; 1 May Sat',
    'compensated Mon 3 May; National Day Thu 2 Sep with Fri 3 Sep. Replace with the announcement once published.',
  ].join(' '),
};

export const OFFICIAL_SCHEDULES: readonly OfficialSchedule[] = [SCHEDULE_2026, SCHEDULE_2027];
