// accounts/: the only way in from outside this folder.
export * from "./command-menu.ts";
export * from "./create-invite.ts";
export * from "./get-my-record.ts";
export * from "./link-hr-group.ts";
export * from "./person-of-telegram-user.ts";
export * from "./redeem-invite.ts";
export * from "./set-user-locale.ts";
