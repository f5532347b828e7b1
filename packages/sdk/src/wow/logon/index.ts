/**
 * The WoW 3.3.5a logon protocol (authserver, port 3724) as AzerothCore speaks it: a codec for
 * each side of every command, the result codes, and stream splitters for both directions.
 */
export { LogonCommand, isLogonCommand, logonCommandName } from "./logon-command.js";
export type { LogonCommandValue } from "./logon-command.js";
export {
  AccountFlag,
  AuthResult,
  AZEROTHCORE_ACCOUNT_FLAGS,
  AZEROTHCORE_VERSION_CHALLENGE,
  LOGON_PROTOCOL_VERSION,
  SecurityFlag,
} from "./auth-result.js";
export type { AuthResultValue } from "./auth-result.js";
export { defineLogonCodec } from "./logon-codec.js";
export type { LogonCodec, LogonCodecDefinition } from "./logon-codec.js";
export {
  logonChallengeRequestCodec,
  logonChallengeResponseCodec,
  MAX_CHALLENGE_ACCOUNT_NAME_BYTES,
  MAX_CHALLENGE_REQUEST_LENGTH,
  reconnectChallengeRequestCodec,
} from "./logon-challenge.js";
export type {
  ChallengeRequest,
  ClientVersion,
  LogonChallengeFailure,
  LogonChallengeResponse,
  LogonChallengeSuccess,
  MatrixCardChallenge,
  PinChallenge,
} from "./logon-challenge.js";
export { LOGON_PROOF_REQUEST_LENGTH, logonProofRequestCodec, logonProofResponseCodec } from "./logon-proof.js";
export type { LogonProofFailure, LogonProofRequest, LogonProofResponse, LogonProofSuccess } from "./logon-proof.js";
export {
  RECONNECT_PROOF_REQUEST_LENGTH,
  reconnectChallengeResponseCodec,
  reconnectProofRequestCodec,
  reconnectProofResponseCodec,
} from "./reconnect.js";
export type {
  ReconnectChallengeFailure,
  ReconnectChallengeResponse,
  ReconnectChallengeSuccess,
  ReconnectProofRequest,
  ReconnectProofResponse,
} from "./reconnect.js";
export {
  AZEROTHCORE_REALM_LIST_FOOTER,
  REALM_LIST_REQUEST_LENGTH,
  RealmFlag,
  realmListRequestCodec,
  realmListResponseCodec,
  RealmType,
} from "./realm-list.js";
export type { RealmEntry, RealmListRequest, RealmListResponse } from "./realm-list.js";
export { createLogonSplitter, measureClientPacket, measureServerPacket } from "./logon-splitter.js";
export type { LogonDirection, LogonPacket, LogonPacketSize, LogonSplitter } from "./logon-splitter.js";
