import { lookup } from "node:dns/promises";
import { networkInterfaces } from "node:os";
import type { HostPort } from "../../option-parsers.js";
import type { CheckResult } from "./check-result.js";
import { probeTcp } from "./tcp-probe.js";

/**
 * The trust boundary check. In cluster mode a worldserver skips its own authentication for the
 * links the gateway opens, so its game port must be reachable by gateways only. For each
 * worldserver the doctor checks that it answers, and — when it runs on this machine — warns
 * loudly if its port also answers on one of this machine's non-loopback addresses.
 */
export async function checkWorldserver(address: HostPort, timeoutMs: number): Promise<CheckResult[]> {
  const subject = formatAddress(address.host, address.port);
  const reachability = await probeTcp(address.host, address.port, timeoutMs);
  const reachable: CheckResult = reachability.reachable
    ? { check: "worldserver", subject, status: "ok", message: "reachable" }
    : {
        check: "worldserver",
        subject,
        status: "fail",
        message: `not reachable (${reachability.reason})`,
        fix: "start the worldserver, or give the address its game port listens on",
      };
  return [reachable, await checkExposure(address, timeoutMs)];
}

async function checkExposure(address: HostPort, timeoutMs: number): Promise<CheckResult> {
  const check = "worldserver exposure";
  const subject = formatAddress(address.host, address.port);
  const ownAddresses = nonLoopbackAddresses();
  if (!(await isThisMachine(address.host, ownAddresses))) {
    return {
      check,
      subject,
      status: "skip",
      message: `runs on another machine; make sure only gateway hosts can reach port ${address.port} there`,
    };
  }
  const probes = await Promise.all(ownAddresses.map(async (own) => ({ own, ...(await probeTcp(own, address.port, timeoutMs)) })));
  const exposed = probes.filter((probe) => probe.reachable).map((probe) => probe.own);
  if (exposed.length === 0) {
    const checked = ownAddresses.length === 0 ? "this machine has none" : ownAddresses.join(", ");
    return { check, subject, status: "ok", message: `port ${address.port} does not answer on non-loopback addresses (${checked})` };
  }
  return {
    check,
    subject,
    status: "warn",
    message:
      `the worldserver game port ${address.port} answers on ${exposed.join(", ")} — not only on loopback. ` +
      `In cluster mode the worldserver trusts every connection (the gateway authenticates players), ` +
      `so whoever reaches this port can play as any account`,
    fix:
      `bind the worldserver to loopback or a private gateway-only network (worldserver.conf: BindIP = "127.0.0.1"), ` +
      `or firewall port ${address.port} so that only gateway hosts reach it`,
  };
}

/** This machine's addresses other than loopback and IPv6 link-local ones. */
function nonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && !isLoopback(entry.address) && !/^fe[89ab]/i.test(entry.address))
    .map((entry) => entry.address);
}

/** True when `host` resolves to loopback or to one of this machine's own addresses. */
async function isThisMachine(host: string, ownAddresses: readonly string[]): Promise<boolean> {
  try {
    const resolved = await lookup(host, { all: true });
    return resolved.some((entry) => isLoopback(entry.address) || ownAddresses.includes(entry.address));
  } catch {
    return false;
  }
}

function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === "::1" || /^::ffff:127\./i.test(address);
}

function formatAddress(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}
