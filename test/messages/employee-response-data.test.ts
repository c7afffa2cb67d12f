import { describe, expect, it } from "vitest";
import {
  employeeResponseData,
  responseDecisionData,
} from "../../src/messages/callback-data/employee-response.ts";

describe("buttons of the person's response and of its decision", () => {
  it("round-trip the proposal or response id, well under Telegram's 64 bytes", () => {
    expect(employeeResponseData.pack("RESPONSE", 42)).toBe("rs:r:42");
    expect(employeeResponseData.unpack("rs:k:2147483647")).toEqual({
      kind: "KEBERATAN",
      proposalId: 2147483647,
    });
    expect(responseDecisionData.pack("UPHOLD", 7)).toBe("rd:u:7");
    expect(responseDecisionData.unpack(responseDecisionData.pack("DISMISS", 7))).toEqual({
      verdict: "DISMISS",
      responseId: 7,
    });
    expect(Buffer.byteLength(responseDecisionData.pack("DISMISS", 2147483647))).toBeLessThan(64);
  });

  it("refuse anything else: another action, no id, a zero id, trailing data", () => {
    for (const data of [
      "rs:x:1",
      "rs:r:",
      "rs:r:0",
      "rs:r:1:2",
      "rd:a:1",
      "rd:u:-1",
      "rd:u:12345678901",
      "rs:r:2147483648",
    ]) {
      expect(employeeResponseData.unpack(data) ?? responseDecisionData.unpack(data), data).toBeNull();
    }
  });
});
