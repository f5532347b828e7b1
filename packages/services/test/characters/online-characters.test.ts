/** The online index on its own: event ordering, gateways, names and realms. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OnlineCharacters, type OnlineCharacter } from "../../src/characters/index.js";

function character(guid: bigint, name: string, gatewayId = "gw-a"): OnlineCharacter {
  return { realmId: 1, gatewayId, guid, name, accountId: 1, race: 1, class: 1, gender: 0, level: 10, zone: 12, map: 0, guildId: 0 };
}

describe("OnlineCharacters", () => {
  it("keeps the newest login and logout of a character whatever order they arrive in", () => {
    const online = new OnlineCharacters([1]);
    online.loggedIn(character(1n, "Alpha"), 200n);
    online.loggedOut(1, 1n, 100n);
    assert.equal(online.byGuid(1, 1n)?.name, "Alpha", "a logout older than the login is ignored");
    online.loggedOut(1, 1n, 300n);
    online.loggedIn(character(1n, "Alpha"), 250n);
    assert.equal(online.byGuid(1, 1n), undefined, "a login older than the logout is ignored");
    online.loggedIn(character(1n, "Alpha"), 0n);
    assert.equal(online.byGuid(1, 1n)?.name, "Alpha", "events without a time always apply");
  });

  it("re-keys the name index when a character logs in again under another name", () => {
    const online = new OnlineCharacters([1]);
    online.loggedIn(character(1n, "Alpha"), 1n);
    online.loggedIn(character(1n, "Renamed"), 2n);
    assert.equal(online.byName(1, "alpha"), undefined);
    assert.equal(online.byName(1, "RENAMED")?.guid, 1n);
    assert.equal(online.all(1).length, 1);
  });

  it("applies updates from the holding gateway only and not before the login", () => {
    const online = new OnlineCharacters([1]);
    online.loggedIn(character(1n, "Alpha"), 100n);
    online.updated(1, "gw-b", [{ guid: 1n, eventTime: 200n, level: 11 }]);
    online.updated(1, "gw-a", [{ guid: 1n, eventTime: 50n, level: 12 }]);
    assert.equal(online.byGuid(1, 1n)?.level, 10);
    online.updated(1, "gw-a", [{ guid: 1n, eventTime: 150n, level: 13, zone: 40 }, { guid: 9n, eventTime: 150n, level: 2 }]);
    assert.deepEqual([online.byGuid(1, 1n)?.level, online.byGuid(1, 1n)?.zone, online.byGuid(1, 1n)?.map], [13, 40, 0]);
    assert.equal(online.byGuid(1, 9n), undefined);
  });

  it("drops a gone gateway's characters except those that logged in after it went", () => {
    const online = new OnlineCharacters([1]);
    online.loggedIn(character(1n, "Alpha"), 100n);
    online.loggedIn(character(2n, "Bravo"), 300n);
    online.loggedIn(character(3n, "Charlie", "gw-b"), 100n);
    assert.deepEqual(online.gatewayGone(1, "gw-a", 200n), [1n]);
    assert.deepEqual(online.all(1).map((c) => c.name), ["Bravo", "Charlie"]);
    online.loggedIn(character(1n, "Alpha"), 150n);
    assert.equal(online.byGuid(1, 1n), undefined, "a login from before the gateway died stays dropped");
  });

  it("ignores realms it does not serve", () => {
    const online = new OnlineCharacters([1]);
    online.loggedIn({ ...character(1n, "Alpha"), realmId: 2 }, 1n);
    assert.deepEqual(online.all(2), []);
    assert.deepEqual(online.gatewayGone(2, "gw-a", 0n), []);
  });
});
