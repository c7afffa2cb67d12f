import type { DomainError } from "../domain/errors.ts";
import { isTextKey, translate, type Locale } from "./locales/index.ts";

/** A DomainError's text as plain text (no tags, no entities): for a terminal or a web page. */
export function plainErrorText(locale: Locale, error: DomainError): string {
  const key = `errors.${error.code}`;
  const text = isTextKey(key) ? translate(locale, key, error.params) : error.code;
  return htmlToPlain(text);
}

/** A text written for Telegram's HTML as plain text (no tags, no entities): for a terminal or a page. */
export function htmlToPlain(text: string): string {
  return text
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
