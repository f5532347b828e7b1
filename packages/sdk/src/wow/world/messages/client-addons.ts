import { PacketReader } from "../../codec/packet-reader.js";
import { PacketWriter } from "../../codec/packet-writer.js";
import { ProtocolError } from "../../codec/protocol-error.js";
import { Opcode } from "../../opcodes/opcode-table.js";

/** Largest uncompressed addon list AzerothCore reads (`WorldSession::ReadAddonsInfo`). */
export const MAX_ADDON_INFO_SIZE = 0xfffff;

/** One addon entry the client lists in CMSG_AUTH_SESSION. */
export interface ClientAddon {
  readonly name: string;
  /** AzerothCore's `enabled` byte (ToCloud9: "has key"). */
  readonly enabled: number;
  /** CRC of the addon's public key; `STANDARD_ADDON_CRC` for Blizzard addons. */
  readonly crc: number;
  /** AzerothCore's `unk1` (ToCloud9: URL CRC). */
  readonly urlCrc: number;
}

/** The addon block of CMSG_AUTH_SESSION: `u32 size | zlib(u32 count, entries, u32 timestamp)`. */
export interface ClientAddonList {
  readonly addons: readonly ClientAddon[];
  /** The trailing u32 (AzerothCore: `currentTime`; TrinityCore: latest banned addon timestamp). */
  readonly lastBannedAddonTimestamp: number;
  /**
   * The block exactly as received (u32 size and zlib stream). When present, encoding writes these
   * bytes verbatim, so a relayed packet is byte-identical; omit it to compress `addons` afresh.
   */
  readonly raw?: Uint8Array;
}

/** Smallest addon entry: empty name, u8, u32, u32. */
const MIN_ADDON_ENTRY_SIZE = 10;

/** Writes the addon block: `raw` when present, else the entries compressed with zlib. */
export function writeClientAddonList(writer: PacketWriter, list: ClientAddonList): void {
  if (list.raw) {
    writer.writeBytes(list.raw);
    return;
  }
  const inner = new PacketWriter({ opcode: Opcode.CMSG_AUTH_SESSION });
  inner.writeU32(list.addons.length);
  for (const addon of list.addons) {
    inner.writeCString(addon.name).writeU8(addon.enabled).writeU32(addon.crc).writeU32(addon.urlCrc);
  }
  inner.writeU32(list.lastBannedAddonTimestamp);
  writer.writeZlibBlock(inner.toBytes());
}

/**
 * Reads the addon block, which runs to the end of the packet. A declared size of 0 gives an empty
 * list, as AzerothCore skips such a block; any other malformed block is a `ProtocolError`.
 */
export function readClientAddonList(reader: PacketReader): ClientAddonList {
  const start = reader.offset;
  const raw = reader.readBytes(reader.remaining);
  try {
    const block = new PacketReader(raw, { opcode: Opcode.CMSG_AUTH_SESSION });
    const inflated = block.readZlibBlock({ maxSize: MAX_ADDON_INFO_SIZE });
    if (inflated.length === 0) return { addons: [], lastBannedAddonTimestamp: 0, raw };
    const entries = new PacketReader(inflated, { opcode: Opcode.CMSG_AUTH_SESSION });
    const count = entries.readCount(MAX_ADDON_INFO_SIZE, { minElementSize: MIN_ADDON_ENTRY_SIZE });
    const addons: ClientAddon[] = [];
    for (let index = 0; index < count; index++) {
      addons.push({ name: entries.readCString(), enabled: entries.readU8(), crc: entries.readU32(), urlCrc: entries.readU32() });
    }
    const lastBannedAddonTimestamp = entries.readU32();
    entries.expectEnd();
    return { addons, lastBannedAddonTimestamp, raw };
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    throw new ProtocolError({
      reason: `addon block: ${error.reason} (offset ${error.offset} of the block or its inflated data)`,
      offset: start,
      opcode: Opcode.CMSG_AUTH_SESSION,
      cause: error,
    });
  }
}
