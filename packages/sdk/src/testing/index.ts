// @tc9/sdk/testing — helpers for tests of tc9 modules and of realms built on tc9.
export {
  createScratchDatabase,
  fixturesAvailable,
  fixturesDir,
  testServerUrl,
  FixturesUnavailableError,
} from "../storage/testing.js";
