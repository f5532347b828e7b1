import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import type { ClientAddon } from "./client-addons.js";
import { failEncode, requireBytes } from "./wire-helpers.js";

/** CRC of Blizzard's addon signing key; addons with it need no key in the reply (AzerothCore `STANDARD_ADDON_CRC`). */
export const STANDARD_ADDON_CRC = 0x4c1c776d;

/**
 * The 256-byte public key AzerothCore (`WorldSession::SendAddonsInfo`), TrinityCore and MaNGOS send
 * for addons whose CRC is not {@link STANDARD_ADDON_CRC}.
 */
export const ADDON_PUBLIC_KEY: Uint8Array = Uint8Array.from(
  Buffer.from(
    "c35b5084b93e32428cd0c748fa0e5d545aa30e14ba9e0db95d8beeb684934575" +
    "ff31fe2f643f3d6d07d9449b408559344e10e1e74369ef7c16fcb4ed1b9528a8" +
    "2376513157302b790850101c4a1a2cc88b8f052d223ddb5a247a0f1350378f5a" +
    "cc9e04440e8701d4a315941634c6c2c3fb49fee1f9da8c503cbe2cbb57ed46b9" +
    "ad8bc6df0ed60fbe80b38b1e77cfad22cfb74bcffbf06b11452d7a8118f2927e" +
    "98565d5e69720a0d030a85a2859ccbfb566e8f44bb8f0222686397bc85baa8f7" +
    "b540683c77866f4bd788ca8ad7ce36f0456ed564790f17fc64dd106ff3f5e0a6" +
    "c3fb1b8c29ef8ee534cbd12ace79c39a0d36ea01e0aa912054f072d81ec789d2",
    "hex",
  ),
);

/** The addon-key part of a reply entry, sent when AzerothCore's `UsePublicKeyOrCRC` is set (always). */
export interface AddonKeyCheck {
  /** {@link ADDON_PUBLIC_KEY} (256 bytes) when the client's CRC is not the standard one. */
  readonly publicKey?: Uint8Array;
  /** A u32 AzerothCore writes as 0. */
  readonly unknown: number;
}

/** One entry of SMSG_ADDON_INFO, in the order of the client's addon list. */
export interface AddonInfoEntry {
  /** AzerothCore sends 2. */
  readonly state: number;
  readonly keyCheck?: AddonKeyCheck;
  /** An addon URL; AzerothCore never sends one. */
  readonly url?: string;
}

/** A banned addon (AzerothCore's `banned_addons` table). */
export interface BannedAddon {
  readonly id: number;
  /** 16 bytes. */
  readonly nameMd5: Uint8Array;
  /** 16 bytes. */
  readonly versionMd5: Uint8Array;
  readonly timestamp: number;
  /** AzerothCore writes 1. */
  readonly isBanned: number;
}

/** SMSG_ADDON_INFO: one entry per client addon, then the banned addons. */
export interface AddonInfo {
  readonly addons: readonly AddonInfoEntry[];
  readonly bannedAddons: readonly BannedAddon[];
}

/** Bytes of one banned-addon record. */
const BANNED_ADDON_SIZE = 44;

/**
 * A codec of SMSG_ADDON_INFO for a client that listed `addonCount` addons. The packet has no entry
 * count (the client matches entries to its own list), so decoding needs it from CMSG_AUTH_SESSION.
 */
export function createAddonInfoCodec(addonCount: number): MessageCodec<AddonInfo> {
  const opcode = Opcode.SMSG_ADDON_INFO;
  return defineMessageCodec<AddonInfo>({
    opcode,
    write(writer, message) {
      if (message.addons.length !== addonCount) {
        failEncode(writer, opcode, `${message.addons.length} entries given, the client listed ${addonCount}`);
      }
      for (const entry of message.addons) {
        writer.writeU8(entry.state).writeU8(entry.keyCheck ? 1 : 0);
        if (entry.keyCheck) {
          writer.writeU8(entry.keyCheck.publicKey ? 1 : 0);
          if (entry.keyCheck.publicKey) writer.writeBytes(requireBytes(writer, opcode, entry.keyCheck.publicKey, 256, "publicKey"));
          writer.writeU32(entry.keyCheck.unknown);
        }
        writer.writeU8(entry.url === undefined ? 0 : 1);
        if (entry.url !== undefined) writer.writeCString(entry.url);
      }
      writer.writeU32(message.bannedAddons.length);
      for (const banned of message.bannedAddons) {
        writer.writeU32(banned.id);
        writer.writeBytes(requireBytes(writer, opcode, banned.nameMd5, 16, "nameMd5"));
        writer.writeBytes(requireBytes(writer, opcode, banned.versionMd5, 16, "versionMd5"));
        writer.writeU32(banned.timestamp).writeU32(banned.isBanned);
      }
    },
    read(reader) {
      const addons: AddonInfoEntry[] = [];
      for (let index = 0; index < addonCount; index++) {
        const state = reader.readU8();
        let keyCheck: AddonKeyCheck | undefined;
        if (reader.readU8() !== 0) {
          const publicKey = reader.readU8() !== 0 ? reader.readBytes(256) : undefined;
          keyCheck = { ...(publicKey && { publicKey }), unknown: reader.readU32() };
        }
        const url = reader.readU8() !== 0 ? reader.readCString() : undefined;
        addons.push({ state, ...(keyCheck && { keyCheck }), ...(url !== undefined && { url }) });
      }
      const bannedCount = reader.readCount(0xffff, { minElementSize: BANNED_ADDON_SIZE });
      const bannedAddons: BannedAddon[] = [];
      for (let index = 0; index < bannedCount; index++) {
        bannedAddons.push({
          id: reader.readU32(),
          nameMd5: reader.readBytes(16),
          versionMd5: reader.readBytes(16),
          timestamp: reader.readU32(),
          isBanned: reader.readU32(),
        });
      }
      return { addons, bannedAddons };
    },
  });
}

/**
 * The reply AzerothCore builds for a client's addon list (`ReadAddonsInfo` + `SendAddonsInfo`):
 * state 2, key check always on, the public key for non-standard CRCs, no URL.
 */
export function buildAddonInfoReply(clientAddons: readonly ClientAddon[], bannedAddons: readonly BannedAddon[] = []): AddonInfo {
  return {
    addons: clientAddons.map((addon) => ({
      state: 2,
      keyCheck: addon.crc === STANDARD_ADDON_CRC ? { unknown: 0 } : { publicKey: ADDON_PUBLIC_KEY, unknown: 0 },
    })),
    bannedAddons,
  };
}
