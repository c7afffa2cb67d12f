import { describe, expect, it } from "vitest";
import { hasDataTables, mapReferenceTables, mapTables, referenceKindOf } from "../../src/import/columns.ts";
import { readImportFile, type RawTable } from "../../src/import/read-file.ts";
import { csvFile, employeeHeader, unitHeader, xlsxFile } from "../support/import-files.ts";
import { jabatanHeader, jabatanRows, kesesuaianHeader, kesesuaianRows } from "../support/reference-files.ts";

const table = (sheet: string | null, headers: string[]): RawTable => ({ sheet, headers, rows: [] });

describe("telling jabatan and kesesuaian sheets from units and employees", () => {
  it("sorts a workbook with units, jabatan, kesesuaian and instructions", async () => {
    const tables = await readImportFile(
      await xlsxFile({
        Petunjuk: [["Cara mengisi"], ["Isi kode tanpa spasi", "contoh"]],
        "Unit Kerja": [unitHeader, ["SDN-01", "SD Negeri 1 Salor", "SD", "DISDIK", "", ""]],
        JABATAN: [jabatanHeader, ...jabatanRows],
        Kesesuaian: [kesesuaianHeader, ...kesesuaianRows],
      }),
      "referensi.xlsx",
    );
    expect(mapTables(tables).map((m) => [m.kind, m.table.sheet])).toEqual([["units", "Unit Kerja"]]);
    expect(mapReferenceTables(tables).map((m) => [m.kind, m.table.sheet])).toEqual([
      ["roles", "JABATAN"],
      ["compatibility", "Kesesuaian"],
    ]);
  });

  it("knows a table by its columns when the sheet name says nothing", async () => {
    expect(referenceKindOf(table("Sheet1", jabatanHeader))).toBe("roles");
    expect(referenceKindOf(table("Sheet2", ["Dari", "Ke"]))).toBe("compatibility");
    const [csv] = await readImportFile(csvFile([jabatanHeader, jabatanRows[0]!]), "jabatan.csv");
    expect(referenceKindOf(csv!)).toBe("roles");
    expect(hasDataTables([csv!])).toBe(false);
  });

  it("never takes units or employees for reference data", () => {
    expect(referenceKindOf(table(null, unitHeader))).toBeNull();
    expect(referenceKindOf(table(null, ["kode", "nama", "jenis", "instansi", "jumlah_rombel"]))).toBeNull();
    expect(referenceKindOf(table(null, [...employeeHeader, "Unit", "Satuan"]))).toBeNull();
    // A sheet named units stays units even with a column a jabatan sheet would have.
    expect(referenceKindOf(table("units", ["kode", "nama", "instansi", "bup"]))).toBeNull();
    expect(hasDataTables([table(null, unitHeader)])).toBe(true);
  });
});
