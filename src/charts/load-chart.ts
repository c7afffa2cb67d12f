// The weekly alert's picture: load ratio per unit before → after the proposals, drawn on the server
// without a browser (vega-lite → vega SVG → resvg PNG). Fonts ship with the app, so the PNG is the
// same on every machine and needs no system fonts.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { parse, View, type Loader } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** Ratios above this are drawn at it and labelled, so one unit with no staff does not flatten the rest. */
export const RATIO_CAP = 3;
const FONT = "DejaVu Sans";
const PNG_WIDTH = 900;

export interface UnitLoadChange {
  name: string;
  /** Load ratio (demand / capacity) now; Infinity when the unit needs staff and has none. */
  before: number;
  /** Load ratio once the proposals are carried out. */
  after: number;
}

export interface LoadChartInput {
  title: string;
  /** One line under the title, e.g. the period or "1.0 = balanced". */
  subtitle?: string;
  /** Texts from the caller's locale: the two series and the axis. */
  labels: { before: string; after: string; axis: string };
  units: UnitLoadChange[];
  /**
   * How a ratio is written in the caller's locale ("125%"), Infinity included: pass messages/format.ts
   * formatLoadRatio, the one place that says how a unit with no staff reads.
   */
  formatRatio: (ratio: number) => string;
}

const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fontFiles = [join(fontDir, "DejaVuSans.ttf"), join(fontDir, "DejaVuSans-Bold.ttf")];
/** The fonts every chart draws with, shipped with the app (no system fonts). */
export const chartFont = { fontFiles, loadSystemFonts: false, defaultFontFamily: FONT };

/** Every data value is inline: any attempt to load a URL is a bug, refused rather than fetched. */
export const offlineLoader: Loader = {
  load: (uri) => Promise.reject(new Error(`chart tried to load ${uri}`)),
  sanitize: (uri) => Promise.reject(new Error(`chart tried to load ${uri}`)),
  http: (uri) => Promise.reject(new Error(`chart tried to fetch ${uri}`)),
  file: (filename) => Promise.reject(new Error(`chart tried to read ${filename}`)),
};

/** A PNG (about 900 px wide) of a grouped horizontal bar chart, a rule at 1.0 marking balance. */
export async function renderLoadChart(input: LoadChartInput): Promise<Buffer> {
  const svg = await renderLoadChartSvg(input);
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: PNG_WIDTH },
    background: "white",
    font: chartFont,
  }).render();
  return png.asPng();
}

export async function renderLoadChartSvg(input: LoadChartInput): Promise<string> {
  const view = new View(parse(compile(loadChartSpec(input)).spec), {
    renderer: "none",
    loader: offlineLoader,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

interface Row {
  unit: string;
  phase: string;
  order: number;
  shown: number;
  label: string;
}

function rows(input: LoadChartInput): Row[] {
  const format = input.formatRatio;
  const row = (unit: string, phase: string, order: number, ratio: number): Row => {
    // 0/0 (no demand, no staff) has no ratio; a unit that needs staff and has none is off the scale.
    if (Number.isNaN(ratio)) return { unit, phase, order, shown: 0, label: "–" };
    if (ratio === Infinity) return { unit, phase, order, shown: RATIO_CAP, label: format(ratio) };
    if (ratio > RATIO_CAP) return { unit, phase, order, shown: RATIO_CAP, label: `${format(ratio)} ▸` };
    return { unit, phase, order, shown: Math.max(0, ratio), label: format(ratio) };
  };
  return input.units.flatMap((unit) => [
    row(unit.name, input.labels.before, 0, unit.before),
    row(unit.name, input.labels.after, 1, unit.after),
  ]);
}

export function loadChartSpec(input: LoadChartInput): TopLevelSpec {
  const x = {
    field: "shown",
    type: "quantitative" as const,
    title: input.labels.axis,
    scale: { domain: [0, RATIO_CAP + 0.35], nice: false },
    axis: { values: [0, 0.5, 1, 1.5, 2, 2.5, 3], format: ".0%", grid: true },
  };
  const y = { field: "unit", type: "nominal" as const, title: null, sort: null };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: input.subtitle ? { text: input.title, subtitle: input.subtitle } : { text: input.title },
    width: 620,
    // Two thin bars per unit; a fixed height per unit keeps 30 units readable on a phone.
    height: Math.max(120, input.units.length * 24),
    data: { values: rows(input) },
    config: {
      font: FONT,
      view: { stroke: null },
      title: { fontSize: 16, anchor: "start" },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFontSize: 12, labelLimit: 320, orient: "top", title: null },
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y,
          yOffset: { field: "order", type: "ordinal" },
          x,
          color: {
            field: "phase",
            type: "nominal",
            sort: [input.labels.before, input.labels.after],
            scale: { range: ["#b0b0b0", "#1f77b4"] },
          },
        },
      },
      {
        mark: { type: "text", align: "left", dx: 3, fontSize: 9, baseline: "middle" },
        encoding: {
          y,
          yOffset: { field: "order", type: "ordinal" },
          x,
          text: { field: "label" },
          color: { value: "#333333" },
        },
      },
      {
        data: { values: [{ balanced: 1 }] },
        mark: { type: "rule", color: "#d62728", strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: "balanced", type: "quantitative" } },
      },
    ],
  };
}
