// The formasi sheet's picture of one jabatan over the coming years: its need, its people without
// hiring and with the posts asked for, and the retirements of each year (issue 28). Drawn as the
// alert's chart is: vega-lite → vega SVG → resvg PNG, fonts shipped with the app.
import { Resvg } from "@resvg/resvg-js";
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { chartFont, offlineLoader } from "./load-chart.ts";

export interface FormasiChartInput {
  title: string;
  labels: { need: string; without: string; withRequests: string; retirements: string; axis: string };
  /** "Sekarang", then each year. */
  columns: string[];
  need: number;
  /** People at each column without hiring, and with the requests granted. */
  without: number[];
  withRequests: number[];
  /** Retirements in each column (0 for "now"). */
  retirements: number[];
}

const PNG_WIDTH = 640;

export async function renderFormasiChart(input: FormasiChartInput): Promise<Buffer> {
  const view = new View(parse(compile(formasiChartSpec(input)).spec), {
    renderer: "none",
    loader: offlineLoader,
  });
  try {
    const svg = await view.toSVG();
    return new Resvg(svg, {
      fitTo: { mode: "width", value: PNG_WIDTH },
      background: "white",
      font: chartFont,
    })
      .render()
      .asPng();
  } finally {
    view.finalize();
  }
}

export function formasiChartSpec(input: FormasiChartInput): TopLevelSpec {
  const lines = input.columns.flatMap((column, i) => [
    { column, order: i, series: input.labels.need, people: input.need },
    { column, order: i, series: input.labels.without, people: input.without[i] ?? 0 },
    { column, order: i, series: input.labels.withRequests, people: input.withRequests[i] ?? 0 },
  ]);
  const bars = input.columns.map((column, i) => ({
    column,
    order: i,
    series: input.labels.retirements,
    people: input.retirements[i] ?? 0,
  }));
  const x = {
    field: "column",
    type: "ordinal" as const,
    sort: input.columns,
    title: null,
    axis: { labelAngle: 0 },
  };
  const series = [
    input.labels.need,
    input.labels.without,
    input.labels.withRequests,
    input.labels.retirements,
  ];
  const color = {
    field: "series",
    type: "nominal" as const,
    sort: series,
    scale: { domain: series, range: ["#d62728", "#7f7f7f", "#1f77b4", "#ff7f0e"] },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: input.title },
    width: 460,
    height: 220,
    config: {
      font: chartFont.defaultFontFamily,
      view: { stroke: null },
      title: { fontSize: 15, anchor: "start" },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFontSize: 11, orient: "bottom", title: null, columns: 2, labelLimit: 260 },
    },
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", width: { band: 0.5 }, opacity: 0.8 },
        encoding: {
          x,
          y: { field: "people", type: "quantitative", title: input.labels.axis, axis: { tickMinStep: 1 } },
          color,
        },
      },
      {
        data: { values: lines },
        mark: { type: "line", point: true, strokeWidth: 2 },
        encoding: { x, y: { field: "people", type: "quantitative" }, color },
      },
    ],
  };
}
