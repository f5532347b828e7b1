// @tc9/sdk/codegen — turns your own `.proto` contracts into the typed TypeScript the module
// runtime serves and calls, exactly as the SDK generates its ToCloud9 v1 contracts.
//
//   writeContracts({ protoDir: "proto", outDir: "src/generated" });
//
// The generated files import `@tc9/sdk/contract-runtime/contract.js` and `…/wire.js`; only
// generated code should import those.

export type { ContractCodegenOptions, GeneratedFile } from "./generate-contracts.js";
export { generateContracts, readGeneratedContracts, writeContracts } from "./generate-contracts.js";
export { ContractGenerationError } from "./generation-error.js";
