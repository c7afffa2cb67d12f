// A Dapodik row of a guru honorer (no NIP, or Status Kepegawaian honor / GTY / GTT): not ASN, not
// an error; the school's teaching capacity that no transfer moves.
import { cellText, type Cell } from "./raw-table.ts";
import type { EmployeeField } from "./columns.ts";
import { parseDapodikFields, isHonorerEmployment } from "./employee-dapodik.ts";
import { parseHours } from "./employee-row.ts";
import { fail, optionalText, parseDateField, type RowPlace, type RowSource } from "./cells.ts";

export interface HonorerInput extends RowPlace {
  source: RowSource;
  /** NUPTK when there is one, else NPSN + name + birth date. */
  key: string;
  name: string;
  nuptk?: string;
  unit?: string;
  ptkKind?: string;
  subject?: string;
  hoursTaught?: number;
  employment?: string;
}

/** A Dapodik row is an honorer's when it has no NIP or its Status Kepegawaian says so. */
export function isHonorerRow(get: (field: EmployeeField) => Cell): boolean {
  return (
    cellText(get("nip")).replace(/^'/, "") === "" || isHonorerEmployment(optionalText(get("employment")))
  );
}

export function parseHonorerRow(
  get: (field: EmployeeField) => Cell,
  place: RowPlace,
  source: RowSource,
  today: Date,
): HonorerInput {
  const name = optionalText(get("name"));
  if (!name) return fail("name_missing");
  const fields = parseDapodikFields(get);
  const unit = optionalText(get("unit"))?.toUpperCase();
  const birth = parseDateField(get("birthDate"), "birth", today);
  const key =
    fields.nuptk ?? `${unit ?? ""}|${name.toUpperCase()}|${birth ? birth.toISOString().slice(0, 10) : ""}`;
  const input: HonorerInput = { ...place, source, key, name };
  if (fields.nuptk) input.nuptk = fields.nuptk;
  if (unit) input.unit = unit;
  if (fields.ptkKind) input.ptkKind = fields.ptkKind;
  if (fields.subject) input.subject = fields.subject;
  if (fields.employment) input.employment = fields.employment;
  const hours = parseHours(get("hours"));
  if (hours !== undefined) input.hoursTaught = hours;
  return input;
}
