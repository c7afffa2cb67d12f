import { describe, expect, it } from "vitest";
import { resolveUnitAreas } from "../../src/import/area-codes.ts";
import type { RawArea, UnitInput } from "../../src/import/unit-row.ts";

const unit = (line: number, rawArea: RawArea): UnitInput => ({
  sheet: null,
  line,
  key: `U${line}`,
  source: { headers: [], row: { line, cells: [] } },
  rawArea,
});

const area = (u: UnitInput) => [u.kecamatanCode, u.kecamatan, u.desaCode, u.desa];

describe("kecamatan and desa by Kemendagri's codes (idn-area-data)", () => {
  it("finds Distrik Kurik and Kampung Salor Indah however the file spells them", async () => {
    const rows = [
      unit(2, { kecamatan: "Kec. Kurik", desa: "Salor Indah" }),
      unit(3, { kecamatan: "DISTRIK KURIK", desa: "Kampung Salor Indah" }),
      unit(4, { kecamatan: "kurik", desa: "Desa  Ivimahad" }),
      // Dapodik's own kode_wilayah is no Kemendagri code: the name decides.
      unit(5, { kecamatan: "Kurik", kecamatanCode: "256001" }),
      unit(6, { kecamatanCode: "930111", desaCode: "9301112009" }),
      unit(7, { kecamatanCode: "93.01.11" }),
    ];
    expect(await resolveUnitAreas(rows)).toEqual([]);
    expect(rows.map(area)).toEqual([
      ["93.01.11", "Kurik", "93.01.11.2009", "Salor Indah"],
      ["93.01.11", "Kurik", "93.01.11.2009", "Salor Indah"],
      ["93.01.11", "Kurik", "93.01.11.2008", "Ivimahad"],
      ["93.01.11", "Kurik", undefined, undefined],
      ["93.01.11", "Kurik", "93.01.11.2009", "Salor Indah"],
      ["93.01.11", "Kurik", undefined, undefined],
    ]);
  });

  it("resolves a name five regencies share inside the regency most rows match, and warns about what it cannot find", async () => {
    const rows = [
      unit(2, { kecamatan: "Wonosari" }),
      unit(3, { kecamatan: "Playen" }),
      unit(4, { kecamatan: "Semanu", desa: "Desa Yang Tidak Ada" }),
      unit(5, { kecamatan: "Kec. Entah", desa: "Entah Lama" }),
      unit(6, { desa: "Sendiri" }),
    ];
    const warnings = await resolveUnitAreas(rows);
    expect(rows.map(area)).toEqual([
      ["34.03.01", "Wonosari", undefined, undefined],
      ["34.03.03", "Playen", undefined, undefined],
      ["34.03.08", "Semanu", null, "Desa Yang Tidak Ada"],
      [null, "Kec. Entah", null, "Entah Lama"],
      [undefined, undefined, null, "Sendiri"],
    ]);
    expect(warnings.map((w) => [w.line, w.code, w.params])).toEqual([
      [4, "desa_unknown", { name: "Desa Yang Tidak Ada", kecamatan: "Semanu" }],
      [5, "kecamatan_unknown", { name: "Kec. Entah" }],
      [6, "desa_unknown", { name: "Sendiri", kecamatan: "-" }],
    ]);
  });

  it("does not load the dataset for a file without area columns", async () => {
    const load = () => Promise.reject(new Error("loaded"));
    const rows = [unit(2, {})];
    expect(await resolveUnitAreas(rows, load)).toEqual([]);
    expect(rows[0]?.kecamatan).toBeUndefined();
  });
});
