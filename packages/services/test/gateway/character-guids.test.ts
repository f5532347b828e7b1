// New character GUIDs come from the guid module: two gateways creating characters at the same time
// never collide, skip GUIDs the guid module handed to someone else, and draw a few at a time. Plus the
// gateway's local pool on its own, over a plain draw function.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GuidType, GuidService } from "@tc9/sdk/contracts";
import { ResponseCode } from "@tc9/sdk/wow";
import { CharacterGuidPool, GatewayError, type DrawCharacterGuids } from "../../src/gateway/index.js";
import { startGatewayRealm, type GatewayAddress, type GatewayRealm } from "./support/gateway-realm.js";

/** A character created through the gateway named `gateway`. */
interface Created {
  readonly gateway: string;
  readonly guid: bigint;
}

/**
 * Each gateway creates one character after another while the other does the same: many creations at
 * once deadlock on the characters table's gap locks in `createCharacter` more often than it retries.
 */
const PER_GATEWAY = 5;
const DRAW_SIZE = 3;

/** Names AzerothCore accepts: letters only, no three alike in a row. */
function nameOf(gateway: number, index: number): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return `Guid${letters[gateway] ?? "b"}${letters[index] ?? "c"}a`;
}

describe("gateway: character GUIDs from the guid module", () => {
  let realm: GatewayRealm;

  before(async () => {
    realm = await startGatewayRealm({ gateways: ["gateway", "gateway-b"], gatewayOptions: { characterGuidDrawSize: DRAW_SIZE } });
  });

  after(() => realm?.stop());

  it("two gateways creating at once never collide and use only GUIDs the guid module handed them", async () => {
    // Someone else (a worldserver, say) holds the first GUIDs: MAX(guid) + 1 would hand out 1 again.
    const reserved = await realm.node.use(GuidService).getGUIDPool({ realmID: 1, guidType: GuidType.Character, desiredPoolSize: 5n });
    assert.deepEqual(reserved.receiverGUID.map((range) => [range.start, range.end]), [[1n, 5n]]);

    const createThrough = async (gateway: GatewayAddress, gatewayIndex: number, index: number): Promise<Created> => {
      const username = `guid${gatewayIndex}x${index}`;
      await realm.addAccount(username, "secret");
      const client = realm.client(username, "secret", 15_000);
      try {
        await client.logon();
        await client.connectWorld({ address: `127.0.0.1:${gateway.port}`, id: 1 });
        assert.equal(await client.createCharacter({ name: nameOf(gatewayIndex, index) }), ResponseCode.CHAR_CREATE_SUCCESS);
        const [character] = await client.characters();
        return { gateway: gateway.name, guid: character?.guid ?? assert.fail("the new character is not listed") };
      } finally {
        client.close();
      }
    };
    // Both gateways at once, each one creation after another.
    const perGateway = await Promise.all(
      realm.gateways.map(async (gateway, gatewayIndex) => {
        const done: Created[] = [];
        for (let index = 0; index < PER_GATEWAY; index++) done.push(await createThrough(gateway, gatewayIndex, index));
        return done;
      }),
    );
    const created = perGateway.flat();

    const guids = created.map((entry) => entry.guid);
    assert.equal(new Set(guids).size, guids.length, "no two characters share a GUID");
    assert.ok(guids.every((guid) => guid > 5n), "the GUIDs reserved for someone else are skipped");
    const mark = await realm.characters.queryOne<{ high: string | number }>(
      "SELECT high FROM tc9_guid_high_water WHERE realm_id = 1 AND guid_type = ?",
      [GuidType.Character],
    );
    const high = BigInt(mark?.high ?? assert.fail("no high-water mark"));
    assert.ok(guids.every((guid) => guid <= high), "every GUID is below the guid module's high-water mark");

    // Each gateway draws blocks of 3 after the 5 reserved above: 6–8, 9–11, … belong to one gateway each.
    const blockOwners = new Map<bigint, string>();
    for (const { gateway, guid } of created) {
      const block = (guid - 6n) / BigInt(DRAW_SIZE);
      const owner = blockOwners.get(block) ?? gateway;
      assert.equal(owner, gateway, `GUID ${guid} is in a block another gateway drew`);
      blockOwners.set(block, owner);
    }
    assert.equal(blockOwners.size, 4, "each gateway drew twice for its 5 characters");
    const stored = await realm.characters.queryOne<{ count: number }>("SELECT COUNT(*) AS count FROM characters");
    assert.equal(Number(stored?.count), PER_GATEWAY * 2);
  });
});

describe("gateway: the local character GUID pool", () => {
  /** A draw over consecutive GUIDs from `first`, recording each request's size. */
  function countingDraw(first: bigint, split = false): { draw: DrawCharacterGuids; requests: bigint[] } {
    const requests: bigint[] = [];
    let next = first;
    const draw: DrawCharacterGuids = async (count) => {
      requests.push(count);
      await new Promise((resolve) => setImmediate(resolve));
      const start = next;
      next += count;
      if (!split || count < 2n) return [{ start, end: next - 1n }];
      return [{ start, end: start }, { start: start + 1n, end: next - 1n }];
    };
    return { draw, requests };
  }

  it("serves concurrent callers from one draw, in order, and draws again when empty", async () => {
    const { draw, requests } = countingDraw(100n);
    const pool = new CharacterGuidPool(draw, 3);
    const first = await Promise.all([pool.next(), pool.next(), pool.next()]);
    assert.deepEqual(first, [100n, 101n, 102n]);
    assert.deepEqual(requests, [3n]);
    assert.equal(await pool.next(), 103n);
    assert.deepEqual(requests, [3n, 3n]);
    assert.equal(pool.held, 2n);
  });

  it("hands out every GUID of an answer made of several ranges", async () => {
    const pool = new CharacterGuidPool(countingDraw(7n, true).draw, 4);
    assert.deepEqual([await pool.next(), await pool.next(), await pool.next(), await pool.next()], [7n, 8n, 9n, 10n]);
  });

  it("fails with TC9_ERR_GATEWAY_GUIDS on an empty answer and draws again on the next call", async () => {
    let answers = 0;
    const pool = new CharacterGuidPool(async () => (answers++ === 0 ? [] : [{ start: 42n, end: 42n }]), 1);
    await assert.rejects(pool.next(), (error: unknown) => error instanceof GatewayError && error.code === "TC9_ERR_GATEWAY_GUIDS");
    assert.equal(await pool.next(), 42n);
  });
});
