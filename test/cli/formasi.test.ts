import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCommand } from "../../src/cli/commands/export.ts";
import { importCommand } from "../../src/cli/commands/import.ts";
import { whatIfCommand } from "../../src/cli/commands/what-if.ts";
import { seedDemo } from "../../src/use-cases/imports/index.ts";
import { testCli } from "../support/cli.ts";
import { useTestDatabase } from "../support/db.ts";
import { reconcileFormasi } from "../support/formasi.ts";
import { fixedClock } from "../support/harness.ts";
import { xlsxFile } from "../support/import-files.ts";

describe("cli export formasi and cli what-if on the demo (issue 28)", () => {
  const db = useTestDatabase();
  const clock = fixedClock("2026-12-07T00:30:00Z");
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-formasi-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const seed = () =>
    db.prisma.$transaction((tx) => seedDemo(tx, { now: clock.now(), timeZone: "Asia/Jayapura" }), {
      timeout: 60_000,
    });

  it("the sheet reconciles with status --json and check --json, and its retirements with the birth dates", async () => {
    await seed();
    const sheets = await reconcileFormasi(db.prisma, clock);
    const rows = sheets.Formasi ?? [];
    expect(rows.length).toBeGreaterThan(50);
    // The demo has needs only hiring fills (nurses, midwives, PAI and PJOK teachers) and people retiring.
    expect(rows.some((r) => (r["Tidak terpenuhi mutasi"] as number) > 0)).toBe(true);
    expect((sheets.Pensiun ?? []).length).toBeGreaterThan(0);
    // A class teacher's post asks for a PGSD degree unless an admin set another.
    expect(rows.find((r) => r["Kode Jabatan"] === "GURU_KELAS")?.["Kualifikasi Pendidikan"]).toBe(
      "S-1/D-IV PGSD",
    );
    // Each year's request covers that year's active retirements, less what a unit has to spare.
    for (const r of rows) {
      const requests = [2027, 2028, 2029, 2030, 2031].map((y) => r[`Usulan ${y}`] as number);
      const retiring = [2027, 2028, 2029, 2030, 2031].map((y) => r[`Pensiun ${y}`] as number);
      expect(requests.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
        (r["Tidak terpenuhi mutasi"] as number) + retiring.reduce((a, b) => a + b, 0),
      );
    }
  });

  it("the role's qualification from the jabatan sheet is what the formasi sheet states; --years and bad arguments are checked", async () => {
    await seed();
    // The qualification comes from the jabatan sheet, the reference data operators already keep.
    const sheet = join(dir, "jabatan.xlsx");
    await writeFile(
      sheet,
      await xlsxFile({
        jabatan: [
          ["kode", "jam_standar", "kualifikasi"],
          ["PERAWAT", 37.5, "D-III Keperawatan"],
        ],
      }),
    );
    const imported = testCli(db.prisma, { clock });
    await importCommand.run([sheet], imported.ctx);
    expect(imported.out).toContain("  roles:     0 created, 1 updated, 0 unchanged");
    const out = join(dir, "tiga.xlsx");
    const run = testCli(db.prisma, { clock });
    await exportCommand.run(["formasi", "--out", out, "--years", "3"], run.ctx);
    expect(run.out[0]).toMatch(/requests 2027 \d+, 2028 \d+, 2029 \d+\.$/);
    const { readWorkbook } = await import("../support/formasi.ts");
    const sheets = await readWorkbook(out);
    const nurse = sheets.Formasi?.find((r) => r["Kode Jabatan"] === "PERAWAT");
    expect(nurse?.["Kualifikasi Pendidikan"]).toBe("D-III Keperawatan");
    expect(nurse).toHaveProperty("Usulan 2029");
    expect(nurse).not.toHaveProperty("Usulan 2030");
    for (const args of [
      ["formasi", "--out", join(dir, "x.csv")],
      ["formasi", "--out", out, "--years", "0"],
      ["formasi", "--out", out, "--years", "lima"],
      ["formasi"],
    ])
      await expect(exportCommand.run(args, testCli(db.prisma, { clock }).ctx)).rejects.toThrow(
        /usage|--years|\.xlsx/,
      );
  });

  it("what-if plans the district as changed and says before → after; a bad file changes nothing", async () => {
    await seed();
    const changes = join(dir, "changes.json");
    await writeFile(
      changes,
      JSON.stringify({ rombel: [{ unit: "SDN-01", rombel: 18 }], leaving: ["199912312020121999"] }),
    );
    const run = testCli(db.prisma, { clock });
    await whatIfCommand.run(["--input", changes], run.ctx);
    const text = run.out.join("\n");
    expect(text).toMatch(/^🧪 What-if \(nothing is saved\)\nChanges: SDN-01: 18 rombel; people leaving: 1\n/);
    expect(text).toMatch(/Shortfall after the plan: [\d,.]+ JP \+ [\d,.]+ h → [\d,.]+ JP \+ [\d,.]+ h/);
    expect(text).toMatch(/• SD Negeri 1 Salor — Guru Kelas SD: need 288 JP → 432 JP/);
    // The NIP is no one's: said, not guessed.
    expect(text).toContain("⚠️ Unknown and ignored: 199912312020121999");
    expect(text).not.toMatch(/<\/?b>|&lt;|&amp;/);
    const json = testCli(db.prisma, { clock });
    await whatIfCommand.run(["--input", changes, "--json"], json.ctx);
    expect(JSON.parse(json.out.join("\n"))).toMatchObject({ unknown: ["199912312020121999"] });

    await writeFile(changes, JSON.stringify({ rombel: [{ unit: "SDN-01", rombel: -1 }] }));
    await expect(whatIfCommand.run(["--input", changes], testCli(db.prisma, { clock }).ctx)).rejects.toThrow(
      /rombel\.0\.rombel/,
    );
    await expect(whatIfCommand.run(["--input"], testCli(db.prisma, { clock }).ctx)).rejects.toThrow(/usage/);
    expect(await db.prisma.proposal.count()).toBe(0);
  });
});
