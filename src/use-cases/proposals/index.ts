// proposals/: the only way in from outside this folder.
export * from "./cancel-proposal.ts";
export * from "./decide-in-view.ts";
export * from "./decide-proposal.ts";
export * from "./decide-response.ts";
export * from "./expire-proposals.ts";
export * from "./list-pending-proposals.ts";
export * from "./record-objection.ts";
export * from "./rejections.ts";
export * from "./review-objection.ts";
export * from "./show-proposal.ts";
export * from "./withdraw-objection.ts";
