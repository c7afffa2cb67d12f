/**
 * The facts of the Salor demo district (Distrik Kurik, Merauke): roles, kampung, names, the SMP and
 * Puskesmas sites and the agencies. salor-demo.ts turns them into a deterministic dataset.
 */

export interface DemoRole {
  code: string;
  name: string;
  standardHours: number;
  retirementAge: number;
  isTeacher: boolean;
  hoursPerRombel: number | null;
}

export interface DemoUnit {
  code: string;
  name: string;
  kind: "SD" | "SMP" | "PUSKESMAS" | "KANTOR";
  agency: string;
  lat: number;
  lon: number;
}

export interface DemoEmployee {
  nip: string;
  name: string;
  unit: string;
  role: string;
  weeklyHours: number;
  birthDate: Date;
  postSince: Date;
}

export interface DemoDataset {
  agencies: Array<{ code: string; name: string }>;
  roles: DemoRole[];
  compatibility: Array<{ from: string; to: string }>;
  units: DemoUnit[];
  employees: DemoEmployee[];
  /** Weekly hours needed, as the heads would report them (rombel × JP for teachers). */
  workload: Array<{ unit: string; role: string; hours: number; rombel: number | null }>;
  vacancies: Array<{
    unit: string;
    role: string;
    count: number;
    reason: "PENSIUN" | "MUTASI_KELUAR" | "MENINGGAL" | "TUGAS_BELAJAR" | "LAINNYA";
    since: Date;
  }>;
}

export const ROLES: DemoRole[] = [
  {
    code: "GURU_KELAS",
    name: "Guru Kelas SD",
    standardHours: 24,
    retirementAge: 60,
    isTeacher: true,
    hoursPerRombel: 24,
  },
  {
    code: "GURU_PJOK",
    name: "Guru PJOK",
    standardHours: 24,
    retirementAge: 60,
    isTeacher: true,
    hoursPerRombel: 3,
  },
  {
    code: "GURU_PAI",
    name: "Guru Pendidikan Agama",
    standardHours: 24,
    retirementAge: 60,
    isTeacher: true,
    hoursPerRombel: 3,
  },
  {
    code: "GURU_MTK",
    name: "Guru Matematika",
    standardHours: 24,
    retirementAge: 60,
    isTeacher: true,
    hoursPerRombel: 5,
  },
  {
    code: "GURU_IPA",
    name: "Guru IPA",
    standardHours: 24,
    retirementAge: 60,
    isTeacher: true,
    hoursPerRombel: 5,
  },
  {
    code: "GURU_BIN",
    name: "Guru Bahasa Indonesia",
    standardHours: 24,
    retirementAge: 60,
    isTeacher: true,
    hoursPerRombel: 6,
  },
  {
    code: "GURU_BING",
    name: "Guru Bahasa Inggris",
    standardHours: 24,
    retirementAge: 60,
    isTeacher: true,
    hoursPerRombel: 4,
  },
  {
    code: "GURU_IPS",
    name: "Guru IPS",
    standardHours: 24,
    retirementAge: 60,
    isTeacher: true,
    hoursPerRombel: 4,
  },
  {
    code: "KEPSEK",
    name: "Kepala Sekolah",
    standardHours: 37.5,
    retirementAge: 60,
    isTeacher: false,
    hoursPerRombel: null,
  },
  {
    code: "TENDIK",
    name: "Tenaga Administrasi Sekolah",
    standardHours: 37.5,
    retirementAge: 58,
    isTeacher: false,
    hoursPerRombel: null,
  },
  {
    code: "PERAWAT",
    name: "Perawat",
    standardHours: 37.5,
    retirementAge: 58,
    isTeacher: false,
    hoursPerRombel: null,
  },
  {
    code: "BIDAN",
    name: "Bidan",
    standardHours: 37.5,
    retirementAge: 58,
    isTeacher: false,
    hoursPerRombel: null,
  },
  {
    code: "DOKTER",
    name: "Dokter Umum",
    standardHours: 37.5,
    retirementAge: 60,
    isTeacher: false,
    hoursPerRombel: null,
  },
  {
    code: "ANALIS_SDM",
    name: "Analis SDM Aparatur",
    standardHours: 37.5,
    retirementAge: 58,
    isTeacher: false,
    hoursPerRombel: null,
  },
  {
    code: "PENGADMIN",
    name: "Pengadministrasi Umum",
    standardHours: 37.5,
    retirementAge: 58,
    isTeacher: false,
    hoursPerRombel: null,
  },
];

