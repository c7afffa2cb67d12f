// Which file the engine's worker thread starts from: the build (scripts/build-engine.ts) when it is
// current, else the sources through tsx. A build older than any of its sources (a source edited after
// `npm install`) is never run: the worker then loads what is on disk, as the rest of the bot does.
import { readFileSync, statSync } from "node:fs";

const ROOT = new URL("../../", import.meta.url);
export const BUILT_WORKER = new URL("dist/engine/plan-worker.js", ROOT);
export const BUILT_SOURCES = new URL("dist/engine/sources.json", ROOT);
const SOURCE_WORKER = new URL("./plan-worker.mjs", import.meta.url);

/** The built worker if it exists and none of the sources it lists is newer or missing; else the sources. */
export function workerEntry(built = BUILT_WORKER, sources = BUILT_SOURCES, root = ROOT): URL {
  try {
    const builtAt = statSync(built).mtimeMs;
    const listed: unknown = JSON.parse(readFileSync(sources, "utf8"));
    if (!Array.isArray(listed) || listed.length === 0) return SOURCE_WORKER;
    const current = listed.every((file) => statSync(new URL(String(file), root)).mtimeMs <= builtAt);
    return current ? built : SOURCE_WORKER;
  } catch {
    // No build (a checkout before `npm install`), or a source listed there is gone.
    return SOURCE_WORKER;
  }
}
