import type { UnitField } from "./columns.ts";
import { fail, optionalText, parseNumber, type RowPlace, type RowSource } from "./parse-rows.ts";
import { cellText, type Cell } from "./read-file.ts";

export const UNIT_KINDS = ["SD", "SMP", "SMA", "PUSKESMAS", "KANTOR", "LAINNYA"] as const;
export type UnitKindCode = (typeof UNIT_KINDS)[number];

/** A unit row that passed its own checks; undefined fields keep what is stored. */
export interface UnitInput extends RowPlace {
  source: RowSource;
  code: string;
  name?: string;
  kind?: UnitKindCode;
  agency?: string;
  agencyName?: string;
  lat?: number;
  lon?: number;
}

export function parseUnitRow(get: (field: UnitField) => Cell, place: RowPlace, source: RowSource): UnitInput {
  const code = optionalText(get("code"))?.toUpperCase();
  if (!code) return fail("code_missing");
  const input: UnitInput = { ...place, source, code };
  const name = optionalText(get("name"));
  if (name) input.name = name;
  const kindText = optionalText(get("kind"));
  if (kindText) {
    const kind = kindText.toUpperCase().replace(/\s+/g, "");
    if (!(UNIT_KINDS as readonly string[]).includes(kind))
      return fail("kind_unknown", { value: kindText, allowed: UNIT_KINDS.join(", ") });
    input.kind = kind as UnitKindCode;
  }
  const agency = optionalText(get("agency"))?.toUpperCase();
  if (agency) input.agency = agency;
  const agencyName = optionalText(get("agencyName"));
  if (agencyName) input.agencyName = agencyName;
  for (const [field, bound] of [
    ["lat", 90],
    ["lon", 180],
  ] as const) {
    const value = parseNumber(get(field));
    if (value === null) continue;
    if (Number.isNaN(value) || Math.abs(value) > bound)
      return fail("coordinate_invalid", { field, value: cellText(get(field)) });
    input[field] = value;
  }
  return input;
}
