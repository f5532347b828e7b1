import { ProtocolError } from "../../codec/protocol-error.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { readClientAddonList, writeClientAddonList, type ClientAddonList } from "./client-addons.js";
import { requireBytes } from "./wire-helpers.js";

/**
 * CMSG_AUTH_SESSION (unencrypted), as AzerothCore's `WorldSocket::HandleAuthSession` reads it.
 * The addon block is required: AzerothCore refuses a packet that ends after the digest.
 */
export interface AuthSession {
  /** 12340 for 3.3.5a. */
  readonly build: number;
  readonly loginServerId: number;
  /** The account name as the client sends it (upper-case); hashed as-is into the digest. */
  readonly account: string;
  readonly loginServerType: number;
  /** The client's 4 seed bytes (`LocalChallenge`). */
  readonly clientSeed: Uint8Array;
  readonly regionId: number;
  readonly battlegroupId: number;
  /** AzerothCore answers REALM_LIST_REALM_NOT_FOUND unless this is its realm id. */
  readonly realmId: number;
  readonly dosResponse: bigint;
  /** SHA1(account ‖ 0u32 ‖ clientSeed ‖ serverSeed ‖ K), 20 bytes. */
  readonly digest: Uint8Array;
  readonly addonInfo: ClientAddonList;
}

/** Codec of {@link AuthSession}. */
export const authSessionCodec: MessageCodec<AuthSession> = defineMessageCodec({
  opcode: Opcode.CMSG_AUTH_SESSION,
  write(writer, message) {
    const opcode = Opcode.CMSG_AUTH_SESSION;
    writer.writeU32(message.build).writeU32(message.loginServerId).writeCString(message.account);
    writer.writeU32(message.loginServerType).writeBytes(requireBytes(writer, opcode, message.clientSeed, 4, "clientSeed"));
    writer.writeU32(message.regionId).writeU32(message.battlegroupId).writeU32(message.realmId);
    writer.writeU64(message.dosResponse).writeBytes(requireBytes(writer, opcode, message.digest, 20, "digest"));
    writeClientAddonList(writer, message.addonInfo);
  },
  read(reader) {
    const build = reader.readU32();
    const loginServerId = reader.readU32();
    const account = reader.readCString();
    const loginServerType = reader.readU32();
    const clientSeed = reader.readBytes(4);
    const regionId = reader.readU32();
    const battlegroupId = reader.readU32();
    const realmId = reader.readU32();
    const dosResponse = reader.readU64();
    const digest = reader.readBytes(20);
    if (reader.remaining === 0) {
      throw new ProtocolError({
        reason: "addon block is missing (AzerothCore refuses an empty one)",
        offset: reader.offset,
        opcode: Opcode.CMSG_AUTH_SESSION,
      });
    }
    const addonInfo = readClientAddonList(reader);
    return { build, loginServerId, account, loginServerType, clientSeed, regionId, battlegroupId, realmId, dosResponse, digest, addonInfo };
  },
});
