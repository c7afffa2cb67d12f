import { isPrivateSchool, type District } from "./api.ts";
import { clear, el, num } from "./dom.ts";
import { pager } from "./pager.ts";
import { isKey, type T } from "./texts.ts";

interface Row {
  code: string;
  unit: string;
  kecamatan: string;
  role: string;
  hoursUnit: string;
  need: number;
  staff: number;
  taught: number | null;
  shortfall: number;
  load: number | null;
  source: string;
  state: string;
}

type Column = { key: keyof Row; label: string; numeric: boolean };

/**
 * Rows drawn at a time. A province has 3,000 units and 16,176 rows: drawn all at once, the table took
 * 49–51 s to appear on a phone (Chromium with its CPU slowed 4×, `npm run bench:web-province`) and 26 s
 * for each letter typed in the search. The search, the sort and the CSV still take every row.
 */
export const TABLE_PAGE = 200;

/** Units × roles, sortable by any column, filtered by a search, downloadable as CSV. */
export function drawTable(
  host: HTMLElement,
  district: District,
  t: T,
  locale: string,
  openUnit: (code: string) => void,
): void {
  const rows: Row[] = district.units.flatMap((u) =>
    u.roles.map((r) => ({
      code: u.code,
      // A private school is said so: ASN teachers reach it only by redistribution (issue 29).
      unit: isPrivateSchool(u) ? `${u.name} (${t("school.private")})` : u.name,
      kecamatan: u.kecamatan ?? "",
      role: r.name,
      hoursUnit: r.hoursUnit,
      need: r.need,
      staff: r.staff,
      taught: r.hoursTaught,
      shortfall: r.shortfall,
      load: r.load,
      source: isKey(`source.${r.source}`) ? t(`source.${r.source}` as never) : r.source,
      state: t(`state.${r.state}`),
    })),
  );
  const columns: Column[] = [
    { key: "unit", label: t("col.unit"), numeric: false },
    { key: "role", label: t("col.role"), numeric: false },
    { key: "need", label: t("col.need"), numeric: true },
    { key: "staff", label: t("col.staff"), numeric: true },
    { key: "taught", label: t("col.taught"), numeric: true },
    { key: "shortfall", label: t("col.shortfall"), numeric: true },
    { key: "load", label: t("col.load"), numeric: true },
    { key: "source", label: t("col.source"), numeric: false },
    { key: "state", label: t("col.state"), numeric: false },
  ];
  let sortKey: keyof Row = "shortfall";
  let descending = true;
  let query = "";

  const search = el("input", {
    type: "search",
    placeholder: t("filter.search"),
    "aria-label": t("filter.search"),
  });
  const download = el("button", { type: "button" }, t("csv"));
  const table = el("table", { "data-testid": "table" });
  // How many of the sorted, filtered rows are drawn; a new sort or search starts again at one page.
  let drawn = TABLE_PAGE;
  const words = { count: "table.count", more: "table.more", testId: "table", page: TABLE_PAGE } as const;
  const pages = pager(t, locale, words, () => {
    drawn += TABLE_PAGE;
    render();
  });
  host.append(
    el("div", { class: "toolbar" }, search, download),
    pages.count,
    el("div", { class: "scroll" }, table),
    pages.more,
  );

  const visible = () => {
    const q = query.toLowerCase();
    const shown = rows.filter((r) => !q || `${r.unit} ${r.role} ${r.kecamatan}`.toLowerCase().includes(q));
    return shown.sort((a, b) => {
      const x = a[sortKey];
      const y = b[sortKey];
      // A load with nobody to carry it (null) is the heaviest.
      const n = (v: unknown) => (v === null ? Number.POSITIVE_INFINITY : Number(v));
      const order =
        typeof x === "string" || typeof y === "string"
          ? String(x).localeCompare(String(y))
          : n(x) === n(y)
            ? 0
            : n(x) < n(y)
              ? -1
              : 1;
      return descending ? -order : order;
    });
  };
  const cell = (row: Row, column: Column) => {
    const value = row[column.key];
    if (value === null) return column.key === "load" ? "∞" : "—";
    if (typeof value !== "number") return value;
    if (column.key === "load") return `${Math.round(value * 100)}%`;
    if (column.key === "staff") return String(value);
    return `${num(value, locale)} ${row.hoursUnit}`;
  };
  const render = () => {
    clear(table);
    const head = el(
      "tr",
      {},
      ...columns.map((c) => {
        const mark = c.key === sortKey ? (descending ? " ▼" : " ▲") : "";
        const th = el(
          "th",
          { scope: "col", "data-key": c.key, class: c.numeric ? "num" : "" },
          c.label + mark,
        );
        th.addEventListener("click", () => {
          descending = c.key === sortKey ? !descending : c.numeric;
          sortKey = c.key;
          drawn = TABLE_PAGE;
          render();
        });
        return th;
      }),
    );
    const shown = visible();
    const body = shown.slice(0, drawn).map((r) =>
      el(
        "tr",
        {},
        ...columns.map((c) => {
          if (c.key !== "unit") return el("td", { class: c.numeric ? "num" : "" }, cell(r, c));
          // The unit's name opens its page.
          const link = el("button", { type: "button", class: "link", "data-unit": r.code }, r.unit);
          link.addEventListener("click", () => openUnit(r.code));
          return el("td", {}, link);
        }),
      ),
    );
    table.append(el("thead", {}, head), el("tbody", {}, ...body));
    pages.show(body.length, shown.length);
  };
  search.addEventListener("input", () => {
    query = search.value;
    drawn = TABLE_PAGE;
    render();
  });
  download.addEventListener("click", () => {
    const quote = (v: unknown) => `"${String(v ?? "").replaceAll('"', '""')}"`;
    const lines = [
      [
        "unit",
        "kecamatan",
        "role",
        "hours_unit",
        "need",
        "staff",
        "hours_taught",
        "shortfall",
        "load",
        "source",
      ],
      ...visible().map((r) => [
        r.unit,
        r.kecamatan,
        r.role,
        r.hoursUnit,
        r.need,
        r.staff,
        r.taught,
        r.shortfall,
        r.load,
        r.source,
      ]),
    ].map((line) => line.map(quote).join(","));
    const blob = new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
    const link = el("a", { href: URL.createObjectURL(blob), download: `seimbang-${district.period}.csv` });
    link.click();
    URL.revokeObjectURL(link.href);
  });
  render();
}
