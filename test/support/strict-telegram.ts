// vitest setup for both projects: a test fails when any Bot API stand-in refused a call the test did
// not declare (expectRefusal / allowRefusals in refusals.ts). Our stand-ins refuse what Telegram
// refuses, so a text Telegram cannot parse fails here rather than in front of a person.
import { afterEach } from "vitest";
import { unexpectedRefusals } from "./refusals.ts";

afterEach(() => {
  const refused = unexpectedRefusals();
  if (refused.length === 0) return;
  const lines = refused.map(
    (r) => `  ${r.method} → ${r.error_code} ${r.description}\n    ${JSON.stringify(r.payload).slice(0, 400)}`,
  );
  throw new Error(
    `Telegram would refuse ${refused.length} call(s) this test did not expect:\n${lines.join("\n")}`,
  );
});
