import type { Api, District, WhatIf, WhatIfSide } from "./api.ts";
import { clear, el, num } from "./dom.ts";
import type { T } from "./texts.ts";

/** Change a unit's rombel, mark people as leaving, change the caps; the engine plans both, nothing is saved. */
export function drawWhatIf(host: HTMLElement, district: District, api: Api, t: T, locale: string): void {
  const unit = el(
    "select",
    { "aria-label": t("whatif.unit"), name: "unit" },
    el("option", { value: "" }, "—"),
    ...district.units.map((u) => el("option", { value: u.code }, u.name)),
  );
  const rombel = el("input", {
    type: "number",
    min: "0",
    max: "500",
    name: "rombel",
    "aria-label": t("whatif.rombel"),
  });
  const leaving = el("textarea", { rows: "3", name: "leaving", "aria-label": t("whatif.leaving") });
  const maxOut = el("input", { type: "number", min: "0", name: "maxOut" });
  const maxIn = el("input", { type: "number", min: "0", name: "maxIn" });
  const maxKm = el("input", { type: "number", min: "0", name: "maxKm" });
  const run = el("button", { type: "submit" }, t("whatif.run"));
  const result = el("div", { class: "whatif-result", "data-testid": "whatif-result" });
  const field = (label: string, input: HTMLElement) => el("label", {}, el("span", {}, label), input);
  const form = el(
    "form",
    { class: "whatif" },
    el("p", { class: "note" }, t("whatif.intro")),
    field(t("whatif.unit"), unit),
    field(t("whatif.rombel"), rombel),
    field(t("whatif.leaving"), leaving),
    field(t("whatif.max_out"), maxOut),
    field(t("whatif.max_in"), maxIn),
    field(t("whatif.max_km"), maxKm),
    run,
  );
  host.append(form, result);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const number = (input: HTMLInputElement) => (input.value === "" ? undefined : Number(input.value));
    const policy = Object.fromEntries(
      Object.entries({
        maxMovesOutPerUnit: number(maxOut),
        maxMovesInPerUnit: number(maxIn),
        maxDistanceKm: number(maxKm),
      }).filter(([, v]) => v !== undefined),
    );
    const changes = {
      rombel: unit.value && rombel.value !== "" ? [{ unit: unit.value, rombel: Number(rombel.value) }] : [],
      leaving: leaving.value.split(/\s+/).filter(Boolean),
      policy,
    };
    run.disabled = true;
    clear(result).append(el("p", { class: "note" }, t("whatif.running")));
    api.whatIf(changes).then(
      (answer) => {
        run.disabled = false;
        clear(result).append(...compare(answer, t, locale));
      },
      (error: unknown) => {
        run.disabled = false;
        clear(result).append(
          el("p", { class: "error" }, t("error", { error: String((error as Error).message) })),
        );
      },
    );
  });
}

/** Every tier proved; every one but the kilometres (a province's what-if leaves them out); or not yet. */
function provenKey(side: WhatIfSide): "whatif.yes" | "whatif.yes_but_km" | "whatif.no" {
  if (side.optimal) return "whatif.yes";
  return side.tiersProven.includes(3) ? "whatif.yes_but_km" : "whatif.no";
}

function compare(answer: WhatIf, t: T, locale: string): HTMLElement[] {
  const row = (label: string, pick: (s: WhatIfSide) => string) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, label),
      el("td", { class: "num" }, pick(answer.before)),
      el("td", { class: "num" }, pick(answer.after)),
    );
  const summary = el(
    "table",
    { class: "compare" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, ""),
        el("th", { class: "num" }, t("whatif.before")),
        el("th", { class: "num" }, t("whatif.after")),
      ),
    ),
    el(
      "tbody",
      {},
      row(t("whatif.shortfall_jp"), (s) => num(s.shortfall.JP, locale)),
      row(t("whatif.shortfall_jam"), (s) => num(s.shortfall.jam, locale)),
      row(t("whatif.severity"), (s) => num(s.severity, locale)),
      row(t("whatif.moves"), (s) => String(s.moves)),
      row(t("whatif.km"), (s) => num(s.km, locale)),
      row(t("whatif.optimal"), (s) => t(provenKey(s))),
    ),
  );
  const parts: HTMLElement[] = [summary];
  if (answer.unknown.length > 0)
    parts.push(el("p", { class: "error" }, t("whatif.unknown", { names: answer.unknown.join(", ") })));
  parts.push(el("h3", {}, t("whatif.changed")));
  if (answer.units.length === 0) parts.push(el("p", { class: "note" }, t("whatif.none")));
  else
    parts.push(
      el(
        "ul",
        { class: "changed" },
        ...answer.units.map((u) =>
          el(
            "li",
            {},
            `${u.name} · ${u.roleName}: ${t("col.need").toLowerCase()} ${num(u.need.before, locale)} → ${num(u.need.after, locale)} ${u.hoursUnit}, ${t("col.shortfall").toLowerCase()} ${num(u.shortfall.before, locale)} → ${num(u.shortfall.after, locale)} ${u.hoursUnit}`,
          ),
        ),
      ),
    );
  return parts;
}
