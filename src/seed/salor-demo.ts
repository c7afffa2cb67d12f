/**
 * A realistic, deterministic dataset for Salor (Distrik Kurik, Merauke): the education office's SD
 * short of class teachers and SMP with under-loaded subject teachers, plus a Puskesmas network and
 * an office. Pure: the same seed gives the same district.
 */

import {
  AGENCIES,
  COMPATIBILITY,
  FAMILY,
  GIVEN,
  KAMPUNG,
  PUSKESMAS,
  ROLES,
  SMP_PLACES,
  SMP_SUBJECTS,
  type DemoDataset,
  type DemoEmployee,
  type DemoUnit,
} from "./salor-data.ts";
import { mulberry32 } from "./random.ts";

export type { DemoDataset, DemoEmployee, DemoRole, DemoUnit } from "./salor-data.ts";

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function generateSalorDemo(now: Date, seed = 20261129): DemoDataset {
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nowYear = now.getUTCFullYear();
  const roleByCode = new Map(ROLES.map((r) => [r.code, r]));
  const usedNips = new Set<string>();

  const units: DemoUnit[] = [];
  const employees: DemoEmployee[] = [];
  const workload: DemoDataset["workload"] = [];
  const vacancies: DemoDataset["vacancies"] = [];

  // Salor lies in Distrik Kurik, north-west of Merauke town; units spread over about 50 × 50 km.
  const place = () => ({
    lat: Number((-8.05 - random() * 0.4).toFixed(4)),
    lon: Number((140.1 + random() * 0.45).toFixed(4)),
  });

  function person(
    unit: string,
    role: string,
    options: { young?: boolean; nearRetirement?: boolean; recent?: boolean } = {},
  ) {
    const spec = roleByCode.get(role)!;
    const age = options.nearRetirement
      ? spec.retirementAge - 1
      : options.young
        ? int(26, 32)
        : int(30, spec.retirementAge - 3);
    const birthDate = day(nowYear - age, int(1, 12), int(1, 28));
    const cpnsYear = Math.min(nowYear - 1, birthDate.getUTCFullYear() + int(23, 30));
    const cpnsMonth = int(1, 12);
    const sex = random() < 0.55 ? 2 : 1;
    let nip: string;
    for (let seq = int(1, 400); ; seq++) {
      nip = `${birthDate.getUTCFullYear()}${pad(birthDate.getUTCMonth() + 1, 2)}${pad(birthDate.getUTCDate(), 2)}${cpnsYear}${pad(cpnsMonth, 2)}${sex}${pad(seq % 999 || 1, 3)}`;
      if (!usedNips.has(nip)) break;
    }
    usedNips.add(nip);
    const earliest = Math.max(cpnsYear + 1, nowYear - 12);
    const postYear = options.recent ? nowYear - 1 : int(Math.min(earliest, nowYear - 3), nowYear - 3);
    const given =
      sex === 2 ? pick(GIVEN.filter((_, i) => i % 2 === 1)) : pick(GIVEN.filter((_, i) => i % 2 === 0));
    employees.push({
      nip,
      name: `${given} ${pick(FAMILY)}`,
      unit,
      role,
      weeklyHours: spec.standardHours,
      birthDate,
      postSince: day(postYear, int(1, 12), 1),
    });
  }

  // 22 primary schools: class teachers short by 1–3, one of them with none left.
  KAMPUNG.forEach((kampung, index) => {
    const code = `SDN-${pad(index + 1, 2)}`;
    units.push({ code, name: `SD Negeri ${index + 1} ${kampung}`, kind: "SD", agency: "DISDIK", ...place() });
    const rombel = index % 5 === 0 ? int(9, 12) : int(6, 7);
    const shortBy = index === 4 ? rombel : index % 3 === 0 ? int(2, 3) : int(0, 2);
    for (let i = 0; i < rombel - shortBy; i++)
      person(code, "GURU_KELAS", {
        recent: i === 0 && index % 4 === 1,
        nearRetirement: i === 1 && index % 6 === 2,
      });
    person(code, "GURU_PJOK");
    person(code, "GURU_PAI");
    person(code, "KEPSEK");
    if (index % 2 === 0) person(code, "TENDIK");
    workload.push({ unit: code, role: "GURU_KELAS", hours: rombel * 24, rombel });
    workload.push({ unit: code, role: "GURU_PJOK", hours: rombel * 3, rombel });
    workload.push({ unit: code, role: "GURU_PAI", hours: rombel * 3, rombel });
    if (shortBy > 0 && index % 2 === 1) {
      vacancies.push({
        unit: code,
        role: "GURU_KELAS",
        count: Math.min(shortBy, 2),
        reason: index % 4 === 1 ? "PENSIUN" : "MUTASI_KELUAR",
        since: day(nowYear, Math.max(1, now.getUTCMonth() - 1), 1),
      });
    }
  });

  // 6 junior high schools: enough subject teachers for more classes than they now have.
  SMP_PLACES.forEach((kampung, index) => {
    const code = `SMPN-${pad(index + 1, 2)}`;
    units.push({
      code,
      name: `SMP Negeri ${index + 1} ${kampung}`,
      kind: "SMP",
      agency: "DISDIK",
      ...place(),
    });
    const rombel = int(6, 9);
    for (const subject of SMP_SUBJECTS) {
      const perRombel = roleByCode.get(subject)!.hoursPerRombel!;
      const needed = rombel * perRombel;
      const teachers =
        Math.max(1, Math.ceil(needed / 24)) +
        (subject === "GURU_PJOK" || subject === "GURU_PAI" ? 0 : int(1, 2));
      for (let i = 0; i < teachers; i++) person(code, subject, { young: i === 0 });
      workload.push({ unit: code, role: subject, hours: needed, rombel });
    }
    person(code, "KEPSEK");
    person(code, "TENDIK");
    person(code, "TENDIK");
  });

  // Puskesmas network: one overloaded, one with a spare nurse.
  for (const p of PUSKESMAS) {
    units.push({ code: p.code, name: p.name, kind: "PUSKESMAS", agency: "DINKES", ...place() });
    for (let i = 0; i < p.nurses; i++) person(p.code, "PERAWAT");
    for (let i = 0; i < p.midwives; i++) person(p.code, "BIDAN");
    person(p.code, "DOKTER");
    person(p.code, "PENGADMIN");
    workload.push({ unit: p.code, role: "PERAWAT", hours: p.need[0]! * 37.5, rombel: null });
    workload.push({ unit: p.code, role: "BIDAN", hours: p.need[1]! * 37.5, rombel: null });
  }

  units.push({
    code: "BKPSDM",
    name: "BKPSDM Kabupaten Merauke",
    kind: "KANTOR",
    agency: "BKPSDM",
    lat: -8.4932,
    lon: 140.4018,
  });
  for (let i = 0; i < 6; i++) person("BKPSDM", "ANALIS_SDM");
  for (let i = 0; i < 8; i++) person("BKPSDM", "PENGADMIN");
  workload.push({ unit: "BKPSDM", role: "PENGADMIN", hours: 6 * 37.5, rombel: null });

  return {
    agencies: AGENCIES,
    roles: ROLES,
    compatibility: COMPATIBILITY,
    units,
    employees,
    workload,
    vacancies,
  };
}
