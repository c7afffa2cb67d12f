// SKP sheets (issue 29): which tables are SKP rows, and where their columns are.
import { normalizeHeader } from "./header.ts";
import type { RawTable } from "./raw-table.ts";

/** Header names, normalised, as SIASN's SKP download and a district's own sheet write them. */
export const SKP_COLUMNS = {
  nip: ["nip", "nip_baru", "nip_pegawai", "ni_pppk"],
  year: ["tahun", "tahun_penilaian", "tahun_skp", "periode_tahun"],
  predicate: ["predikat", "predikat_kinerja", "predikat_skp", "hasil_kinerja", "predikat_kinerja_pegawai"],
} as const;

export type SkpField = keyof typeof SKP_COLUMNS;

export function skpColumns(table: RawTable): Partial<Record<SkpField, number>> {
  const columns: Partial<Record<SkpField, number>> = {};
  table.headers.forEach((header, index) => {
    const name = normalizeHeader(header);
    for (const field of Object.keys(SKP_COLUMNS) as SkpField[])
      if (columns[field] === undefined && (SKP_COLUMNS[field] as readonly string[]).includes(name))
        columns[field] = index;
  });
  return columns;
}

/** A table with a NIP, a year and a predicate: SKP rows, not employees. */
export function isSkpTable(table: RawTable): boolean {
  const columns = skpColumns(table);
  return columns.nip !== undefined && columns.year !== undefined && columns.predicate !== undefined;
}
