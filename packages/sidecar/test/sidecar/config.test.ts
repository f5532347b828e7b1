import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadSidecarConfig } from "../../src/config.js";

describe("sidecar configuration from TC9_* variables", () => {
  it("has ToCloud9's defaults and the library's default socket", () => {
    const config = loadSidecarConfig({});
    assert.deepEqual(
      [config.grpcPort, config.healthCheckPort, config.serversRegistryAddress, config.guidProviderAddress, config.natsUrl, config.socketPath],
      [9501, 8901, "localhost:8999", "localhost:8996", "nats://localhost:4222", "/tmp/tc9-sidecar-9501.sock"],
    );
    assert.deepEqual(
      [config.matchmakingAddress, config.groupAddress, config.charactersAddress],
      ["localhost:8994", "localhost:8998", "localhost:8991"],
      "ToCloud9's matchmaking, group and characters service ports",
    );
    assert.equal(config.listenHost, "127.0.0.1");
    assert.equal(config.requestTimeoutMs, 5_000);
  });

  it("derives the socket from TC9_GRPC_PORT and maps TC9_LOG_LEVEL=off to silent", () => {
    const config = loadSidecarConfig({ TC9_GRPC_PORT: "9600", TC9_LOG_LEVEL: "off", OTHER: "ignored" });
    assert.equal(config.socketPath, "/tmp/tc9-sidecar-9600.sock");
    assert.equal(config.logLevel, "silent");
  });

  it("rejects invalid values naming each variable", () => {
    assert.throws(
      () => loadSidecarConfig({ TC9_GRPC_PORT: "99999", TC9_SERVERS_REGISTRY_ADDRESS: "no-port", TC9_NATS_URL: "http://x", TC9_GROUP_ADDRESS: ":8998" }),
      (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.equal((error as { code?: string }).code, "TC9_ERR_SIDECAR_CONFIG");
        for (const name of ["TC9_GRPC_PORT", "TC9_SERVERS_REGISTRY_ADDRESS", "TC9_NATS_URL", "TC9_GROUP_ADDRESS"]) assert.match(error.message, new RegExp(name));
        return true;
      },
    );
  });
});
