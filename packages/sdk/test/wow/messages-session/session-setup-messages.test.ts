import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import { Opcode } from "../../../src/wow/opcodes/opcode-table.js";
import {
  ALL_TUTORIALS_SEEN,
  clientCacheVersionCodec,
  readyForAccountDataTimesCodec,
  realmSplitCodec,
  realmSplitRequestCodec,
  RealmSplitState,
  tutorialFlagsCodec,
} from "../../../src/wow/world/messages/session-social-index.js";
import { assertFuzz, assertVector, hex } from "./codec-check.js";

// Every vector here is AzerothCore's layout written out by hand (no capture of these packets exists
// in the sources used): SendClientCacheVersion, SendTutorialsData, HandleRealmSplitOpcode.

describe("session set-up messages", () => {
  it("SMSG_CLIENTCACHE_VERSION is one u32", () => {
    assert.equal(clientCacheVersionCodec.opcode, Opcode.SMSG_CLIENTCACHE_VERSION);
    assertVector(clientCacheVersionCodec, hex("39300000"), { version: 12345 });
    assertFuzz(clientCacheVersionCodec, hex("00000000"), 40);
  });

  it("SMSG_TUTORIAL_FLAGS is eight u32 words; ToCloud9's all-seen form is 32 bytes of 0xFF", () => {
    assert.equal(tutorialFlagsCodec.opcode, Opcode.SMSG_TUTORIAL_FLAGS);
    assertVector(tutorialFlagsCodec, new Uint8Array(32).fill(0xff), ALL_TUTORIALS_SEEN);
    assertVector(tutorialFlagsCodec, hex(`01000000 00000000 00000000 00000000 00000000 00000000 00000000 00000080`), {
      words: [1, 0, 0, 0, 0, 0, 0, 0x80000000],
    });
    assert.throws(() => tutorialFlagsCodec.encode({ words: [1, 2] }), (error) => error instanceof ProtocolError && error.kind === "encode");
    assertFuzz(tutorialFlagsCodec, tutorialFlagsCodec.encode(ALL_TUTORIALS_SEEN), 60);
  });

  it("CMSG_REALM_SPLIT carries a u32 the server echoes in SMSG_REALM_SPLIT with state and date", () => {
    assert.equal(realmSplitRequestCodec.opcode, Opcode.CMSG_REALM_SPLIT);
    assertVector(realmSplitRequestCodec, hex("ffffffff"), { realmId: 0xffffffff });
    assert.equal(realmSplitCodec.opcode, Opcode.SMSG_REALM_SPLIT);
    assertVector(realmSplitCodec, hex("ffffffff 00000000 30312f30312f303100"), {
      realmId: 0xffffffff,
      state: RealmSplitState.NORMAL,
      splitDate: "01/01/01",
    });
    assertFuzz(realmSplitCodec, realmSplitCodec.encode({ realmId: 1, state: RealmSplitState.SPLIT_PENDING, splitDate: "01/01/01" }), 80);
  });

  it("CMSG_READY_FOR_ACCOUNT_DATA_TIMES is empty", () => {
    assert.equal(readyForAccountDataTimesCodec.opcode, Opcode.CMSG_READY_FOR_ACCOUNT_DATA_TIMES);
    assertVector(readyForAccountDataTimesCodec, new Uint8Array(0), {});
    assert.throws(() => readyForAccountDataTimesCodec.decode(hex("00")), ProtocolError);
  });
});
