import type { Api, District, UnitView } from "./api.ts";
import { clear, el, num } from "./dom.ts";
import { isKey, type T, type TextKey } from "./texts.ts";

/** A text the data names (a reason, a status), or the data itself when the page has no word for it. */
const named = (t: T, key: string) => (isKey(key) ? t(key as TextKey) : (key.split(".").pop() ?? key));

const day = (iso: string, locale: string) =>
  new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString(locale === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

/**
 * One unit: a chooser (a head's own unit first), its roles' figures, each person with months in post,
 * retirement, JJM and certification, the open vacancies and the moves in and out.
 */
export function drawUnit(
  host: HTMLElement,
  district: District,
  api: Api,
  t: T,
  locale: string,
  code: string,
  chosen: (code: string) => void,
): void {
  const units = [...district.units].sort((a, b) => a.name.localeCompare(b.name));
  const select = el(
    "select",
    { name: "unit", "aria-label": t("unitpage.choose") },
    ...units.map((u) => el("option", { value: u.code }, u.name)),
  );
  select.value = code;
  select.addEventListener("change", () => chosen(select.value));
  const body = el(
    "div",
    { class: "unit-page", "data-testid": "unit" },
    el("p", { class: "note" }, t("loading")),
  );
  host.append(el("div", { class: "toolbar" }, select), body);
  api.unit(code).then(
    (view) => clear(body).append(...unitSections(view, t, locale)),
    (error: unknown) =>
      clear(body).append(el("p", { class: "error" }, t("error", { error: (error as Error).message }))),
  );
}

function unitSections(view: UnitView, t: T, locale: string): HTMLElement[] {
  const { unit } = view;
  const heading = el(
    "section",
    {},
    el("h2", {}, unit.name),
    el(
      "p",
      { class: "meta" },
      [unit.kind, unit.schoolStatus, unit.kecamatan, t(`state.${unit.state}`)].filter(Boolean).join(" · "),
    ),
    el("p", {}, t("unit.need", { need: num(unit.needPeople, locale), short: unit.shortPeople })),
  );
  const roles = el(
    "section",
    {},
    el("h3", {}, t("unitpage.roles")),
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        {},
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ...[t("col.role"), t("col.need"), t("col.staff"), t("col.shortfall"), t("col.load")].map((h, i) =>
              el("th", { scope: "col", class: i > 0 ? "num" : "" }, h),
            ),
          ),
        ),
        el(
          "tbody",
          {},
          ...unit.roles.map((r) =>
            el(
              "tr",
              {},
              el("td", {}, r.name),
              el("td", { class: "num" }, `${num(r.need, locale)} ${r.hoursUnit}`),
              el("td", { class: "num" }, String(r.staff)),
              el("td", { class: "num" }, `${num(r.shortfall, locale)} ${r.hoursUnit}`),
              el("td", { class: "num" }, r.load === null ? "∞" : `${Math.round(r.load * 100)}%`),
            ),
          ),
        ),
      ),
    ),
  );

  const staff = el("section", {}, el("h3", {}, `${t("unitpage.staff")} (${view.staff.length})`));
  if (view.staff.length === 0) staff.append(el("p", { class: "note" }, t("unitpage.no_staff")));
  for (const person of view.staff) {
    const standard = person.weeklyHours;
    const lines = [
      `${person.role} · ${person.asnKind} · NIP ${person.nip}`,
      person.status !== "AKTIF"
        ? t("unitpage.status", {
            status: person.status,
            until: person.statusUntil ? ` – ${day(person.statusUntil, locale)}` : "",
          })
        : null,
      t("unitpage.in_post", {
        years: Math.floor(person.monthsInPost / 12),
        months: person.monthsInPost % 12,
      }),
      t("unitpage.retires", {
        age: person.retirementAge,
        date: day(person.retirementDate, locale),
        months: person.monthsToRetirement,
      }),
      person.hoursTaught === null
        ? t("unitpage.jjm_unknown")
        : t("unitpage.jjm", {
            taught: num(person.hoursTaught, locale),
            standard: num(standard, locale),
            unit: person.hoursUnit,
          }),
      person.certifiedUnderStandard
        ? t("unitpage.certified_under", { standard: num(standard, locale) })
        : person.certified
          ? t("unitpage.certified")
          : null,
      person.eligible
        ? t("unitpage.eligible")
        : t("unitpage.not_eligible", {
            reasons: person.reasons.map((r) => named(t, `reason.${r}`)).join(", "),
          }),
    ];
    staff.append(
      el(
        "article",
        { class: "person", "data-nip": person.nip },
        el("h4", {}, person.name),
        ...lines.filter((line): line is string => line !== null).map((line) => el("p", {}, line)),
      ),
    );
  }
  if (view.honorers.length > 0)
    staff.append(
      el(
        "p",
        { class: "note" },
        t("unitpage.honorers", {
          count: view.honorers.length,
          hours: num(
            view.honorers.reduce((sum, h) => sum + h.hoursTaught, 0),
            locale,
          ),
        }),
      ),
    );

  const vacancies = el("section", {}, el("h3", {}, t("unitpage.vacancies")));
  vacancies.append(
    view.vacancies.length === 0
      ? el("p", { class: "note" }, t("unitpage.no_vacancies"))
      : el(
          "ul",
          {},
          ...view.vacancies.map((v) =>
            el(
              "li",
              {},
              t("unitpage.vacancy", {
                role: v.role,
                count: v.count,
                reason: named(t, `vacancy.${v.reason}`),
                since: day(v.since, locale),
              }),
            ),
          ),
        ),
  );

  const history = el("section", {}, el("h3", {}, t("unitpage.history")));
  history.append(
    view.history.length === 0
      ? el("p", { class: "note" }, t("unitpage.no_history"))
      : el(
          "ul",
          {},
          ...view.history.map((h) =>
            el(
              "li",
              {},
              `${day(h.at, locale)} · #${h.id} ${h.employee} (${h.role}) ${
                h.direction === "in" ? t("unitpage.in") : t("unitpage.out")
              } ${h.other.name} · ${named(t, `status.${h.status}`)}`,
            ),
          ),
        ),
  );
  return [heading, roles, staff, vacancies, history];
}
