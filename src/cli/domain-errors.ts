import { DomainError } from "../domain/errors.ts";
import { plainErrorText } from "../messages/error-text.ts";
import { operatorError } from "./types.ts";

/** The locale's English text of a DomainError, as plain text for a terminal (no tags, no entities). */
export function plainError(error: DomainError): string {
  return plainErrorText("en", error);
}

/** A use case's refusal (DomainError) becomes exit 1 with its text; anything else stays a crash. */
export function refusalsAsOperatorErrors<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (error instanceof DomainError) throw operatorError(plainError(error));
    throw error;
  });
}
