// What the weekly alert says beyond this week's moves (issues 28 and 29): private schools' open
// requests, and once a month the needs only hiring fills and the retirements of the coming year.
import { formatHours } from "./format.ts";
import { Html, translate, type Locale, type TextKey, type TextParams } from "./locales/index.ts";

/** Units and requests listed at most; the rest are counted. */
const SHOWN = 3;

export interface AlertRequests {
  policy: "OFF" | "ON_REQUEST" | "ON";
  open: Array<{ unit: string; role: string; hours: number }>;
}

export interface AlertFormasi {
  hiring: Array<{ role: string; people: number }>;
  retirements: Array<{ unit: string; people: number; roles: Array<{ role: string; people: number }> }>;
}

export function planningLines(
  locale: Locale,
  input: {
    requests?: AlertRequests;
    formasi?: AlertFormasi;
    roleName: (code: string) => string;
    unitName: (code: string) => string;
  },
): string[] {
  const t = (key: TextKey, params?: TextParams) => translate(locale, key, params);
  const lines: string[] = [];
  const { requests, formasi } = input;
  if (requests && requests.open.length > 0) {
    lines.push(
      "",
      t("check.alert.requests", {
        count: requests.open.length,
        list: requests.open
          .slice(0, SHOWN)
          .map((r) => `${r.unit} (${r.role}, ${formatHours(locale, r.hours, "JP")})`)
          .join("; "),
      }),
    );
    if (requests.policy === "OFF") lines.push(t("check.alert.requests_off"));
  }
  if (!formasi) return lines;
  const count = (items: Array<{ role: string; people: number }>) =>
    items
      .map((i) => t("check.alert.formasi_role", { people: i.people, role: input.roleName(i.role) }))
      .join(", ");
  lines.push(
    "",
    formasi.hiring.length > 0
      ? t("check.alert.formasi_hiring", { needs: new Html(count(formasi.hiring)) })
      : t("check.alert.formasi_no_hiring"),
  );
  if (formasi.retirements.length === 0) lines.push(t("check.alert.retire_none"));
  else {
    lines.push(t("check.alert.retire_title"));
    for (const r of formasi.retirements.slice(0, SHOWN))
      lines.push(
        t("check.alert.retire_unit", {
          unit: input.unitName(r.unit),
          people: r.people,
          roles: new Html(count(r.roles)),
        }),
      );
    if (formasi.retirements.length > SHOWN)
      lines.push(t("check.alert.retire_more", { count: formasi.retirements.length - SHOWN }));
  }
  return lines;
}
