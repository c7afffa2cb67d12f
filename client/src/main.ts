import "./style.css";
import { api as makeApi, ApiError, type District, type Me } from "./api.ts";
import { clear, el } from "./dom.ts";
import { applyTheme, readLaunch } from "./launch.ts";
import { drawMap, filterChoices, type Filters } from "./map.ts";
import { drawProposals } from "./proposals.ts";
import { drawTable } from "./table.ts";
import { texts, type T, type TextKey } from "./texts.ts";
import { drawUnit } from "./unit.ts";
import { drawWhatIf } from "./what-if.ts";

type Tab = "map" | "table" | "proposals" | "whatif" | "unit";

const page = document.getElementById("page") as HTMLElement;
const tabs = document.getElementById("tabs") as HTMLElement;

async function start(): Promise<void> {
  const launch = readLaunch();
  // Until /me says the person's /bahasa: Indonesian, unless their Telegram is in English.
  let t: T = texts(launch?.languageCode === "en" ? "en" : "id");
  if (!launch) {
    page.append(el("p", { class: "error" }, texts("id")("no_launch")));
    return;
  }
  applyTheme(launch.theme);
  const api = makeApi(launch.initData);
  page.append(el("p", { class: "note" }, t("loading")));
  let me: Me;
  let district: District;
  try {
    [me, district] = await Promise.all([api.me(), api.district()]);
  } catch (error) {
    // 401 says nothing about why (forged or expired); the page says what to do.
    const text =
      error instanceof ApiError ? (error.status === 401 ? t("unauthorized") : error.message) : String(error);
    clear(page).append(el("p", { class: "error" }, text));
    return;
  }
  const locale = me.locale;
  document.documentElement.lang = locale;
  t = texts(locale);
  const filters: Filters = { kecamatan: "", kind: "", role: "" };
  const canPlan = me.roles.admin || me.roles.approverOf !== null;
  const available: Tab[] = canPlan
    ? ["map", "table", "proposals", "whatif", "unit"]
    : ["map", "table", "proposals", "unit"];
  // The Unit page starts at the head's own unit, else the one shortest of staff.
  let unitCode =
    me.roles.headOf?.code ?? [...district.units].sort((a, b) => b.shortPeople - a.shortPeople)[0]?.code ?? "";
  const openUnit = (code: string) => {
    unitCode = code;
    void show("unit");
  };
  const first = launch.startParam === "usulan" ? "proposals" : "map";

  const show = async (tab: Tab, notice = "") => {
    for (const button of tabs.querySelectorAll("button"))
      button.setAttribute("aria-selected", String(button.dataset.tab === tab));
    clear(page);
    if (notice) page.append(el("p", { class: "notice", role: "status" }, notice));
    if (tab === "map") {
      page.append(filterBar(district, filters, t, () => void show("map")));
      drawMap(page, district, me, filters, t, locale, openUnit);
    } else if (tab === "table") drawTable(page, district, t, locale, openUnit);
    else if (tab === "unit") drawUnit(page, district, api, t, locale, unitCode, openUnit);
    else if (tab === "proposals") {
      const { proposals } = await api.proposals();
      drawProposals(page, proposals, api, t, locale, (message) => {
        void api.district().then((fresh) => {
          district = fresh;
          void show("proposals", message);
        });
      });
    } else drawWhatIf(page, district, api, t, locale);
  };

  clear(tabs).append(
    ...available.map((tab) => {
      const button = el(
        "button",
        { type: "button", role: "tab", "data-tab": tab },
        t(`tab.${tab}` as TextKey),
      );
      button.addEventListener("click", () => void show(tab));
      return button;
    }),
  );
  await show(first);
}

function filterBar(district: District, filters: Filters, t: T, changed: () => void): HTMLElement {
  const choices = filterChoices(district);
  const select = (name: keyof Filters, all: string, options: Array<readonly [string, string]>) => {
    const node = el(
      "select",
      { name, "aria-label": all },
      el("option", { value: "" }, all),
      ...options.map(([value, label]) => el("option", { value }, label)),
    );
    node.value = filters[name];
    node.addEventListener("change", () => {
      filters[name] = node.value;
      changed();
    });
    return node;
  };
  return el(
    "div",
    { class: "toolbar" },
    select(
      "kecamatan",
      t("filter.all_kecamatan"),
      choices.kecamatan.map((k) => [k, k] as const),
    ),
    select(
      "kind",
      t("filter.all_kinds"),
      choices.kinds.map((k) => [k, k] as const),
    ),
    select("role", t("filter.all_roles"), choices.roles),
  );
}

void start();
