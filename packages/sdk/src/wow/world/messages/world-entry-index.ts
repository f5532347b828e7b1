/**
 * Exports of the messages of a player's time in the world (3.3.5a), as AzerothCore writes and reads
 * them: movement and teleports, the login packets that follow SMSG_LOGIN_VERIFY_WORLD, text
 * emotes, and ToCloud9's redirect handshake between a gateway and a cluster-mode worldserver.
 */
export {
  MOVEMENT_OPCODES,
  movementCodec,
  moveTeleportAckClientCodec,
  moveTeleportAckServerCodec,
  moveWorldportAckCodec,
  readMovementInfo,
  writeMovementInfo,
} from "./movement.js";
export type {
  MovementInfo,
  MovementJump,
  MovementMessage,
  MoveTeleportAckClient,
  MoveTeleportAckServer,
  TransportPosition,
} from "./movement.js";
export { ACCOUNT_DATA_TYPE_COUNT, AccountDataMask, accountDataTimesCodec } from "./account-data-times.js";
export type { AccountDataTimes } from "./account-data-times.js";
export { loginSetTimeSpeedCodec, NORMAL_GAME_SPEED, packGameTime, unpackGameTime } from "./login-set-time-speed.js";
export type { GameTimeFields, LoginSetTimeSpeed } from "./login-set-time-speed.js";
export { textEmoteCodec, textEmoteRequestCodec } from "./text-emote.js";
export type { TextEmote, TextEmoteRequest } from "./text-emote.js";
export { prepareForRedirectCodec, readyForRedirectCodec, RedirectStatus } from "./cluster-redirect.js";
export type { ReadyForRedirect } from "./cluster-redirect.js";
