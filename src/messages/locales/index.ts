// Every text a person sees lives here. Each feature adds its own pair of files (id/<feature>.ts,
// en/<feature>.ts, the English typed against the Indonesian so no key is missing) and one line below.
import { check as enCheck } from "./en/check.ts";
import { check as idCheck } from "./id/check.ts";
import { core as enCore } from "./en/core.ts";
import { core as idCore } from "./id/core.ts";
import { data as enData } from "./en/data.ts";
import { data as idData } from "./id/data.ts";
import { decree as enDecree } from "./en/decree.ts";
import { decree as idDecree } from "./id/decree.ts";
import { delivery as enDelivery } from "./en/delivery.ts";
import { employeeImport as enEmployeeImport } from "./en/employee-import.ts";
import { employeeImport as idEmployeeImport } from "./id/employee-import.ts";
import { delivery as idDelivery } from "./id/delivery.ts";
import { employee as enEmployee } from "./en/employee.ts";
import { employee as idEmployee } from "./id/employee.ts";
import { fullLoad as enFullLoad } from "./en/full-load.ts";
import { fullLoad as idFullLoad } from "./id/full-load.ts";
import { hr as enHr } from "./en/hr.ts";
import { hr as idHr } from "./id/hr.ts";
import { lifecycle as enLifecycle } from "./en/lifecycle.ts";
import { lifecycle as idLifecycle } from "./id/lifecycle.ts";
import { response as enResponse } from "./en/response.ts";
import { response as idResponse } from "./id/response.ts";
import { teacherLoad as enTeacherLoad } from "./en/teacher-load.ts";
import { teacherLoad as idTeacherLoad } from "./id/teacher-load.ts";
import { unitHead as enUnitHead } from "./en/unit-head.ts";
import { unitHead as idUnitHead } from "./id/unit-head.ts";

const id = {
  ...idCore,
  ...idCheck,
  ...idData,
  ...idDelivery,
  ...idEmployee,
  ...idEmployeeImport,
  ...idHr,
  ...idUnitHead,
  ...idLifecycle,
  ...idTeacherLoad,
  ...idDecree,
  ...idResponse,
  ...idFullLoad,
};

const en: Record<keyof typeof id, string> = {
  ...enCore,
  ...enCheck,
  ...enData,
  ...enDelivery,
  ...enEmployee,
  ...enEmployeeImport,
  ...enHr,
  ...enUnitHead,
  ...enLifecycle,
  ...enTeacherLoad,
  ...enDecree,
  ...enResponse,
  ...enFullLoad,
};

export type Locale = "id" | "en";
export type TextKey = keyof typeof id;
/** Markup built by our own code; every other string parameter is escaped for Telegram's HTML mode. */
export class Html {
  constructor(readonly value: string) {}
}
export type TextParams = Record<string, string | number | Html>;

export const locales: Record<Locale, Record<TextKey, string>> = { id, en };

export function isLocale(value: unknown): value is Locale {
  return value === "id" || value === "en";
}

export function isTextKey(key: string): key is TextKey {
  return key in id;
}

/** Replaces {name} placeholders; numbers are formatted the way the locale writes them. */
export function translate(locale: Locale, key: TextKey, params: TextParams = {}): string {
  const template = locales[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (value instanceof Html) return value.value;
    return typeof value === "number" ? formatNumber(locale, value) : escapeHtml(value);
  });
}

/** Built once per locale and precision: building one costs 20 µs, a province's check formats thousands. */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(locale: Locale, value: number, fractionDigits = 2): string {
  const key = `${locale}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US", {
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** Text from the person's setting, else their Telegram language when we have it, else the default. */
export function pickLocale(
  saved: string | null | undefined,
  telegramLanguage: string | undefined,
  fallback: Locale,
): Locale {
  if (isLocale(saved)) return saved;
  const short = telegramLanguage?.slice(0, 2);
  if (isLocale(short)) return short;
  return fallback;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
