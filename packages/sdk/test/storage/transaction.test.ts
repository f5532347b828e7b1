import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import {
  StorageQueryError,
  StorageResultError,
  TransactionConflictError,
  type Database,
  type Transaction,
} from "../../src/storage/index.js";
import { createScratchDatabase, type ScratchDatabase } from "../../src/storage/testing.js";
import { barrier } from "./support/barrier.js";

describe("db.transaction (real MariaDB)", () => {
  let scratch: ScratchDatabase;
  let db: Database;

  before(async () => {
    scratch = await createScratchDatabase();
    db = scratch.db;
    await db.execute("CREATE TABLE purse (id INT UNSIGNED PRIMARY KEY, money INT UNSIGNED NOT NULL) ENGINE=InnoDB");
  });

  beforeEach(async () => {
    await db.execute("DELETE FROM purse");
    await db.execute("INSERT INTO purse (id, money) VALUES (1, 100), (2, 100)");
  });

  after(async () => {
    await scratch.drop();
  });

  async function money(id: number): Promise<number | undefined> {
    return (await db.queryOne<{ money: number }>("SELECT money FROM purse WHERE id = ?", [id]))?.money;
  }

  it("commits every statement of the callback and returns its value", async () => {
    const result = await db.transaction(async (tx) => {
      await tx.execute("UPDATE purse SET money = money - 30 WHERE id = ?", [1]);
      await tx.execute("UPDATE purse SET money = money + 30 WHERE id = ?", [2]);
      return tx.queryOne<{ money: number }>("SELECT money FROM purse WHERE id = ?", [2]);
    });
    assert.deepEqual(result, { money: 130 });
    assert.equal(await money(1), 70);
    assert.equal(await money(2), 130);
  });

  it("rolls back on error and rethrows the callback's own error unchanged", async () => {
    const failure = new Error("not enough gold");
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.execute("UPDATE purse SET money = money - 30 WHERE id = ?", [1]);
        throw failure;
      }),
      (error: unknown) => error === failure,
    );
    assert.equal(await money(1), 100);
  });

  it("rolls back and does not retry a failing statement that is not a lock conflict", async () => {
    let runs = 0;
    await assert.rejects(
      db.transaction(async (tx) => {
        runs += 1;
        await tx.execute("UPDATE purse SET money = money + 1 WHERE id = ?", [1]);
        await tx.execute("INSERT INTO purse (id, money) VALUES (?, ?)", [2, 0]);
      }),
      (error: unknown) => error instanceof StorageQueryError && error.errno === 1062,
    );
    assert.equal(runs, 1);
    assert.equal(await money(1), 100);
  });

  it("refuses the tx object once its transaction has ended", async () => {
    let leaked: Transaction | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    assert.ok(leaked);
    await assert.rejects(leaked.queryRows("SELECT 1"), StorageResultError);
  });

  /** Two transactions that lock the two rows in opposite order: a real InnoDB deadlock. */
  function crossedTransfers(attempts: number): Promise<PromiseSettledResult<number>[]> {
    const bothHoldFirstLock = barrier(2);
    const transfer = (first: number, second: number) =>
      db.transaction(
        async (tx) => {
          await tx.execute("UPDATE purse SET money = money + 1 WHERE id = ?", [first]);
          if (tx.attempt === 1) await bothHoldFirstLock();
          await tx.execute("UPDATE purse SET money = money + 10 WHERE id = ?", [second]);
          return tx.attempt;
        },
        { attempts, initialBackoffMs: 5 },
      );
    return Promise.allSettled([transfer(1, 2), transfer(2, 1)]);
  }

  it("reruns the deadlock victim from scratch, so both transfers apply exactly once", async () => {
    const results = await crossedTransfers(3);
    const attempts = results.map((result) => {
      assert.equal(result.status, "fulfilled", String(result.status === "rejected" ? result.reason : ""));
      return (result as PromiseFulfilledResult<number>).value;
    });
    assert.deepEqual([...attempts].sort(), [1, 2], "one transaction won at once, the victim succeeded on its retry");
    assert.equal(await money(1), 111);
    assert.equal(await money(2), 111);
  });

  it("gives up with TransactionConflictError when the attempts run out", async () => {
    const results = await crossedTransfers(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    assert.equal(rejected.length, 1);
    const error: unknown = rejected[0]?.reason;
    assert.ok(error instanceof TransactionConflictError, String(error));
    assert.equal(error.code, "TC9_ERR_STORAGE_TRANSACTION_CONFLICT");
    assert.equal(error.attempts, 1);
    assert.ok(error.cause instanceof StorageQueryError && error.cause.errno === 1213);
    const total = ((await money(1)) ?? 0) + ((await money(2)) ?? 0);
    assert.equal(total, 211, "only the winner's two updates are kept");
  });

  it("retries a lock wait timeout (1205) once the blocking transaction has finished", async () => {
    let releaseHolder!: () => void;
    const holderMayCommit = new Promise<void>((resolve) => {
      releaseHolder = resolve;
    });
    let holderLocked!: () => void;
    const holderHasLock = new Promise<void>((resolve) => {
      holderLocked = resolve;
    });
    const holder = db.transaction(async (tx) => {
      await tx.execute("UPDATE purse SET money = money + 5 WHERE id = ?", [1]);
      holderLocked();
      await holderMayCommit;
    });
    await holderHasLock;
    const waiterAttempts: number[] = [];
    const waiter = db.transaction(
      async (tx) => {
        waiterAttempts.push(tx.attempt);
        if (tx.attempt > 1) releaseHolder();
        await tx.execute("SET SESSION innodb_lock_wait_timeout = 1");
        await tx.execute("UPDATE purse SET money = money + 7 WHERE id = ?", [1]);
      },
      { attempts: 3, initialBackoffMs: 5 },
    );
    await Promise.all([holder, waiter]);
    assert.deepEqual(waiterAttempts, [1, 2]);
    assert.equal(await money(1), 112);
  });
});
