// The schools list as a district exports it (Dapodik's columns plus SIASN's UNOR_ID and the
// agency columns the import knows), for the import tests.
import { csvFile, xlsxFile } from "./import-files.ts";

type Cell = string | number | null;

export const schoolsHeader = [
  "NPSN",
  "UNOR_ID",
  "Nama Sekolah",
  "Bentuk Pendidikan",
  "Status Sekolah",
  "Kecamatan",
  "Desa/Kelurahan",
  "Lintang",
  "Bujur",
  "Jumlah Rombel",
  "Kode Instansi",
  "Nama Instansi",
];

export interface School {
  npsn: string | null;
  unorId: string | null;
  name: string;
  bentuk: string;
  status: string;
  kecamatan: string;
  desa: string;
  lat: number | null;
  lon: number | null;
  rombel: Cell;
}

/** Three schools of Distrik Kurik as Dapodik spells them ("Kec. Kurik" and "Kurik" alike), and one in a kecamatan no list has. */
export const salorSchools: School[] = [
  {
    npsn: "60300101",
    unorId: "8AE48288597FAC650159824E03AA2470",
    name: "SD Negeri Salor Indah",
    bentuk: "SD",
    status: "NEGERI",
    kecamatan: "Kec. Kurik",
    desa: "Salor Indah",
    lat: -8.21,
    lon: 140.27,
    rombel: 9,
  },
  {
    npsn: "60300102",
    unorId: "8ae48288597fac650159824e03aa2471",
    name: "SMP Negeri 2 Kurik",
    bentuk: "SMP",
    status: "NEGERI",
    kecamatan: "Kurik",
    desa: "Kurik",
    lat: -8.25,
    lon: 140.3,
    rombel: 6,
  },
  {
    npsn: "60300103",
    unorId: null,
    name: "SMK Swasta Harapan",
    bentuk: "SMK",
    status: "SWASTA",
    kecamatan: "Kurik",
    desa: "Kampung Ivimahad",
    lat: null,
    lon: null,
    rombel: 3,
  },
  {
    npsn: "60300104",
    unorId: null,
    name: "SD Inpres Atlantis",
    bentuk: "SD",
    status: "NEGERI",
    kecamatan: "Distrik Atlantis",
    desa: "Atlantis Lama",
    lat: null,
    lon: null,
    rombel: 6,
  },
];

export function schoolRows(schools: School[], agency = "DISDIK"): Cell[][] {
  return [
    schoolsHeader,
    ...schools.map((s) => [
      s.npsn,
      s.unorId,
      s.name,
      s.bentuk,
      s.status,
      s.kecamatan,
      s.desa,
      s.lat,
      s.lon,
      s.rombel,
      agency,
      "Dinas Pendidikan dan Kebudayaan Merauke",
    ]),
  ];
}

export const schoolsCsv = (schools: School[] = salorSchools): Buffer => csvFile(schoolRows(schools));
export const schoolsXlsx = (schools: School[] = salorSchools): Promise<Buffer> =>
  xlsxFile({ Sekolah: schoolRows(schools) });
