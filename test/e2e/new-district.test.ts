// Issue 13, "done when": a new operator with a district's own exports — the schools list, SIASN's data
// utama, Dapodik's PTK list — and a jabatan + kesesuaian workbook, and no SQL, gets a check that
// proposes SMP → SD transfers; the snapshot shows capacity as the role's standard, not hours taught.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCommand } from "../../src/cli/commands/check.ts";
import { importCommand } from "../../src/cli/commands/import.ts";
import { snapshotCommand } from "../../src/cli/commands/snapshot.ts";
import type { PlanInput } from "../../src/domain/balance/index.ts";
import { testCli } from "../support/cli.ts";
import { dapodikXlsx, type DapodikPerson } from "../support/dapodik-files.ts";
import { useTestDatabase } from "../support/db.ts";
import { reconcileFormasi } from "../support/formasi.ts";
import { fixedClock } from "../support/harness.ts";
import { makeNip, xlsxFile } from "../support/import-files.ts";
import { jabatanHeader, jabatanRows, kesesuaianHeader, kesesuaianRows } from "../support/reference-files.ts";
import { schoolsCsv, type School } from "../support/schools-file.ts";
import { makeNiPppk, pnsIdOf, siasnCsv, type SiasnPerson } from "../support/siasn-files.ts";

const SD_SALOR = { npsn: "60300101", unorId: "8AE48288597FAC650159824E03AA2470" };
const SD_KALIKI = { npsn: "60300103", unorId: "8AE48288597FAC650159824E03AA2472" };
const SMP_KURIK = { npsn: "60300102", unorId: "8AE48288597FAC650159824E03AA2471" };

const school = (
  codes: { npsn: string; unorId: string },
  name: string,
  bentuk: string,
  rombel: number,
  desa: string,
  lat: number,
): School => ({
  ...codes,
  name,
  bentuk,
  status: "NEGERI",
  kecamatan: "Kec. Kurik",
  desa,
  lat,
  lon: 140.3,
  rombel,
});

const schools: School[] = [
  school(SD_SALOR, "SD Negeri Salor Indah", "SD", 9, "Salor Indah", -8.21),
  // No class teacher at all: the need is its rombel × 24 all the same.
  school(SD_KALIKI, "SD Negeri Kaliki", "SD", 6, "Kaliki", -8.3),
  school(SMP_KURIK, "SMP Negeri 2 Kurik", "SMP", 6, "Kurik", -8.25),
];

interface Teacher {
  nip: string;
  name: string;
  at: { npsn: string; unorId: string };
  dapodik: { jenisPtk: string; mapel: string; jjm: number; sertifikasi?: string };
}

// Three class teachers for nine rombel; four IPA teachers who together teach 6 rombel × 5 JP = 30 JP.
const teachers: Teacher[] = [
  ...[1, 2, 3].map((n) => ({
    nip: makeNip(`198${n}-02-1${n}`, "2010-03", 2, n),
    name: `Guru Kelas ${n}`,
    at: SD_SALOR,
    dapodik: { jenisPtk: "Guru Kelas", mapel: "Guru Kelas SD/MI/SLB", jjm: 24 },
  })),
  {
    nip: makeNip("1984-05-17", "2009-03", 1, 11),
    name: "Yosef Gebze",
    at: SMP_KURIK,
    dapodik: {
      jenisPtk: "Guru Mapel",
      mapel: "Ilmu Pengetahuan Alam (IPA)",
      jjm: 12,
      sertifikasi: "Ilmu Pengetahuan Alam (IPA)",
    },
  },
  {
    nip: makeNip("1986-07-01", "2011-03", 2, 12),
    name: "Maria Kaize",
    at: SMP_KURIK,
    dapodik: { jenisPtk: "Guru Mapel", mapel: "Ilmu Pengetahuan Alam (IPA)", jjm: 8 },
  },
  {
    nip: makeNip("1988-09-09", "2012-03", 1, 13),
    name: "Petrus Mahuze",
    at: SMP_KURIK,
    dapodik: { jenisPtk: "Guru Mapel", mapel: "Ilmu Pengetahuan Alam (IPA)", jjm: 6 },
  },
  {
    nip: makeNiPppk("1991-03-12", 2022, 2, 7),
    name: "Agustina Ndiken",
    at: SMP_KURIK,
    dapodik: { jenisPtk: "Guru Mapel", mapel: "Ilmu Pengetahuan Alam (IPA)", jjm: 4 },
  },
];

const siasnPeople: SiasnPerson[] = teachers.map((t, i) => ({
  pnsId: pnsIdOf(900 + i),
  nip: t.nip,
  nama: t.name.toUpperCase(),
  unorId: t.at.unorId,
  jabatan: t.nip.slice(12, 14) === "21" ? "Guru Ahli Pertama" : "Guru Ahli Muda",
  tmtJabatan: "2018-07-01",
}));

const dapodikPeople: DapodikPerson[] = teachers.map((t) => ({
  nama: t.name,
  nip: t.nip,
  npsn: t.at.npsn,
  status: t.nip.slice(12, 14) === "21" ? "PPPK" : "PNS",
  jenisPtk: t.dapodik.jenisPtk,
  mapel: t.dapodik.mapel,
  jjm: t.dapodik.jjm,
  ...(t.dapodik.sertifikasi ? { sertifikasi: t.dapodik.sertifikasi } : {}),
}));

