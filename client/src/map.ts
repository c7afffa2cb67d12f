import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { isPrivateSchool, type District, type MapUnit, type Me } from "./api.ts";
import { el, num } from "./dom.ts";
import type { T } from "./texts.ts";

const STATE_COLOR = { short: "#d93025", balanced: "#1e8e3e", over: "#f29900" } as const;
const MOVE_STYLE = {
  pending: { color: "#5f6368", dashArray: "6 6" },
  approved: { color: "#1a73e8", dashArray: "" },
  decreed: { color: "#9334e6", dashArray: "" },
} as const;

export interface Filters {
  kecamatan: string;
  kind: string;
  role: string;
}

export function matches(unit: MapUnit, f: Filters): boolean {
  return (
    (f.kecamatan === "" || unit.kecamatan === f.kecamatan) &&
    (f.kind === "" || unit.kind === f.kind) &&
    (f.role === "" || unit.roles.some((r) => r.code === f.role))
  );
}

/** Kecamatan, kinds and roles present, for the filters. */
export function filterChoices(district: District) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    kecamatan: sorted(district.units.flatMap((u) => (u.kecamatan ? [u.kecamatan] : []))),
    kinds: sorted(district.units.map((u) => u.kind)),
    roles: [...new Map(district.units.flatMap((u) => u.roles.map((r) => [r.code, r.name] as const)))].sort(
      (a, b) => a[1].localeCompare(b[1]),
    ),
  };
}

/**
 * Every unit as a circle coloured by its state and sized by its need; the plan in flight as lines
 * from origin to destination by state; kecamatan names at the middle of their units. Without tiles
 * (offline, or MAP_TILE_URL=off) the same on a plain background.
 */
export function drawMap(
  host: HTMLElement,
  district: District,
  me: Me,
  filters: Filters,
  t: T,
  locale: string,
  openUnit: (code: string) => void,
): L.Map {
  const mapDiv = el("div", { id: "map", "data-testid": "map" });
  host.append(mapDiv);
  const map = L.map(mapDiv, { zoomControl: true, attributionControl: true });
  if (me.map.tileUrl) {
    const tiles = L.tileLayer(me.map.tileUrl, {
      maxZoom: 18,
      attribution: "© OpenStreetMap contributors",
    });
    let failed = 0;
    tiles.on("tileerror", () => {
      failed += 1;
      if (failed === 1) host.prepend(el("p", { class: "note" }, t("map.offline")));
    });
    tiles.addTo(map);
  }
  const shown = district.units.filter((u) => matches(u, filters));
  const placed = shown.filter((u) => u.lat !== null && u.lon !== null);
  const at = new Map(placed.map((u) => [u.code, L.latLng(u.lat ?? 0, u.lon ?? 0)]));

  for (const unit of placed) {
    const radius = 5 + Math.min(20, Math.sqrt(unit.needPeople) * 3);
    const marker = L.circleMarker(at.get(unit.code) ?? [0, 0], {
      radius,
      color: "#ffffff",
      weight: 1.5,
      fillColor: STATE_COLOR[unit.state],
      fillOpacity: 0.9,
      className: `unit unit-${unit.state}`,
    });
    marker.bindPopup(() => unitPopup(unit, t, locale, openUnit));
    marker.bindTooltip(unit.name);
    marker.addTo(map);
  }
  for (const move of district.moves) {
    const from = at.get(move.from);
    const to = at.get(move.to);
    if (!from || !to) continue;
    L.polyline([from, to], {
      weight: 3,
      opacity: 0.85,
      ...MOVE_STYLE[move.state],
      className: `move move-${move.state}`,
    })
      .bindTooltip(`#${move.id} ${move.employee} · ${t(`move.${move.state}`)} · ${num(move.km, locale)} km`)
      .addTo(map);
  }
  for (const [name, units] of groupBy(placed, (u) => u.kecamatan ?? "")) {
    if (!name) continue;
    const lat = units.reduce((s, u) => s + (u.lat ?? 0), 0) / units.length;
    const lon = units.reduce((s, u) => s + (u.lon ?? 0), 0) / units.length;
    L.marker([lat, lon], {
      interactive: false,
      icon: L.divIcon({ className: "kecamatan-label", html: el("span", {}, name), iconSize: [0, 0] }),
    }).addTo(map);
  }
  if (placed.length > 0) map.fitBounds(L.latLngBounds([...at.values()]).pad(0.15));
  else map.setView([-8.4, 140.4], 9);
  const missing = shown.length - placed.length;
  if (missing > 0) host.append(el("p", { class: "note" }, t("map.no_place", { count: missing })));
  host.append(legend(t));
  return map;
}

function unitPopup(unit: MapUnit, t: T, locale: string, openUnit: (code: string) => void): HTMLElement {
  const open = el(
    "button",
    { type: "button", class: "secondary", "data-unit": unit.code },
    t("unitpage.open"),
  );
  open.addEventListener("click", () => openUnit(unit.code));
  return el(
    "div",
    { class: "popup" },
    el("strong", {}, unit.name),
    el(
      "div",
      {},
      `${unit.kind}${isPrivateSchool(unit) ? ` ${t("school.private")}` : ""}${unit.kecamatan ? ` · ${unit.kecamatan}` : ""} · ${t(`state.${unit.state}`)}`,
    ),
    el("div", {}, t("unit.need", { need: num(unit.needPeople, locale), short: unit.shortPeople })),
    el(
      "ul",
      {},
      ...unit.roles.map((r) =>
        el(
          "li",
          {},
          `${r.name}: ${num(r.need, locale)} ${r.hoursUnit}, ${r.staff} ASN, ${t("col.shortfall").toLowerCase()} ${num(r.shortfall, locale)} ${r.hoursUnit}`,
        ),
      ),
    ),
    open,
  );
}

function legend(t: T): HTMLElement {
  const item = (color: string, text: string) =>
    el("li", {}, el("span", { class: "dot", style: `background:${color}` }), text);
  return el(
    "ul",
    { class: "legend" },
    item(STATE_COLOR.short, t("state.short")),
    item(STATE_COLOR.balanced, t("state.balanced")),
    item(STATE_COLOR.over, t("state.over")),
    item(MOVE_STYLE.pending.color, t("move.pending")),
    item(MOVE_STYLE.approved.color, t("move.approved")),
    item(MOVE_STYLE.decreed.color, t("move.decreed")),
  );
}

function groupBy<V>(values: V[], key: (v: V) => string): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const value of values) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
}
