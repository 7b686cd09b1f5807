// The demo province's agencies that receive applications: a commune, a district and a provincial department.
import type { Agency } from './types';

/*
 * Demo province: Ninh Bình, with its administrative map as it stood before the reorganisation of 2025 (which
 * merged provinces and, from 1 July 2025, removed the district tier), because the catalogue's sample
 * procedures are those of commune, district and provincial level.
 *
 * Agency codes follow QCVN 102:2016/BTTTT (Circular 10/2016/TT-BTTTT): `V1V2V3.Z1Z2.Y1Y2.MX1X2`, read from
 * the right — `MX1X2` the level-1 unit (`H` + the province's number), `Y1Y2` a level-2 unit within it
 * (a department or a district), `Z1Z2` a level-3 unit within that (a commune of the district), `V1V2V3` a
 * level-4 unit; `000`/`00` where there is none. So the provincial People's Committee is `000.00.00.Hnn`,
 * a department or district `000.00.yy.Hnn`, a commune `000.zz.yy.Hnn`.
 * SAMPLE VALUES: the province number (H42) and the numbers of the units below it are not sourced; replace them
 * with the codes the province publishes before any real use. The addresses are also sample values.
 */

const PROVINCE = 'H42';

export const provincialPeoplesCommittee: Agency = {
  id: 'ubnd-tinh-ninh-binh',
  code: `000.00.00.${PROVINCE}`,
  name: { vi: 'Ủy ban nhân dân tỉnh Ninh Bình', en: "Ninh Bình Provincial People's Committee" },
  level: 'province',
  locality: 'Ninh Bình',
  address: {
    vi: 'Trung tâm Phục vụ hành chính công tỉnh Ninh Bình, thành phố Ninh Bình, tỉnh Ninh Bình',
    en: 'Ninh Bình Public Administration Service Centre, Ninh Bình city, Ninh Bình province',
  },
};

export const departmentOfJustice: Agency = {
  id: 'so-tu-phap-ninh-binh',
  code: `000.00.15.${PROVINCE}`,
  name: { vi: 'Sở Tư pháp tỉnh Ninh Bình', en: 'Ninh Bình Department of Justice' },
  level: 'province',
  parentId: 'ubnd-tinh-ninh-binh',
  locality: 'Ninh Bình',
  address: {
    vi: 'Quầy Sở Tư pháp, Trung tâm Phục vụ hành chính công tỉnh Ninh Bình, thành phố Ninh Bình, tỉnh Ninh Bình',
    en: 'Department of Justice desk, Ninh Bình Public Administration Service Centre, Ninh Bình city, Ninh Bình province',
  },
};

export const giaVienDistrict: Agency = {
  id: 'ubnd-huyen-gia-vien',
  code: `000.00.38.${PROVINCE}`,
  name: { vi: 'Ủy ban nhân dân huyện Gia Viễn', en: "Gia Viễn District People's Committee" },
  level: 'district',
  locality: 'Gia Viễn',
  address: {
    vi: 'Bộ phận Một cửa huyện Gia Viễn, thị trấn Me, huyện Gia Viễn, tỉnh Ninh Bình',
    en: 'One-stop desk of Gia Viễn district, Me town, Gia Viễn district, Ninh Bình province',
  },
};

export const giaSinhCommune: Agency = {
  id: 'ubnd-xa-gia-sinh',
  code: `000.21.38.${PROVINCE}`,
  name: { vi: 'Ủy ban nhân dân xã Gia Sinh', en: "Gia Sinh Commune People's Committee" },
  level: 'commune',
  parentId: 'ubnd-huyen-gia-vien',
  locality: 'Gia Sinh',
  address: {
    vi: 'Bộ phận Một cửa xã Gia Sinh, huyện Gia Viễn, tỉnh Ninh Bình',
    en: 'One-stop desk of Gia Sinh commune, Gia Viễn district, Ninh Bình province',
  },
};

/** Every agency of the demo province, the provincial People's Committee (which receives no case itself) first. */
export const allAgencies: readonly Agency[] = [
  provincialPeoplesCommittee,
  departmentOfJustice,
  giaVienDistrict,
  giaSinhCommune,
];

// Pure: a function that imports this module but not `findAgency` leaves the catalogue out of its bundle.
const agenciesById = /* @__PURE__ */ new Map(/* @__PURE__ */ allAgencies.map((a) => [a.id, a]));

export function findAgency(id: string): Agency | undefined {
  return agenciesById.get(id);
}
