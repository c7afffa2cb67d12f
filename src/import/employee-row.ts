import { parseAsnNumber, type AsnKind } from "../domain/nip.ts";
import type { EmployeeField } from "./columns.ts";
import {
  fail,
  optionalText,
  parseDateField,
  parseNumber,
  type RowPlace,
  type RowSource,
} from "./parse-rows.ts";
import { cellText, type Cell } from "./read-file.ts";

export interface EmployeeInput extends RowPlace {
  source: RowSource;
  nip: string;
  /** From the NIP; used when the file has no birth date. */
  nipBirthDate: Date;
  /** PNS (NIP) or PPPK (NI PPPK), told by the number. */
  asnKind: AsnKind;
  name?: string;
  unit?: string;
  role?: string;
  roleName?: string;
  hours?: number;
  birthDate?: Date;
  postSince?: Date;
}

export function parseEmployeeRow(
  get: (field: EmployeeField) => Cell,
  place: RowPlace,
  source: RowSource,
  today: Date,
): EmployeeInput {
  const nipCell = get("nip");
  // Excel keeps numbers as doubles: an 18-digit NIP typed as a number has already lost its last digits.
  if (typeof nipCell === "number" && !Number.isSafeInteger(nipCell))
    return fail("nip_number", { value: String(nipCell) });
  const nipText = cellText(nipCell).replace(/^'/, "");
  if (nipText === "") return fail("nip_missing");
  // A NIP or an NI PPPK: about a fifth of teachers are PPPK.
  const parsed = parseAsnNumber(nipText);
  if (!parsed.ok) return fail("nip_invalid", { nip: nipText, problem: parsed.problem });
  const input: EmployeeInput = {
    ...place,
    source,
    nip: parsed.value,
    nipBirthDate: parsed.birthDate,
    asnKind: parsed.kind,
  };
  const name = optionalText(get("name"));
  if (name) input.name = name;
  const unit = optionalText(get("unit"))?.toUpperCase();
  if (unit) input.unit = unit;
  const role = optionalText(get("role"))?.toUpperCase();
  if (role) input.role = role;
  const roleName = optionalText(get("roleName"));
  if (roleName) input.roleName = roleName;
  const hours = parseNumber(get("hours"));
  if (hours !== null) {
    const shown = cellText(get("hours"));
    if (Number.isNaN(hours)) return fail("hours_invalid", { value: shown });
    if (hours < 0) return fail("hours_negative", { value: shown });
    // PP 74/2008 caps a teacher at 40 JP; 60 leaves room for non-teaching posts and still catches typos.
    if (hours > 60) return fail("hours_too_high", { value: shown, max: 60 });
    input.hours = hours;
  }
  const birthDate = parseDateField(get("birthDate"), "birth", today);
  if (birthDate) input.birthDate = birthDate;
  const postSince = parseDateField(get("postSince"), "post", today);
  if (postSince) input.postSince = postSince;
  if (postSince && postSince <= (birthDate ?? input.nipBirthDate)) return fail("post_before_birth");
  return input;
}
