import type { RolePreview } from "../domain/workload-preview.ts";
import { bandLabel, formatRatio } from "./format.ts";
import { Html, translate, type Locale } from "./locales/index.ts";

/** One line per role of the workload summary: need, capacity, ratio and ABK band. */
export function workloadSummaryLines(
  locale: Locale,
  preview: RolePreview[],
  roles: ReadonlyArray<{ id: number; name: string }>,
): Html {
  const roleNames = new Map(roles.map((r) => [r.id, r.name]));
  const lines = preview.map((p) =>
    translate(locale, "workload.summary_line", {
      role: roleNames.get(p.roleId) ?? "",
      need: p.demand,
      capacity: p.capacity,
      staff: p.staff,
      ratio: formatRatio(locale, p.ratio),
      band: bandLabel(locale, p.band),
    }),
  );
  return new Html(lines.join("\n"));
}
