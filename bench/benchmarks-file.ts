import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const BENCHMARKS_FILE = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));

/**
 * Replaces the section under `heading` (up to the next "## " heading) in BENCHMARKS.md, or appends
 * it: each benchmark owns one section and leaves the others as they are.
 */
export function writeBenchmarkSection(heading: string, section: string, file = BENCHMARKS_FILE): void {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const lines = current.split("\n");
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const after = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  const before = lines.slice(0, start).join("\n").trimEnd();
  const rest = after === -1 ? "" : `\n${lines.slice(after).join("\n")}`;
  writeFileSync(file, `${before}\n\n${section}${rest}`);
}
