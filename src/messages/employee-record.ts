import type { Preference } from "../domain/employee-statement.ts";
import type { Employee, EmployeeStatement, Role, Unit } from "../generated/prisma/client.ts";
import { readPreferences } from "../domain/employee-statement.ts";
import { displayName } from "./employee-name.ts";
import { escapeHtml, Html, type TextKey, type TextParams } from "./locales/index.ts";

type T = (key: TextKey, params?: TextParams) => string;

/** "A, B, C" of the preferences as HTML: kecamatan through the locale, units by name and code, escaped. */
function preferenceList(t: T, preferences: Preference[]): Html {
  return new Html(
    preferences
      .map((p) =>
        p.kind === "kecamatan"
          ? t("statement.kecamatan", { name: p.name })
          : escapeHtml(`${p.name} (${p.code})`),
      )
      .join(", "),
  );
}

/** /saya: the lines of the person's own record as the state keeps it, then what they said (HTML). */
export function renderMyRecord(
  t: T,
  record: {
    employee: Employee & { unit: Unit; role: Role };
    statement: EmployeeStatement | null;
  },
): string {
  const { employee: e, statement } = record;
  const lines = [t("me.name", { name: displayName(e) }), t(`me.nip.${e.asnKind}`, { nip: e.nip })];
  lines.push(
    e.unit.kecamatan
      ? t("me.unit_kecamatan", { unit: e.unit.name, kecamatan: e.unit.kecamatan })
      : t("me.unit", { unit: e.unit.name }),
  );
  lines.push(t("me.role", { role: e.role.name }));
  if (e.role.isTeacher)
    lines.push(
      e.hoursTaught === null
        ? t("me.hours_teacher_unknown", { capacity: e.weeklyHours })
        : t("me.hours_teacher", { taught: e.hoursTaught, capacity: e.weeklyHours }),
    );
  else lines.push(t("me.hours", { capacity: e.weeklyHours }));
  if (e.golongan) lines.push(t("me.golongan", { golongan: e.golongan }));
  if (e.jenjang) lines.push(t("me.jenjang", { jenjang: e.jenjang.replaceAll("_", " ").toLowerCase() }));
  lines.push(t("me.status", { status: e.legalStatus ?? t(`me.status.${e.status}`) }));
  lines.push("", ...statementLines(t, statement), "", t("me.privacy"));
  return lines.join("\n");
}

function statementLines(t: T, statement: EmployeeStatement | null): string[] {
  const lines: string[] = [];
  if (!statement || statement.willing === null) lines.push(t("me.statement.none"));
  else if (statement.willing) lines.push(t("me.statement.willing"));
  else {
    lines.push(
      t("me.statement.unwilling", { reason: t(`statement.reason.${statement.reason ?? "LAINNYA"}`) }),
    );
    if (statement.note) lines.push(t("me.statement.note", { note: statement.note }));
  }
  const preferences = readPreferences(statement?.preferences);
  lines.push(
    preferences.length
      ? t("me.statement.preferences", { list: preferenceList(t, preferences) })
      : t("me.statement.no_preferences"),
  );
  return lines;
}

const NOTE_IN_LIST = 80;

/**
 * The short lines /pegawai shows under a person who has spoken (none for someone who has not):
 * willing or not and why, and where they could go.
 */
export function statementMarker(t: T, statement: EmployeeStatement | undefined): string | null {
  if (!statement) return null;
  const lines: string[] = [];
  if (statement.willing === true) lines.push(t("statement.marker.willing"));
  if (statement.willing === false) {
    const reason = t(`statement.reason.${statement.reason ?? "LAINNYA"}`);
    const note =
      statement.note && statement.note.length > NOTE_IN_LIST
        ? `${statement.note.slice(0, NOTE_IN_LIST - 1)}…`
        : statement.note;
    lines.push(
      note
        ? t("statement.marker.unwilling_note", { reason, note })
        : t("statement.marker.unwilling", { reason }),
    );
  }
  const preferences = readPreferences(statement.preferences);
  if (preferences.length)
    lines.push(t("statement.marker.preferences", { list: preferenceList(t, preferences) }));
  return lines.length ? lines.join("\n") : null;
}

/** The saved-preferences confirmation list. */
export function preferencesParam(t: T, preferences: Preference[]): Html {
  return preferenceList(t, preferences);
}
