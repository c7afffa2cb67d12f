import type { RolePreview } from "../domain/workload-preview.ts";
import { formatHours, formatLoad } from "./format.ts";
import { Html, translate, type Locale } from "./locales/index.ts";

/** One line per role of the workload summary: need and capacity in JP or jam, the load in words. */
export function workloadSummaryLines(
  locale: Locale,
  preview: RolePreview[],
  roles: ReadonlyArray<{ id: number; name: string; hoursUnit: "JP" | "jam" }>,
): Html {
  const byId = new Map(roles.map((r) => [r.id, r]));
  const lines = preview.map((p) => {
    const role = byId.get(p.roleId);
    const unit = role?.hoursUnit ?? "jam";
    return translate(locale, "workload.summary_line", {
      role: role?.name ?? "",
      need: formatHours(locale, p.demand, unit),
      capacity: formatHours(locale, p.capacity, unit),
      staff: p.staff,
      load: formatLoad(locale, p.demand, p.capacity, unit === "JP"),
    });
  });
  return new Html(lines.join("\n"));
}
