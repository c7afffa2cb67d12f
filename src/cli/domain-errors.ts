import { DomainError } from "../domain/errors.ts";
import { isTextKey, translate } from "../messages/locales/index.ts";
import { operatorError } from "./types.ts";

/** The locale's English text of a DomainError, as plain text for a terminal (no tags, no entities). */
export function plainError(error: DomainError): string {
  const key = `errors.${error.code}`;
  const text = isTextKey(key) ? translate("en", key, error.params) : error.code;
  return text
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** A use case's refusal (DomainError) becomes exit 1 with its text; anything else stays a crash. */
export function refusalsAsOperatorErrors<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (error instanceof DomainError) throw operatorError(plainError(error));
    throw error;
  });
}