describe("a new district from its own exports, without SQL", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-district-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cli = () => testCli(db.prisma, { dataDir: dir, clock: fixedClock("2026-12-01T01:00:00Z") });
  const importFile = async (name: string, content: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, content);
    const run = cli();
    await importCommand.run([path], run.ctx);
    return run.out;
  };

  it("imports the four files, snapshots teachers at 24 JP and needs by rombel, and proposes SMP → SD", async () => {
    const reference = await xlsxFile({
      jabatan: [jabatanHeader, ...jabatanRows],
      kesesuaian: [kesesuaianHeader, ...kesesuaianRows],
    });
    await importFile("referensi.xlsx", reference);
    const schoolsOut = await importFile("sekolah.csv", schoolsCsv(schools));
    expect(schoolsOut).toContain("  units:     3 created, 0 updated, 0 unchanged");
    // SIASN first: it knows the UNOR and golongan, not the teaching role; Dapodik then gives it.
    const siasnOut = await importFile("siasn-data-utama.csv", siasnCsv(siasnPeople));
    const dapodikOut = await importFile(
      "dapodik-ptk.xlsx",
      await dapodikXlsx(dapodikPeople, "SMP NEGERI 2 KURIK"),
    );
    for (const out of [siasnOut, dapodikOut])
      expect(out.join("\n")).not.toMatch(/Rejected rows|Unit differs/);
    expect(await db.prisma.employee.count()).toBe(7);
    expect(
      await db.prisma.employee.count({ where: { role: { code: { in: ["GURU_KELAS", "GURU_IPA"] } } } }),
    ).toBe(7);
    const pppk = await db.prisma.employee.findUniqueOrThrow({ where: { nip: teachers[6]!.nip } });
    expect(pppk).toMatchObject({ asnKind: "PPPK", golongan: "IX", hoursTaught: 4, weeklyHours: 24 });
    const smp = await db.prisma.unit.findUniqueOrThrow({ where: { npsn: SMP_KURIK.npsn } });
    expect(smp).toMatchObject({ unorId: SMP_KURIK.unorId, rombel: 6, kecamatanCode: "93.01.11" });

    // A second run of every file changes nothing.
    const again = await importFile("siasn-data-utama.csv", siasnCsv(siasnPeople));
    expect(again).toContain("  employees: 0 created, 0 updated, 7 unchanged");

    const snapshotPath = join(dir, "snapshot.json");
    await snapshotCommand.run(["--out", snapshotPath], cli().ctx);
    const snapshot = JSON.parse(await readFile(snapshotPath, "utf8")) as PlanInput;
    const codeOf = async (npsn: string) => (await db.prisma.unit.findUniqueOrThrow({ where: { npsn } })).code;
    const smpTeachers = snapshot.employees.filter((e) => e.role === "GURU_IPA");
    expect(smpTeachers).toHaveLength(4);
    for (const e of smpTeachers) expect(e.hours).toBe(24);
    const need = (unit: string, role: string) =>
      snapshot.demand.filter((d) => d.unit === unit && d.role === role).reduce((a, d) => a + d.hours, 0);
    expect(need(await codeOf(SD_SALOR.npsn), "GURU_KELAS")).toBe(9 * 24);
    expect(need(await codeOf(SD_KALIKI.npsn), "GURU_KELAS")).toBe(6 * 24);
    // 6 rombel × 5 JP of IPA, which is what the four teach together: 72 JP of surplus.
    expect(need(await codeOf(SMP_KURIK.npsn), "GURU_IPA")).toBe(6 * 5);
    expect(need(await codeOf(SMP_KURIK.npsn), "GURU_IPA")).toBe(12 + 8 + 6 + 4);

    const check = cli();
    await checkCommand.run(["--json"], check.ctx);
    const result = JSON.parse(check.out.join("\n")) as {
      proposals: Array<{ from: string; to: string; role: string }>;
      certifiedUnderStandard: Array<{ nip: string }>;
    };
    expect(result.proposals.length).toBeGreaterThan(0);
    for (const p of result.proposals) {
      // Units by their code (here their NPSN, as the schools file gave no project code), roles by code.
      expect(p.from).toBe(SMP_KURIK.npsn);
      expect([SD_SALOR.npsn, SD_KALIKI.npsn]).toContain(p.to);
      expect(p.role).toBe("GURU_KELAS");
    }
    // The certified IPA teacher at 12 JP is flagged: the professional allowance needs 24 JP.
    expect(result.certifiedUnderStandard.map((c) => c.nip)).toEqual([teachers[3]!.nip]);

    // Issue 28: the formasi sheet of the imported district reconciles with status and check, person by person.
    const sheets = await reconcileFormasi(db.prisma, fixedClock("2026-12-01T01:00:00Z"));
    const kaliki = sheets.Formasi?.find(
      (r) => r["Kode Unit"] === SD_KALIKI.npsn && r["Kode Jabatan"] === "GURU_KELAS",
    );
    // Six rombel, nobody there: six class teachers of need, none in post.
    expect(kaliki).toMatchObject({ Kebutuhan: 6, Bezetting: 0, Kekurangan: 6 });
  });
});
