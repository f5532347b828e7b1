// `npm run bench`: every benchmark compares a subject with a baseline measured in the same run
// and prints both absolute figures and their ratio (subject ÷ baseline; > 1 means faster).
import type { BenchComparison } from "../packages/sdk/bench/measure.js";
import { benchCliStartup } from "../packages/cli/bench/startup.bench.js";
import { benchNatsBus } from "../packages/sdk/bench/bus.bench.js";
import { benchGrpcBinding, benchInProcessBinding } from "../packages/sdk/bench/runtime.bench.js";
import {
  benchSrp6ServerProofs,
  benchWorldHeaderCipher4Bytes,
  benchWorldHeaderCipher5Bytes,
  benchWorldHeaderCipher6Bytes,
} from "../packages/sdk/bench/wow-crypto.bench.js";
import { benchGroupListCodec } from "../packages/sdk/bench/wow-group-list.bench.js";
import {
  benchGatewayRelay1000Sessions,
  benchGatewayRelay100Sessions,
  benchGatewayRelay1Session,
} from "../packages/services/bench/gateway-relay.bench.js";
import { benchGuidRanges } from "../packages/services/bench/guid.bench.js";
import { benchRegistryPlacement } from "../packages/services/bench/registry.bench.js";
import { benchFailover, benchRedirect } from "../packages/services/bench/redirect-failover.bench.js";
import { benchSidecarHookDelivery, benchSidecarWorldServerCall, benchSidecarWorldServerThroughput } from "../packages/sidecar/bench/sidecar.bench.js";

const benchmarks: ReadonlyArray<() => Promise<BenchComparison>> = [
  benchGrpcBinding,
  benchInProcessBinding,
  benchNatsBus,
  benchWorldHeaderCipher4Bytes,
  benchWorldHeaderCipher5Bytes,
  benchWorldHeaderCipher6Bytes,
  benchSrp6ServerProofs,
  benchGroupListCodec,
  benchGuidRanges,
  benchRegistryPlacement,
  benchGatewayRelay1Session,
  benchGatewayRelay100Sessions,
  benchGatewayRelay1000Sessions,
  benchRedirect,
  benchFailover,
  benchSidecarWorldServerCall,
  benchSidecarWorldServerThroughput,
  benchSidecarHookDelivery,
  benchCliStartup,
];

const filters = process.argv.slice(2);
const format = (opsPerSec: number): string => `${Math.round(opsPerSec).toLocaleString("en-US")} ops/s`;

let missed = 0;
for (const run of benchmarks) {
  if (filters.length > 0 && !filters.some((f) => run.name.toLowerCase().includes(f.toLowerCase()))) continue;
  const result = await run();
  const ratio = result.subject.opsPerSec / result.baseline.opsPerSec;
  const verdict = result.target === undefined ? "" : ratio >= result.target ? `  (target ≥ ${result.target.toFixed(2)}× met)` : `  (target ≥ ${result.target.toFixed(2)}× MISSED)`;
  if (result.target !== undefined && ratio < result.target) missed += 1;
  console.log(`${result.name}: ${ratio.toFixed(2)}×${verdict}`);
  console.log(`  subject  ${result.subject.label}: ${format(result.subject.opsPerSec)}`);
  console.log(`  baseline ${result.baseline.label}: ${format(result.baseline.opsPerSec)}`);
}
if (missed > 0) console.log(`${missed} benchmark(s) below target`);
