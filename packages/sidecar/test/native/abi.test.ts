import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { BUILD_DIR, NATIVE_DIR, buildNative } from "./native-build.js";

const INCLUDE = `${NATIVE_DIR}include`;

/** ToCloud9's C++ libsidecar.h (ABI 1.0.0) exports, in its order. */
const TOCLOUD9_1_0_EXPORTS = [
  "TC9GetVersion", "TC9GetVersionString", "TC9CheckAbiCompatible", "TC9InitLib", "TC9GracefulShutdown",
  "TC9ProcessGRPCOrHTTPRequests", "TC9ProcessEventsHooks", "TC9GetNextAvailableCharacterGuid", "TC9GetNextAvailableItemGuid",
  "TC9GetNextAvailableInstanceGuid", "TC9ReadyToAcceptPlayersFromMaps", "TC9NatsPublish", "TC9NatsSubscribe",
  "TC9PlayerLeftBattleground", "TC9BattlegroundStatusChanged", "TC9SetOnGroupCreatedHook", "TC9SetOnGroupMemberAddedHook",
  "TC9SetOnGroupMemberRemovedHook", "TC9SetOnGroupDisbandedHook", "TC9SetOnGroupLootTypeChangedHook",
  "TC9SetOnGroupDungeonDifficultyChangedHook", "TC9SetOnGroupRaidDifficultyChangedHook", "TC9SetOnGroupConvertedToRaidHook",
  "TC9SetOnGuildMemberAddedHook", "TC9SetOnGuildMemberRemovedHook", "TC9SetOnGuildMemberLeftHook", "TC9SetOnMapsReassignedHook",
  "TC9SetBattlegroundStartHandler", "TC9SetBattlegroundAddPlayersHandler", "TC9SetCanPlayerJoinBattlegroundQueueHandler",
  "TC9SetCanPlayerTeleportToBattlegroundHandler", "TC9SetMonitoringDataCollectorHandler",
  "TC9SetCanPlayerInteractWithNPCAndFlagsHandler", "TC9SetCanPlayerInteractWithGOAndTypeHandler",
  "TC9SetGetPlayerItemsByGuidsHandler", "TC9SetRemoveItemsWithGuidsFromPlayerHandler", "TC9SetAddExistingItemToPlayerHandler",
  "TC9SetGetMoneyForPlayerHandler", "TC9SetModifyMoneyForPlayerHandler",
];

/** ToCloud9 PR #37 (Go libsidecar) additions. */
const PR37_EXPORTS = [
  "TC9SetOnGroupLeaderChangedHook", "TC9SetOnGroupReadyCheckStartedHook", "TC9SetOnGroupReadyCheckMemberStateHook",
  "TC9SetOnGroupReadyCheckFinishedHook", "TC9SetOnGroupMemberSubGroupChangedHook", "TC9SetOnGroupMemberFlagsChangedHook",
  "TC9SetOnGroupMemberStateChangedHook", "TC9SetOnGroupInstanceResetRequestHook", "TC9SetOnGroupInstanceBindExtensionRequestHook",
  "TC9UpdateGroupMemberState", "TC9ConfirmLfgDungeonRouteEntered", "TC9StartGroupReadyCheck", "TC9SetGroupReadyCheckMemberState",
  "TC9FinishGroupReadyCheck", "TC9ChangeGroupMemberSubGroup", "TC9SetGroupMemberFlags", "TC9RegisterMaterializedLfgGroup",
  "TC9CompleteLfgDungeon", "TC9FinishRatedArenaMatch", "TC9FreeFinishRatedArenaMatchResponse", "TC9SetGuildCreateHandler",
  "TC9SetTakePlayerItemByPosHandler", "TC9SetLfgPlayerLockInfoHandler", "TC9SetLfgPlayerInfoHandler", "TC9SetLfgDungeonInfoHandler",
  "TC9SetLfgTeleportPlayerHandler", "TC9SetLfgBootVoteHandler", "TC9SetLfgMaterializeProposalHandler",
];

