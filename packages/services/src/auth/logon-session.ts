import type { Database } from "@tc9/sdk";
import {
  AuthResult,
  AZEROTHCORE_ACCOUNT_FLAGS,
  AZEROTHCORE_VERSION_CHALLENGE,
  createReconnectChallenge,
  LogonCommand,
  logonChallengeRequestCodec,
  logonChallengeResponseCodec,
  logonProofRequestCodec,
  logonProofResponseCodec,
  realmListRequestCodec,
  realmListResponseCodec,
  reconnectChallengeRequestCodec,
  reconnectChallengeResponseCodec,
  reconnectProofRequestCodec,
  reconnectProofResponseCodec,
  SRP6_GENERATOR_BYTES,
  SRP6_LARGE_SAFE_PRIME_BYTES,
  SRP6_SESSION_KEY_LENGTH,
  Srp6Server,
  verifyReconnectProof,
  type ChallengeRequest,
  type LogonPacket,
} from "@tc9/sdk/wow";
import type { Logger } from "pino";
import { localeIdFromName } from "./locale.js";
import { findLogonAccount, recordLogon, recordWrongPassword, type LogonAccount } from "./logon-store.js";
import type { AuthOptions } from "./options.js";
import { buildRealmList, type RealmListSources } from "./realm-list.js";
import { isValidTotpToken } from "./totp.js";

/** The one client build tc9 speaks (3.3.5a); it must also be in `build_info`. */
export const SUPPORTED_CLIENT_BUILD = 12340;

/** What every session of one logon server shares. */
export interface LogonSessionContext extends RealmListSources {
  readonly db: Database;
  readonly options: AuthOptions;
}

/** The connection a session talks over. */
export interface LogonPeer {
  /** The client's address, IPv4-mapped IPv6 unwrapped. */
  readonly ip: string;
  send(bytes: Uint8Array): void;
  /** Sends `bytes` (if any), then closes once they are flushed. */
  finish(bytes?: Uint8Array): void;
}

type SessionState = "challenge" | "logon-proof" | "reconnect-proof" | "authed" | "closed";

/** Which state each client command is accepted in (AzerothCore's `AuthHandler.status`). */
const REQUIRED_STATE: Readonly<Record<number, SessionState>> = {
  [LogonCommand.LOGON_CHALLENGE]: "challenge",
  [LogonCommand.RECONNECT_CHALLENGE]: "challenge",
  [LogonCommand.LOGON_PROOF]: "logon-proof",
  [LogonCommand.RECONNECT_PROOF]: "reconnect-proof",
  [LogonCommand.REALM_LIST]: "authed",
};

const FAILED_PROOF_LOGIN_FLAGS = 0;

/**
 * One client connection of the logon server: a strict state machine (challenge → proof → realm
 * list, or reconnect challenge → reconnect proof → realm list) following AzerothCore's
 * `AuthSession`. A packet out of order, or any refusal, ends the connection. Decoding errors are
 * thrown (`ProtocolError`) for the server to log and disconnect.
 */
export class LogonSession {
  readonly #context: LogonSessionContext;
  readonly #peer: LogonPeer;
  readonly #logger: Logger;
  #state: SessionState = "challenge";
  #challenge: ChallengeRequest | undefined;
  #account: LogonAccount | undefined;
  #srp: Srp6Server | undefined;
  #reconnectChallenge: Uint8Array | undefined;

  constructor(context: LogonSessionContext, peer: LogonPeer, logger: Logger) {
    this.#context = context;
    this.#peer = peer;
    this.#logger = logger;
  }

  /** Handles one whole client packet. */
  async handle(packet: LogonPacket): Promise<void> {
    if (REQUIRED_STATE[packet.command] !== this.#state) {
      this.#logger.debug({ command: packet.command, state: this.#state }, "logon packet out of order; closing");
      this.#close();
      return;
    }
    switch (packet.command) {
      case LogonCommand.LOGON_CHALLENGE:
        return this.#logonChallenge(logonChallengeRequestCodec.decode(packet.bytes));
      case LogonCommand.LOGON_PROOF:
        return this.#logonProof(packet.bytes);
      case LogonCommand.RECONNECT_CHALLENGE:
        return this.#reconnectChallengeStep(reconnectChallengeRequestCodec.decode(packet.bytes));
      case LogonCommand.RECONNECT_PROOF:
        return this.#reconnectProof(packet.bytes);
      case LogonCommand.REALM_LIST:
        return this.#realmList(packet.bytes);
    }
  }

