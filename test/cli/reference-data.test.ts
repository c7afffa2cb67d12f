import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compatCommand } from "../../src/cli/commands/compat.ts";
import { importCommand } from "../../src/cli/commands/import.ts";
import { rolesCommand } from "../../src/cli/commands/roles.ts";
import { statusCommand } from "../../src/cli/commands/status.ts";
import { useTestDatabase } from "../support/db.ts";
import { testCli } from "../support/cli.ts";
import { csvFile, employeeHeader, makeNip, unitHeader, xlsxFile } from "../support/import-files.ts";
import { jabatanHeader, jabatanRows, kesesuaianHeader, kesesuaianRows } from "../support/reference-files.ts";

describe("cli roles, compat and the reference import", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-ref-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cli = () => testCli(db.prisma, { dataDir: dir });

  it("imports a jabatan + kesesuaian workbook (dry run first), then lists, changes and removes", async () => {
    const path = join(dir, "referensi.xlsx");
    await writeFile(
      path,
      await xlsxFile({
        jabatan: [jabatanHeader, ...jabatanRows],
        kesesuaian: [kesesuaianHeader, ...kesesuaianRows, ["GURU_AGAMA", "GURU_KELAS", ""]],
      }),
    );
    const dry = cli();
    await importCommand.run([path, "--dry-run"], dry.ctx);
    expect(dry.out).toContain("  roles:     5 created, 0 updated, 0 unchanged");
    expect(dry.out).toContain("  would create role GURU_KELAS");
    expect(await db.prisma.role.count()).toBe(0);

    const real = cli();
    await importCommand.run([path], real.ctx);
    expect(real.out).toContain("  compatibility: 2 created, 0 updated, 0 unchanged");
    expect(real.out).toContain(
      "  kesesuaian line 4 [GURU_AGAMA>GURU_KELAS]: role GURU_AGAMA is unknown; add it to the jabatan sheet or check the code",
    );
    const again = cli();
    await importCommand.run([path], again.ctx);
    expect(again.out).toContain("  roles:     0 created, 0 updated, 5 unchanged");

    const list = cli();
    await rolesCommand.run(["--json"], list.ctx);
    const roles = JSON.parse(list.out[0]!) as Array<{ code: string; fills: Array<{ code: string }> }>;
    expect(roles.find((r) => r.code === "GURU_IPA")?.fills.map((f) => f.code)).toEqual(["GURU_KELAS"]);

    const set = cli();
    await rolesCommand.run(["set", "tu_sekolah", "--hours", "37,5", "--bup", "58", "--unit", "jam"], set.ctx);
    expect(set.out[0]).toMatch(/^Updated TU_SEKOLAH .* 37\.5 h\/week, BUP 58 \(set\)$/);
    expect(await db.prisma.role.findUniqueOrThrow({ where: { code: "TU_SEKOLAH" } })).toMatchObject({
      retirementAge: 58,
      retirementAgeSet: true,
    });
    expect(await db.prisma.auditLog.count({ where: { action: "role.update", entityId: "TU_SEKOLAH" } })).toBe(
      1,
    );
    // Back to the regulation: the admin's 58 is dropped, and the line says "rule" again.
    const back = cli();
    await rolesCommand.run(["set", "TU_SEKOLAH", "--bup", "rule"], back.ctx);
    expect(back.out[0]).toMatch(/^Updated TU_SEKOLAH .* BUP 58 \(rule\)$/);
    expect(await db.prisma.role.findUniqueOrThrow({ where: { code: "TU_SEKOLAH" } })).toMatchObject({
      retirementAgeSet: false,
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "role.update", entityId: "TU_SEKOLAH" },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toMatchObject({ retirementAge: "rule", retirementAgeSet: false });

    // Issue 28: the education the formasi sheet states for the role, set and then given back to the rule.
    const qualified = cli();
    await rolesCommand.run(
      ["set", "TU_SEKOLAH", "--qualification", "D-III Administrasi Perkantoran"],
      qualified.ctx,
    );
    expect(qualified.out[0]).toMatch(/, D-III Administrasi Perkantoran \(set\)$/);
    const derived = cli();
    await rolesCommand.run(["set", "GURU_KELAS", "--qualification", "rule"], derived.ctx);
    expect(derived.out[0]).toMatch(/, S-1\/D-IV PGSD \[teacher\]$|, S-1\/D-IV PGSD$/);
    await expect(rolesCommand.run(["set", "GURU_KELAS", "--qualification"], cli().ctx)).rejects.toMatchObject(
      {
        message: expect.stringContaining("--qualification needs the education"),
      },
    );

    await compatCommand.run(["add", "GURU_IPA", "GURU_MTK", "--note", "serumpun MIPA"], cli().ctx);
    const pairs = cli();
    await compatCommand.run(["list"], pairs.ctx);
    expect(pairs.out).toContain("GURU_IPA → GURU_MTK  (serumpun MIPA)");
    await compatCommand.run(["remove", "GURU_IPA", "GURU_MTK"], cli().ctx);
    expect(await db.prisma.roleCompatibility.count()).toBe(2);
    expect(await db.prisma.auditLog.count({ where: { entity: "compatibility" } })).toBe(4);
  });

  it("answers operator mistakes with exit 1 and bad usage with exit 2, changing nothing", async () => {
    await db.prisma.role.create({ data: { code: "GURU_KELAS", name: "Guru Kelas SD" } });
    await expect(rolesCommand.run(["set", "GURU_X", "--teacher"], cli().ctx)).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining("Role GURU_X does not exist"),
    });
    await expect(rolesCommand.run(["set", "GURU_KELAS", "--bup", "99"], cli().ctx)).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(rolesCommand.run(["set", "GURU_KELAS", "--unit", "menit"], cli().ctx)).rejects.toMatchObject(
      {
        exitCode: 2,
      },
    );
    // The operator reads a sentence, not the error's code (issue 26: these two printed "role_unknown").
    await expect(compatCommand.run(["add", "GURU_KELAS", "GURU_X"], cli().ctx)).rejects.toMatchObject({
      exitCode: 1,
      message: "No role has the code GURU_X; the list of roles shows every code.",
    });
    await expect(compatCommand.run(["remove", "GURU_KELAS", "GURU_KELAS"], cli().ctx)).rejects.toMatchObject({
      exitCode: 1,
      message: "Role GURU_KELAS always fills itself; nothing to pair.",
    });
    await expect(compatCommand.run(["add", "GURU_KELAS"], cli().ctx)).rejects.toMatchObject({ exitCode: 2 });
    await expect(compatCommand.run(["swap"], cli().ctx)).rejects.toMatchObject({ exitCode: 2 });
    expect(await db.prisma.auditLog.count()).toBe(0);
  });

  it("shows roles an employee file created as needing review in status, until roles set reviews them", async () => {
    const units = join(dir, "unit.csv");
    await writeFile(units, csvFile([unitHeader, ["SDN-01", "SD Negeri 1 Salor", "SD", "DISDIK", "", ""]]));
    await importCommand.run([units], cli().ctx);
    const employees = join(dir, "pegawai.csv");
    await writeFile(
      employees,
      csvFile([
        [...employeeHeader, "Nama Jabatan"],
        [
          makeNip("1990-05-17", "2015-03", 1, 4),
          "Anto Gebze",
          "SDN-01",
          "GURU_KELAS",
          24,
          "",
          "2019-07-01",
          "Guru Kelas",
        ],
      ]),
    );
    await importCommand.run([employees], cli().ctx);
    const status = cli();
    await statusCommand.run([], status.ctx);
    expect(status.out.join("\n")).toContain("Roles needing review: 1 (GURU_KELAS)");
    const json = cli();
    await statusCommand.run(["--json"], json.ctx);
    expect(JSON.parse(json.out[0]!).rolesNeedingReview).toEqual(["GURU_KELAS"]);

    await rolesCommand.run(
      ["set", "GURU_KELAS", "--teacher", "--hours", "24", "--unit", "JP", "--bup", "60"],
      cli().ctx,
    );
    const after = cli();
    await statusCommand.run(["--json"], after.ctx);
    expect(JSON.parse(after.out[0]!).rolesNeedingReview).toEqual([]);
  });
});
