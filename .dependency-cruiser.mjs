// The layer order of src/ (docs/architecture.md), kept by `npm run static`: a file may import its own
// layer and the layers below it, never one above, and no import may close a circle. A change that
// breaks either fails with the rule's name and the offending import.
/** From the top: each layer's folders (or files) under src/. */
const LAYERS = [
  ["main", ["main\\.ts", "cli\\.ts", "cli/"]],
  ["entry", ["bot/", "web/", "http/"]],
  ["jobs", ["jobs/"]],
  ["use-cases", ["use-cases/", "export/"]],
  ["delivery", ["delivery/"]],
  ["io", ["db/", "import/", "charts/", "documents/", "seed/", "engine/"]],
  ["messages", ["messages/"]],
  ["domain", ["domain/"]],
];

const paths = (folders) => `^src/(${folders.join("|")})`;

const layerRules = LAYERS.slice(1).map(([name, folders], index) => ({
  name: `layer-${name}`,
  comment: `${name} (${folders.join(", ")}) imports only its own layer and those below it`,
  severity: "error",
  from: { path: paths(folders) },
  to: { path: paths(LAYERS.slice(0, index + 1).flatMap(([, above]) => above)) },
}));

export default {
  forbidden: [
    {
      name: "no-circular",
      comment: "an import circle between files of src/",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: "use-cases-by-index",
      comment: "outside use-cases/, a capability is used through its index.ts only",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/use-cases/" },
      to: { path: "^src/use-cases/", pathNot: "^src/use-cases/[^/]+/index\\.ts$" },
    },
    {
      name: "capabilities-by-index",
      comment: "one capability uses another through its index.ts only",
      severity: "error",
      from: { path: "^src/use-cases/([^/]+)/" },
      to: {
        path: "^src/use-cases/",
        pathNot: ["^src/use-cases/$1/", "^src/use-cases/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "shared-stays-below",
      comment: "config, logger and metrics serve every layer and import none of them but domain",
      severity: "error",
      from: { path: "^src/(config|logger|metrics|load-env)\\.ts$" },
      to: { path: paths(LAYERS.slice(0, -1).flatMap(([, folders]) => folders)) },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