  async #logonChallenge(request: ChallengeRequest): Promise<void> {
    this.#state = "closed";
    const refuse = (result: number): void => this.#peer.finish(logonChallengeResponseCodec.encode({ kind: "failure", result }));
    const account = await findLogonAccount(this.#context.db, request.accountName, this.#peer.ip);
    if (!account) return refuse(AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    const refusal = this.#accountRefusal(account);
    if (refusal !== undefined) return refuse(refusal);
    if (!this.#isSupportedBuild(request.version.build)) return refuse(AuthResult.WOW_FAIL_VERSION_INVALID);
    const srp = new Srp6Server({ username: account.username, salt: account.salt, verifier: account.verifier });
    this.#challenge = request;
    this.#account = account;
    this.#srp = srp;
    this.#state = "logon-proof";
    this.#peer.send(
      logonChallengeResponseCodec.encode({
        kind: "success",
        serverPublicKey: srp.serverPublicKey,
        generator: SRP6_GENERATOR_BYTES,
        largeSafePrime: SRP6_LARGE_SAFE_PRIME_BYTES,
        salt: srp.salt,
        versionChallenge: AZEROTHCORE_VERSION_CHALLENGE,
        ...(account.totpSecret && { authenticator: { required: true } }),
      }),
    );
  }

  async #logonProof(bytes: Uint8Array): Promise<void> {
    this.#state = "closed";
    const proof = logonProofRequestCodec.decode(bytes);
    const account = this.#account;
    const challenge = this.#challenge;
    const srp = this.#srp;
    if (!account || !challenge || !srp) return this.#close();
    const verification = srp.verifyClientProof(proof.clientPublicKey, proof.clientProof);
    const refuse = (): void =>
      this.#peer.finish(
        logonProofResponseCodec.encode({ kind: "failure", result: AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT, loginFlags: FAILED_PROOF_LOGIN_FLAGS }),
      );
    if (!verification.ok) {
      // Counted (and banned) before the reply, so the client's next attempt already sees the result.
      try {
        const outcome = await recordWrongPassword(this.#context.db, account, this.#peer.ip, this.#context.options.wrongPass);
        this.#logger.info({ account: account.username, ip: this.#peer.ip, outcome }, "logon with a wrong password");
      } finally {
        refuse();
      }
      return;
    }
    if (!this.#tokenAccepted(account, proof.authenticatorToken)) {
      this.#logger.info({ account: account.username, ip: this.#peer.ip }, "logon with a missing or wrong authenticator token");
      return refuse();
    }
    await recordLogon(this.#context.db, {
      accountId: account.id,
      sessionKey: verification.sessionKey,
      ip: this.#context.options.logIpAddresses ? this.#peer.ip : "0.0.0.0",
      locale: localeIdFromName(challenge.locale),
      os: challenge.os,
    });
    this.#account = { ...account, sessionKey: verification.sessionKey };
    this.#state = "authed";
    this.#peer.send(
      logonProofResponseCodec.encode({
        kind: "success",
        serverProof: verification.serverProof,
        accountFlags: AZEROTHCORE_ACCOUNT_FLAGS,
        surveyId: 0,
        loginFlags: 0,
      }),
    );
  }

  async #reconnectChallengeStep(request: ChallengeRequest): Promise<void> {
    this.#state = "closed";
    const refuse = (result: number): void => this.#peer.finish(reconnectChallengeResponseCodec.encode({ kind: "failure", result }));
    const account = await findLogonAccount(this.#context.db, request.accountName, this.#peer.ip);
    if (!account || account.sessionKey?.length !== SRP6_SESSION_KEY_LENGTH) return refuse(AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    const refusal = this.#accountRefusal(account);
    if (refusal !== undefined) return refuse(refusal);
    if (!this.#isSupportedBuild(request.version.build)) return refuse(AuthResult.WOW_FAIL_VERSION_INVALID);
    this.#challenge = request;
    this.#account = account;
    this.#reconnectChallenge = createReconnectChallenge();
    this.#state = "reconnect-proof";
    this.#peer.send(
      reconnectChallengeResponseCodec.encode({
        kind: "success",
        challengeData: this.#reconnectChallenge,
        versionChallenge: AZEROTHCORE_VERSION_CHALLENGE,
      }),
    );
  }

  async #reconnectProof(bytes: Uint8Array): Promise<void> {
    this.#state = "closed";
    const proof = reconnectProofRequestCodec.decode(bytes);
    const account = this.#account;
    const serverChallenge = this.#reconnectChallenge;
    if (!account?.sessionKey || !serverChallenge) return this.#close();
    const valid = verifyReconnectProof({
      username: account.username,
      clientData: proof.clientData,
      serverChallenge,
      sessionKey: account.sessionKey,
      clientProof: proof.clientProof,
    });
    if (!valid) {
      // AzerothCore closes without a reply when the session key does not match.
      this.#logger.info({ account: account.username, ip: this.#peer.ip }, "reconnect with a stale or wrong session key");
      return this.#close();
    }
    this.#state = "authed";
    this.#peer.send(reconnectProofResponseCodec.encode({ result: AuthResult.WOW_SUCCESS, loginFlags: 0 }));
  }

  async #realmList(bytes: Uint8Array): Promise<void> {
    realmListRequestCodec.decode(bytes);
    const account = this.#account;
    const challenge = this.#challenge;
    if (!account || !challenge) return this.#close();
    const realms = await buildRealmList(this.#context, account.id, challenge.version.build);
    this.#peer.send(realmListResponseCodec.encode({ realms }));
  }

  /** AzerothCore's checks before SRP6: IP lock, then bans (permanent → banned, else suspended). */
  #accountRefusal(account: LogonAccount): number | undefined {
    if (account.lockedToIp && account.lastIp !== this.#peer.ip) return AuthResult.WOW_FAIL_LOCKED_ENFORCED;
    if (account.banned) return account.permanentlyBanned ? AuthResult.WOW_FAIL_BANNED : AuthResult.WOW_FAIL_SUSPENDED;
    return undefined;
  }

  /** 3.3.5a only, and only when `build_info` knows the build (AzerothCore's `IsAcceptedClientBuild`). */
  #isSupportedBuild(build: number): boolean {
    return build === SUPPORTED_CLIENT_BUILD && this.#context.builds.has(build);
  }

  /** AzerothCore: a token is needed exactly when the account has a TOTP secret. */
  #tokenAccepted(account: LogonAccount, token: string | undefined): boolean {
    if (!account.totpSecret) return token === undefined;
    return token !== undefined && isValidTotpToken(account.totpSecret, token, Math.floor(Date.now() / 1000));
  }

  #close(): void {
    this.#state = "closed";
    this.#peer.finish();
  }
}
