// Issue 25: `npm ci` on these machines (Node 20, CI included) must not warn EBADENGINE. Every package
// the lockfile installs that declares a Node range must accept the Node running the tests, and the
// project's own `engines` and the Dockerfile must name the same major.
import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};
const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };

describe("the toolchain these machines run", () => {
  it("every installed package accepts this Node (no EBADENGINE at npm ci)", () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && !entry.optional && !Array.isArray(entry.engines))
      .flatMap(([path, entry]) => {
        const range = (entry.engines as { node?: string } | undefined)?.node;
        return range && !semver.satisfies(process.version, range)
          ? [`${path}@${entry.version}: ${range}`]
          : [];
      });
    expect(refusing).toEqual([]);
  });

  it("package.json and the Dockerfile name the same Node major", () => {
    const minimum = semver.minVersion(manifest.engines.node);
    const image = /FROM node:(\d+)/.exec(readFileSync("Dockerfile", "utf8"))?.[1];
    expect(String(minimum?.major)).toBe(image);
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });
});