// Subject teachers with a teaching degree may teach an SD class (and the SD subjects they share).
export const COMPATIBILITY = [
  { from: "GURU_MTK", to: "GURU_KELAS" },
  { from: "GURU_IPA", to: "GURU_KELAS" },
  { from: "GURU_BIN", to: "GURU_KELAS" },
  { from: "GURU_IPS", to: "GURU_KELAS" },
  { from: "GURU_BING", to: "GURU_KELAS" },
  { from: "PENGADMIN", to: "TENDIK" },
];

export const KAMPUNG = [
  "Salor",
  "Salor Indah",
  "Kurik",
  "Jaya Makmur",
  "Harapan Makmur",
  "Wonorejo",
  "Kaliki",
  "Sumber Mulya",
  "Telaga Sari",
  "Candra Jaya",
  "Sumber Harapan",
  "Ivimahad",
  "Anumbob",
  "Padang Raharja",
  "Kaiburse",
  "Sumber Rejeki",
  "Tambat",
  "Waninggap Nanggo",
  "Bersehati",
  "Wapeko",
  "Kumbe",
  "Onggari",
];

export const GIVEN = [
  "Agus",
  "Ani",
  "Bambang",
  "Dewi",
  "Eko",
  "Fransiska",
  "Gabriel",
  "Hendrika",
  "Irma",
  "Yohanes",
  "Kristina",
  "Lukas",
  "Maria",
  "Nikolaus",
  "Oktovianus",
  "Paulina",
  "Rina",
  "Samuel",
  "Theresia",
  "Urbanus",
  "Veronika",
  "Wahyu",
  "Yuliana",
  "Zakaria",
  "Siti",
  "Budi",
  "Margaretha",
  "Petrus",
  "Sri",
  "Antonius",
  "Nur",
  "Yosef",
  "Elisabeth",
  "Hasan",
  "Ruth",
];
export const FAMILY = [
  "Gebze",
  "Mahuze",
  "Kaize",
  "Balagaize",
  "Ndiken",
  "Basik-Basik",
  "Samkakai",
  "Wulandari",
  "Santoso",
  "Rahayu",
  "Siregar",
  "Latumahina",
  "Rumbiak",
  "Wonda",
  "Kambu",
  "Sitorus",
  "Pattiasina",
  "Nugroho",
  "Lestari",
  "Haryanto",
];

export const SMP_PLACES = ["Salor", "Kurik", "Jaya Makmur", "Sumber Mulya", "Kaliki", "Kumbe"];

export const SMP_SUBJECTS = [
  "GURU_MTK",
  "GURU_IPA",
  "GURU_BIN",
  "GURU_BING",
  "GURU_IPS",
  "GURU_PJOK",
  "GURU_PAI",
];

// Puskesmas network: one overloaded, one with a spare nurse.
export const PUSKESMAS = [
  { code: "PKM-KURIK", name: "Puskesmas Kurik", nurses: 5, midwives: 3, need: [8, 4] },
  { code: "PKM-SALOR", name: "Puskesmas Salor", nurses: 7, midwives: 4, need: [6, 4] },
  { code: "PKM-KUMBE", name: "Puskesmas Kumbe", nurses: 4, midwives: 2, need: [5, 3] },
];

export const AGENCIES = [
  { code: "DISDIK", name: "Dinas Pendidikan dan Kebudayaan Kabupaten Merauke" },
  { code: "DINKES", name: "Dinas Kesehatan Kabupaten Merauke" },
  { code: "BKPSDM", name: "BKPSDM Kabupaten Merauke" },
];
