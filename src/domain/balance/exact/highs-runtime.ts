import highsModule, { type Highs } from "highs";

type HighsLoader = typeof highsModule.default;

/**
 * The package's types describe a CommonJS module, while Node and Vite load its ES build, whose
 * default export is the loader itself. Accept both shapes rather than trusting either.
 */
function highsLoader(): HighsLoader {
  const candidate: unknown = highsModule;
  return typeof candidate === "function" ? (candidate as HighsLoader) : highsModule.default;
}

let runtime: Promise<Highs> | undefined;

/**
 * The HiGHS WebAssembly runtime, compiled once on first use: compiling it costs more than solving a
 * small district, and the runtime keeps no state between models.
 */
export function loadHighs(): Promise<Highs> {
  const loading =
    runtime ??
    highsLoader()().catch((error: unknown) => {
      runtime = undefined;
      throw error;
    });
  runtime = loading;
  return loading;
}
