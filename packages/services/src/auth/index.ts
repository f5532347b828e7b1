// The auth module (logon server, port 3724) and the account calls `tc9 account` makes.
export { authModule } from "./auth-module.js";
export { authOptionsSchema } from "./options.js";
export type { AuthOptions, AuthOptionsInput, WrongPassOptions } from "./options.js";
export {
  ALL_REALMS,
  banAccount,
  changePassword,
  createAccount,
  MAX_ACCOUNT_EMAIL_LENGTH,
  MAX_ACCOUNT_EXPANSION,
  MAX_ACCOUNT_GM_LEVEL,
  setGmLevel,
  unbanAccount,
} from "./accounts.js";
export type { AccountBan, BanAccountInput, ChangePasswordInput, CreateAccountInput, CreatedAccount, SetGmLevelInput } from "./accounts.js";
export { ACCOUNT_ERROR_CODES, AccountError, AuthListenError } from "./errors.js";
export type { AccountErrorCode } from "./errors.js";
export { AUTO_BAN_AUTHOR, AUTO_BAN_REASON } from "./logon-store.js";
export { SUPPORTED_CLIENT_BUILD } from "./logon-session.js";
export { localeIdFromName } from "./locale.js";
export { currentTotpToken } from "./totp.js";
