import { isTextKey, translate, type Locale } from "./locales/index.ts";

/**
 * An audit action as people read it ("usulan disetujui (proposal.approve)"), the code kept beside the
 * words so a log search still finds it; an action with no words yet reads as its code.
 */
export function auditActionText(locale: Locale, action: string): string {
  const key = `audit.action.${action}`;
  return isTextKey(key) ? `${translate(locale, key)} (${action})` : action;
}