/** Every function the public headers mark TC9_API. */
function declaredFunctions(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(INCLUDE).filter((name) => name.endsWith(".h"))) {
    for (const match of readFileSync(join(INCLUDE, file), "utf8").matchAll(/^TC9_API\s+[^(]*?\b(\w+)\s*\(/gm)) names.add(match[1] ?? "");
  }
  return [...names].sort();
}

function definedDynamicSymbols(): string[] {
  const out = execFileSync("nm", ["-D", "--defined-only", `${BUILD_DIR}libsidecar.so`], { encoding: "utf8" });
  return out.split("\n").map((line) => line.trim().split(/\s+/)[2]).filter((name): name is string => !!name).sort();
}

describe("libsidecar ABI", () => {
  let scratch = "";
  before(() => {
    buildNative();
    scratch = mkdtempSync(join(tmpdir(), "tc9-abi-"));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("the header compiles as C11 and C++17 with warnings as errors", () => {
    const source = '#include "libsidecar.h"\nint main(void) { return TC9_VERSION_NUMBER == 10100 ? 0 : 1; }\n';
    writeFileSync(join(scratch, "check.c"), source);
    writeFileSync(join(scratch, "check.cpp"), source);
    execFileSync("cc", ["-std=c11", "-Wall", "-Wextra", "-Werror", `-I${INCLUDE}`, "-c", join(scratch, "check.c"), "-o", join(scratch, "c.o")]);
    execFileSync("c++", ["-std=c++17", "-Wall", "-Wextra", "-Werror", `-I${INCLUDE}`, "-c", join(scratch, "check.cpp"), "-o", join(scratch, "cpp.o")]);
  });

  it("keeps ToCloud9's 1.0.0 struct layouts (offsets and sizes on this platform)", () => {
    const probe = `#include <stddef.h>
#include <stdio.h>
#include "libsidecar.h"
int main(void) {
  printf("%zu %zu %zu %zu %zu %zu %zu\\n", sizeof(PlayerItem), offsetof(PlayerItem, text), sizeof(AddExistingItemToPlayerRequest) >= 32,
         offsetof(EventObjectGroup, membersSize), offsetof(BattlegroundStartRequest, randomBGPlayersSize),
         sizeof(MonitoringDataCollectorResponse), offsetof(EventObjectGroup, memberNames) > offsetof(EventObjectGroup, membersSize));
  return 0;
}
`;
    writeFileSync(join(scratch, "layout.c"), probe);
    execFileSync("cc", ["-std=c11", `-I${INCLUDE}`, join(scratch, "layout.c"), "-o", join(scratch, "layout")]);
    const [itemSize, textOffset, addSizeOk, membersSizeOffset, randomSizeOffset, monitoringSize, appended] = execFileSync(join(scratch, "layout"), {
      encoding: "utf8",
    })
      .trim()
      .split(" ")
      .map(Number);
    // x86-64 / aarch64 LP64 layouts of ToCloud9's 1.0.0 structs.
    assert.equal(itemSize, 48);
    assert.equal(textOffset, 40);
    assert.equal(addSizeOk, 1);
    assert.equal(membersSizeOffset, 56);
    assert.equal(randomSizeOffset, 64);
    assert.equal(monitoringSize, 28);
    assert.equal(appended, 1, "1.1 fields come after the 1.0.0 ones");
  });

  it("libsidecar.so exports exactly the functions the headers declare", () => {
    const declared = declaredFunctions();
    assert.deepEqual(definedDynamicSymbols(), declared);
    for (const name of [...TOCLOUD9_1_0_EXPORTS, ...PR37_EXPORTS]) assert.ok(declared.includes(name), `${name} is declared`);
    // Besides the TC9 functions, only ToCloud9's un-prefixed Set*/Call* pairs of the sub-headers.
    assert.deepEqual(declared.filter((name) => !/^(TC9|Set|Call)/.test(name)), []);
  });

  it("the static library holds the same functions", () => {
    const out = execFileSync("nm", ["--defined-only", "-g", `${BUILD_DIR}libsidecar.a`], { encoding: "utf8" });
    const names = out
      .split("\n")
      .filter((line) => / T /.test(line))
      .map((line) => line.trim().split(/\s+/)[2]);
    for (const name of TOCLOUD9_1_0_EXPORTS) assert.ok(names.includes(name), `${name} in libsidecar.a`);
  });

  it("installs a CMake package that a consumer finds with find_package(libsidecar 1.0) and links", () => {
    const build = join(scratch, "cmake-build");
    const prefix = join(scratch, "prefix");
    execFileSync("cmake", ["-S", NATIVE_DIR, "-B", build, "-DCMAKE_BUILD_TYPE=Release"], { stdio: "pipe" });
    execFileSync("cmake", ["--build", build], { stdio: "pipe" });
    execFileSync("cmake", ["--install", build, "--prefix", prefix], { stdio: "pipe" });
    const consumer = join(scratch, "consumer");
    execFileSync("mkdir", ["-p", consumer]);
    writeFileSync(
      join(consumer, "CMakeLists.txt"),
      "cmake_minimum_required(VERSION 3.16)\nproject(consumer C)\nfind_package(libsidecar 1.0 REQUIRED)\n" +
        "add_executable(consumer main.c)\ntarget_link_libraries(consumer PRIVATE libsidecar::libsidecar)\n",
    );
    writeFileSync(
      join(consumer, "main.c"),
      '#include <stdio.h>\n#include "libsidecar.h"\nint main(void) { printf("%s %d\\n", TC9GetVersionString(), TC9CheckAbiCompatible(TC9_VERSION_MAJOR, TC9_VERSION_MINOR)); return 0; }\n',
    );
    execFileSync("cmake", ["-S", consumer, "-B", join(consumer, "build"), `-DCMAKE_PREFIX_PATH=${prefix}`], { stdio: "pipe" });
    execFileSync("cmake", ["--build", join(consumer, "build")], { stdio: "pipe" });
    const out = execFileSync(join(consumer, "build", "consumer"), { encoding: "utf8", env: { ...process.env, LD_LIBRARY_PATH: join(prefix, "lib") } });
    assert.equal(out.trim(), "1.1.0 0");
  });
});
