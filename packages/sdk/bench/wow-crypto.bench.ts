/**
 * Benchmarks of the WoW 3.3.5a crypto, each a subject measured against a baseline:
 * (a) the world header cipher per 4-, 5- and 6-byte header against `Buffer.from` of a 40-byte
 *     packet (target: at least as fast as that copy);
 * (b) server-side SRP6 logon proofs against the raw modular exponentiations they contain
 *     (target: ≥ 1,000 proofs/s on one core).
 * The root bench runner imports and calls these functions.
 */
import {
  computeScramblingParameter,
  modPow,
  SRP6_GENERATOR,
  SRP6_LARGE_SAFE_PRIME,
  Srp6Client,
  Srp6Server,
  WorldHeaderCipher,
  makeRegistrationData,
} from "../src/wow/crypto/index.js";
import { bigintFromLittleEndian } from "../src/wow/crypto/bytes.js";
import { measure, type BenchComparison } from "./measure.js";

/** Keeps results observable so the optimiser cannot drop the measured work. */
let sink = 0;

const SESSION_KEY = Uint8Array.from({ length: 40 }, (_, index) => (index * 29 + 7) & 0xff);
const PACKET = new Uint8Array(40).fill(0x5a);

function benchHeaderCipher(headerLength: 4 | 5 | 6, durationMs: number): BenchComparison {
  const cipher = WorldHeaderCipher.forServer(SESSION_KEY);
  const header = new Uint8Array(headerLength);
  // The server end encrypts 4- and 5-byte server headers and decrypts 6-byte client headers.
  const subject =
    headerLength === 6
      ? () => {
          cipher.decryptHeader(header);
          sink ^= header[0] ?? 0;
        }
      : () => {
          cipher.encryptHeader(header);
          sink ^= header[0] ?? 0;
        };
  const baseline = () => {
    sink ^= Buffer.from(PACKET)[0] ?? 0;
  };
  const direction = headerLength === 6 ? "decryptHeader (client header)" : "encryptHeader (server header)";
  return {
    name: `world header cipher, ${headerLength}-byte header`,
    target: 1,
    baseline: { label: "Buffer.from(copy of a 40-byte packet)", opsPerSec: measure(baseline, durationMs, 1000) },
    subject: { label: `WorldHeaderCipher.${direction}, ${headerLength} bytes`, opsPerSec: measure(subject, durationMs, 1000) },
  };
}

/** (a) Header cipher on a 4-byte server header vs one 40-byte Buffer copy. */
export async function benchWorldHeaderCipher4Bytes(durationMs = 1000): Promise<BenchComparison> {
  return benchHeaderCipher(4, durationMs);
}

/** (a) Header cipher on a 5-byte (large) server header vs one 40-byte Buffer copy. */
export async function benchWorldHeaderCipher5Bytes(durationMs = 1000): Promise<BenchComparison> {
  return benchHeaderCipher(5, durationMs);
}

/** (a) Header cipher on a 6-byte client header vs one 40-byte Buffer copy. */
export async function benchWorldHeaderCipher6Bytes(durationMs = 1000): Promise<BenchComparison> {
  return benchHeaderCipher(6, durationMs);
}

/**
 * (b) Full server-side logon proofs (B from a fresh b, then u, S, K, M1 check and M2) vs the three
 * modular exponentiations each one needs (g^b, v^u, (A·v^u)^b). The private keys come from a
 * small pool prepared up front so every proof is a valid one.
 */
export async function benchSrp6ServerProofs(durationMs = 2000): Promise<BenchComparison> {
  const account = makeRegistrationData("BENCHUSER", "BENCHPASSWORD");
  const logons = Array.from({ length: 16 }, (_, seed) => {
    const serverPrivateKey = Uint8Array.from({ length: 32 }, (_, index) => (index * 13 + seed * 101 + 1) & 0xff);
    const { serverPublicKey } = new Srp6Server({ ...account, serverPrivateKey });
    const client = new Srp6Client({ username: "BENCHUSER", password: "BENCHPASSWORD", salt: account.salt, serverPublicKey });
    const u = bigintFromLittleEndian(computeScramblingParameter(client.clientPublicKey, serverPublicKey));
    return { serverPrivateKey, client, u, a: bigintFromLittleEndian(client.clientPublicKey), b: bigintFromLittleEndian(serverPrivateKey) };
  });
  const verifier = bigintFromLittleEndian(account.verifier);

  let next = 0;
  const subject = () => {
    const logon = logons[next++ & 15];
    if (logon === undefined) return;
    const server = new Srp6Server({ ...account, serverPrivateKey: logon.serverPrivateKey });
    const result = server.verifyClientProof(logon.client.clientPublicKey, logon.client.clientProof);
    if (!result.ok) throw new Error("benchmark logon was rejected");
    sink ^= result.serverProof[0] ?? 0;
  };
  const baseline = () => {
    const logon = logons[next++ & 15];
    if (logon === undefined) return;
    const N = SRP6_LARGE_SAFE_PRIME;
    const generatorPower = modPow(SRP6_GENERATOR, logon.b, N);
    const verifierPower = modPow(verifier, logon.u, N);
    const secret = modPow((logon.a * verifierPower) % N, logon.b, N);
    sink ^= Number((generatorPower ^ secret) & 0xffn);
  };
  return {
    name: "SRP6 server logon proofs",
    baseline: { label: "3 × modPow (g^b, v^u, (A·v^u)^b)", opsPerSec: measure(baseline, durationMs, 16) },
    subject: { label: "new Srp6Server + verifyClientProof", opsPerSec: measure(subject, durationMs, 16) },
  };
}
