// The cross-player index: every exported codec is named after its opcode, so a reader can find
// the codec of an opcode by name (`CMSG_GROUP_INVITE` → `cmsgGroupInviteCodec`).
import assert from "node:assert/strict";
import { test } from "node:test";
import { opcodeName } from "../../../src/wow/opcodes/opcode-name.js";
import * as crossPlayer from "../../../src/wow/world/messages/cross-player-index.js";
import * as updateObject from "../../../src/wow/world/update-object/index.js";

function expectedOpcodeName(exportName: string): string {
  const stem = exportName.replace(/Codec$/, "").replace(/(Client|Server)$/, "");
  return stem.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

test("each exported codec carries the opcode its name spells", () => {
  const codecs = Object.entries({ ...crossPlayer, ...updateObject }).filter(([name]) => name.endsWith("Codec"));
  assert.ok(codecs.length >= 140, `only ${codecs.length} codecs exported`);
  for (const [name, codec] of codecs) {
    assert.ok(typeof codec === "object" && codec !== null && "opcode" in codec && typeof codec.opcode === "number", name);
    assert.equal(opcodeName(codec.opcode), expectedOpcodeName(name), name);
  }
});
