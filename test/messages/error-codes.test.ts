import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/domain/errors.ts";
import { locales } from "../../src/messages/locales/index.ts";

/** Every .ts file of src/ but the generated client, the catalogue itself and the locales. */
function sources(dir = "src"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory())
      return file === path.join("src", "generated") || file.endsWith("locales") ? [] : sources(file);
    return file.endsWith(".ts") && file !== path.join("src", "domain", "errors.ts") ? [file] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the refusals a person can be given (issue 26)", () => {
  it("each error code has its words in both languages, with the same placeholders, and no words are left over", () => {
    for (const locale of ["id", "en"] as const) {
      const keys = Object.keys(locales[locale]).filter((key) => key.startsWith("errors."));
      expect(keys.map((key) => key.slice("errors.".length)).sort(), locale).toEqual([...ERROR_CODES].sort());
    }
    for (const code of ERROR_CODES) {
      const key = `errors.${code}` as keyof (typeof locales)["id"];
      expect(locales.id[key].trim(), code).not.toBe("");
      expect(placeholders(locales.en[key]), code).toEqual(placeholders(locales.id[key]));
    }
  });

  it("each code is raised somewhere in src/ (by name, or by the prefix of a name built from a status)", () => {
    const text = sources()
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const built = [...text.matchAll(/`([a-z_]+_)\$\{/g)].map((m) => m[1] ?? "");
    const unused = ERROR_CODES.filter(
      (code) => !text.includes(`"${code}"`) && !built.some((prefix) => code.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});
