import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Tc9Error } from "@tc9/sdk";
import { describeError, errorSummary } from "../src/errors.js";
import { colourEnabled, styleFor } from "../src/style.js";

describe("styles", () => {
  const tty = { isTTY: true, write: () => true };
  const pipe = { write: () => true };

  it("colours only a terminal without NO_COLOR", () => {
    assert.equal(colourEnabled(tty, {}), true);
    assert.equal(colourEnabled(tty, { NO_COLOR: "1" }), false);
    assert.equal(colourEnabled(tty, { NO_COLOR: "" }), true);
    assert.equal(colourEnabled(pipe, {}), false);
  });

  it("wraps text in ANSI codes only when colours are on", () => {
    assert.equal(styleFor(pipe, {}).fail("✖"), "✖");
    assert.equal(styleFor(tty, {}).fail("✖"), "\u001b[31m✖\u001b[39m");
  });
});

describe("error reports", () => {
  it("print a tc9 error's message on one line with its code", () => {
    const error = new Tc9Error("TC9_ERR_ACCOUNT_NOT_FOUND", "there is no account\n  \"BOB\"; create it first");
    assert.equal(describeError(error), 'there is no account "BOB"; create it first (TC9_ERR_ACCOUNT_NOT_FOUND)');
    assert.deepEqual(errorSummary(error), { code: "TC9_ERR_ACCOUNT_NOT_FOUND", message: 'there is no account "BOB"; create it first' });
  });

  it("give other errors a generic code", () => {
    assert.deepEqual(errorSummary(new Error("boom")), { code: "TC9_ERR_CLI_UNEXPECTED", message: "boom" });
    assert.equal(describeError("boom"), "boom");
  });
});
