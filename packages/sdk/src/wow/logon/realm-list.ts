import type { PacketReader } from "../codec/packet-reader.js";
import type { PacketWriter } from "../codec/packet-writer.js";
import { ProtocolError } from "../codec/protocol-error.js";
import type { ClientVersion } from "./logon-challenge.js";
import { LogonCommand } from "./logon-command.js";
import { defineLogonCodec, type LogonCodec } from "./logon-codec.js";

/** Length of the client's realm list request: `10` and a u32 AzerothCore ignores. */
export const REALM_LIST_REQUEST_LENGTH = 5;
/** Bytes before the size field's count starts: command and u16 size. */
export const REALM_LIST_RESPONSE_HEADER_LENGTH = 3;

/** Realm flags (`RealmFlags` in AzerothCore's `Realm.h`). */
export const RealmFlag = {
  NONE: 0x00,
  VERSION_MISMATCH: 0x01,
  OFFLINE: 0x02,
  /** The entry carries a {@link ClientVersion} block. */
  SPECIFY_BUILD: 0x04,
  UNK1: 0x08,
  UNK2: 0x10,
  RECOMMENDED: 0x20,
  NEW: 0x40,
  FULL: 0x80,
} as const;

/** Realm types (`realmlist.icon`; AzerothCore's `RealmType`). */
export const RealmType = {
  NORMAL: 0,
  PVP: 1,
  RP: 6,
  RPPVP: 8,
  FFA_PVP: 16,
} as const;

/** The footer AzerothCore writes after the realms for 2.x/3.x clients (gtker/wow_messages writes `00 00`). */
export const AZEROTHCORE_REALM_LIST_FOOTER: Uint8Array = Uint8Array.of(0x10, 0x00);

/** One realm of the realm list reply. */
export interface RealmEntry {
  readonly type: number;
  /** True when the account's security level is below the realm's `allowedSecurityLevel`. */
  readonly locked: boolean;
  /** `RealmFlag` bits; `SPECIFY_BUILD` is set on the wire exactly when `build` is present. */
  readonly flags: number;
  readonly name: string;
  /** "host:port" of the world server (the ToCloud9 gateway). */
  readonly address: string;
  readonly population: number;
  /** The account's characters on this realm. */
  readonly characterCount: number;
  /** Realm category (AzerothCore's `timezone` column). */
  readonly timezone: number;
  readonly id: number;
  /** The realm's client version, sent when the `SPECIFY_BUILD` flag is set. */
  readonly build?: ClientVersion;
}

/** Server → client realm list reply. */
export interface RealmListResponse {
  readonly realms: readonly RealmEntry[];
}

/** Client → server realm list request: no fields (AzerothCore ignores the u32 after the command). */
export type RealmListRequest = Record<string, never>;

/** Client → server REALM_LIST (command 0x10): `10 00 00 00 00`. */
export const realmListRequestCodec: LogonCodec<RealmListRequest> = defineLogonCodec<RealmListRequest>({
  command: LogonCommand.REALM_LIST,
  name: "REALM_LIST (client)",
  write(writer) {
    writer.writeU32(0);
  },
  read(reader) {
    reader.readU32();
    return {};
  },
});

/** Smallest realm entry: 3 bytes, two empty strings, f32, 3 bytes. */
const MIN_REALM_ENTRY_LENGTH = 12;

/**
 * Server → client REALM_LIST reply (command 0x10):
 * `10 | u16 size | u32 0 | u16 count | realms | footer`. The encoder writes AzerothCore's footer
 * `10 00`; the decoder accepts any 0..2 footer bytes (wow_messages writes `00 00`).
 */
export const realmListResponseCodec: LogonCodec<RealmListResponse> = defineLogonCodec({
  command: LogonCommand.REALM_LIST,
  name: "REALM_LIST (server)",
  write(writer, message) {
    const sizeOffset = writer.length;
    writer.writeU16(0).writeU32(0);
    if (message.realms.length > 0xffff) {
      throw new ProtocolError({ reason: `${message.realms.length} realms do not fit a u16 count`, offset: writer.length, kind: "encode" });
    }
    writer.writeU16(message.realms.length);
    for (const realm of message.realms) writeRealm(writer, realm);
    writer.writeBytes(AZEROTHCORE_REALM_LIST_FOOTER);
    const size = writer.length - sizeOffset - 2;
    if (size > 0xffff) {
      throw new ProtocolError({ reason: `realm list of ${size} bytes does not fit the u16 size`, offset: sizeOffset, kind: "encode" });
    }
    writer.setU16At(sizeOffset, size);
  },
  read(reader) {
    const sizeOffset = reader.offset;
    const size = reader.readU16();
    if (size !== reader.remaining) {
      throw new ProtocolError({ reason: `size field says ${size} bytes follow, ${reader.remaining} do`, offset: sizeOffset });
    }
    reader.readU32();
    const count = reader.readCount(0xffff, { width: "u16", minElementSize: MIN_REALM_ENTRY_LENGTH });
    const realms: RealmEntry[] = [];
    for (let index = 0; index < count; index++) realms.push(readRealm(reader));
    if (reader.remaining > AZEROTHCORE_REALM_LIST_FOOTER.length) {
      throw new ProtocolError({ reason: `${reader.remaining} bytes after the realms; the footer is at most 2`, offset: reader.offset });
    }
    reader.skip(reader.remaining);
    return { realms };
  },
});

function writeRealm(writer: PacketWriter, realm: RealmEntry): void {
  const flags = realm.build ? realm.flags | RealmFlag.SPECIFY_BUILD : realm.flags & ~RealmFlag.SPECIFY_BUILD;
  writer.writeU8(realm.type).writeU8(realm.locked ? 1 : 0).writeU8(flags);
  writer.writeCString(realm.name).writeCString(realm.address);
  writer.writeF32(realm.population);
  writer.writeU8(realm.characterCount).writeU8(realm.timezone).writeU8(realm.id);
  if (realm.build) {
    const { major, minor, patch, build } = realm.build;
    writer.writeU8(major).writeU8(minor).writeU8(patch).writeU16(build);
  }
}

function readRealm(reader: PacketReader): RealmEntry {
  const type = reader.readU8();
  const locked = reader.readU8() !== 0;
  const flags = reader.readU8();
  const name = reader.readCString();
  const address = reader.readCString();
  const population = reader.readF32();
  const characterCount = reader.readU8();
  const timezone = reader.readU8();
  const id = reader.readU8();
  const realm = { type, locked, flags, name, address, population, characterCount, timezone, id };
  if ((flags & RealmFlag.SPECIFY_BUILD) === 0) return realm;
  const build = { major: reader.readU8(), minor: reader.readU8(), patch: reader.readU8(), build: reader.readU16() };
  return { ...realm, build };
}
