import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { arenaTeamFromId, crossrealmArenaTeamId, PlayerIdentityError, playerFromWire, playerGuidOnWire, samePlayer } from "@tc9/sdk";

describe("crossrealm player identity", () => {
  test("a player of the viewer's realm is its low GUID; a foreign one carries its realm in the high 32 bits", () => {
    assert.equal(playerGuidOnWire({ realmId: 1, lowGuid: 42 }, 1), 42n);
    assert.equal(playerGuidOnWire({ realmId: 2, lowGuid: 42 }, 1), (2n << 32n) | 42n);
    assert.equal(playerGuidOnWire({ realmId: 0xffff, lowGuid: 0xffff_ffff }, 1), 0xffff_ffff_ffffn);
  });

  test("decoding is the inverse of encoding for every viewer", () => {
    const players = [
      { realmId: 1, lowGuid: 1 },
      { realmId: 2, lowGuid: 7 },
      { realmId: 300, lowGuid: 0xffff_fffe },
    ];
    for (const player of players) {
      for (const viewer of [1, 2, 300, 9]) {
        const decoded = playerFromWire(playerGuidOnWire(player, viewer), viewer);
        assert.ok(decoded && samePlayer(decoded, player), `${JSON.stringify(player)} seen from realm ${viewer}`);
      }
    }
  });

  test("non-player GUIDs and 0 name no player", () => {
    assert.equal(playerFromWire(0n, 1), undefined);
    assert.equal(playerFromWire(0xf130_0000_0000_1234n, 1), undefined, "a creature GUID (high type set)");
    assert.equal(playerFromWire(0x4000_0000_0000_0001n, 1), undefined, "an item GUID");
    assert.equal(playerFromWire(3n << 32n, 1), undefined, "a realm with no low GUID");
  });

  test("identities out of range are refused with the valid range", () => {
    assert.throws(() => playerGuidOnWire({ realmId: 0, lowGuid: 1 }, 1), PlayerIdentityError);
    assert.throws(() => playerGuidOnWire({ realmId: 0x1_0000, lowGuid: 1 }, 1), /1\.\.65535/);
    assert.throws(() => playerGuidOnWire({ realmId: 1, lowGuid: 0 }, 1), /1\.\.4294967295/);
    assert.throws(() => playerGuidOnWire({ realmId: 1, lowGuid: 2 ** 32 }, 1), PlayerIdentityError);
  });

  test("samePlayer compares realm and low GUID", () => {
    assert.equal(samePlayer({ realmId: 1, lowGuid: 5 }, { realmId: 1, lowGuid: 5 }), true);
    assert.equal(samePlayer({ realmId: 1, lowGuid: 5 }, { realmId: 2, lowGuid: 5 }), false);
  });

  test("arena team ids carry the realm in the top byte", () => {
    const id = crossrealmArenaTeamId(3, 0x12_3456);
    assert.equal(id, 0x0312_3456);
    assert.deepEqual(arenaTeamFromId(id), { realmId: 3, teamId: 0x12_3456 });
    assert.equal(crossrealmArenaTeamId(255, 0x1ff_ffff), 0xffff_ffff, "ids above 24 bits are masked");
    assert.throws(() => crossrealmArenaTeamId(256, 1), /1\.\.255/);
  });
});
