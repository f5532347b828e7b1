/**
 * The cluster view as text tables, shared by `tc9 status`, `tc9 top --once` and the `tc9 top`
 * screen: which columns each section has and how each value is written.
 */
import type { Style } from "../style.js";
import type { ClusterSnapshot, NodeView, WorldserverView } from "./cluster-snapshot.js";

/** How a row should look: `fail` (down), `warn` (not ready, degraded), `ok`. */
export type RowTone = "ok" | "warn" | "fail";

export interface TableRow {
  /** Stable identity (a node's name, a worldserver's id) for selection. */
  readonly key: string;
  readonly cells: readonly string[];
  readonly tone: RowTone;
}

export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/** The sections of a snapshot, in screen order: nodes, worldservers, gateways, bus, gRPC latency. */
export function snapshotTables(snapshot: ClusterSnapshot): Table[] {
  return [
    {
      title: "Nodes",
      columns: ["NODE", "STATUS", "HEALTH", "READY", "UPTIME", "RESTARTS", "PID", "MODULES"],
      rows: snapshot.nodes.map((node) => ({
        key: node.name,
        cells: [node.name, node.status, node.health, readyText(node), duration(node.uptimeSeconds), String(node.restarts), node.pid === null ? "-" : String(node.pid), node.modules.join(",")],
        tone: nodeTone(node),
      })),
    },
    {
      title: "Worldservers",
      columns: ["WORLDSERVER", "ID", "ADDRESS", "REALM", "MAPS", "PLAYERS", "STATE"],
      rows: snapshot.worldservers.map((server) => ({
        key: server.id,
        cells: [server.alias, server.id, server.address, server.crossRealm ? `${server.realmId} (cross)` : String(server.realmId), mapsText(server), String(server.players), server.degraded ? "degraded (drained)" : "ok"],
        tone: server.degraded ? "warn" : "ok",
      })),
    },
    {
      title: "Gateways",
      columns: ["GATEWAY", "NODE", "ADDRESS", "SESSIONS", "WORLD LINKS", "PACKETS/S"],
      rows: snapshot.gateways.map((gateway) => ({
        key: `${gateway.node}/${gateway.name}`,
        cells: [gateway.name, gateway.node, gateway.address ?? "-", String(gateway.sessions), String(gateway.worldLinks), rate(gateway.packetsPerSecond)],
        tone: "ok",
      })),
    },
    {
      title: "Bus",
      columns: ["SUBJECT", "PUBLISHED", "DELIVERED", "PUBLISHED/S", "DELIVERED/S"],
      rows: snapshot.bus.map((subject) => ({
        key: subject.subject,
        cells: [subject.subject, String(subject.published), String(subject.delivered), rate(subject.publishedPerSecond), rate(subject.deliveredPerSecond)],
        tone: "ok",
      })),
    },
    {
      title: "gRPC latency",
      columns: ["CONTRACT", "CALLS", "ERRORS", "P50", "P99"],
      rows: snapshot.rpc.map((contract) => ({
        key: contract.contract,
        cells: [contract.contract, String(contract.calls), String(contract.errors), milliseconds(contract.p50Ms), milliseconds(contract.p99Ms)],
        tone: contract.errors > 0 ? "warn" : "ok",
      })),
    },
  ];
}

/** The one line above the tables: topology, directory, supervisor, players, time. */
export function snapshotHeadline(snapshot: ClusterSnapshot): string {
  const supervisor = snapshot.supervisor.alive ? `tc9 up pid ${snapshot.supervisor.pid}` : `tc9 up pid ${snapshot.supervisor.pid} GONE`;
  const up = snapshot.nodes.filter((node) => node.health === "up").length;
  return `tc9 ${snapshot.topology} · ${snapshot.projectDir} · ${supervisor} · ${up}/${snapshot.nodes.length} nodes up · ${snapshot.players} players · ${snapshot.takenAt.slice(11, 19)} UTC`;
}

/** A table's header and rows as padded lines (two spaces between columns). */
export function layoutTable(table: Table): { header: string; lines: string[] } {
  const widths = table.columns.map((column, index) => Math.max(column.length, ...table.rows.map((row) => (row.cells[index] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join("  ");
  return { header: line(table.columns), lines: table.rows.map((row) => line(row.cells)) };
}

/** The whole snapshot as plain text (`tc9 status`, `tc9 top --once`), coloured by `style`. */
export function renderSnapshotText(snapshot: ClusterSnapshot, style: Style): string {
  const out = [style.bold(snapshotHeadline(snapshot))];
  for (const table of snapshotTables(snapshot)) {
    out.push("", style.bold(`${table.title} (${table.rows.length})`));
    if (table.rows.length === 0) {
      out.push(style.dim("  none"));
      continue;
    }
    const { header, lines } = layoutTable(table);
    out.push(`  ${style.dim(header)}`);
    table.rows.forEach((row, index) => out.push(`  ${toneStyle(row.tone, style)(lines[index] ?? "")}`));
  }
  const down = snapshot.nodes.filter((node) => node.problem !== null);
  const problems = [...down.map((node) => `${node.name} is down: ${node.problem}`), ...snapshot.problems];
  if (problems.length > 0) out.push("", ...problems.map((problem) => `${style.fail("✖")} ${problem}`));
  return out.join("\n");
}

function toneStyle(tone: RowTone, style: Style): (text: string) => string {
  return tone === "fail" ? style.fail : tone === "warn" ? style.warn : (text) => text;
}

function nodeTone(node: NodeView): RowTone {
  if (node.health === "down") return "fail";
  return node.ready === false ? "warn" : "ok";
}

function readyText(node: NodeView): string {
  if (node.ready === null) return "-";
  return node.ready ? "yes" : `no (${node.notReady.join(", ") || "checks failing"})`;
}

/** `42s`, `5m07s`, `3h04m`, `2d05h`; `-` when unknown. */
export function duration(seconds: number | null): string {
  if (seconds === null) return "-";
  const whole = Math.max(0, Math.floor(seconds));
  const two = (value: number) => String(value).padStart(2, "0");
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m${two(whole % 60)}s`;
  if (whole < 86_400) return `${Math.floor(whole / 3600)}h${two(Math.floor((whole % 3600) / 60))}m`;
  return `${Math.floor(whole / 86_400)}d${two(Math.floor((whole % 86_400) / 3600))}h`;
}

const MAPS_SHOWN = 6;

function mapsText(server: WorldserverView): string {
  const pending = server.pendingMaps > 0 ? ` (${server.pendingMaps} pending)` : "";
  const maps = server.assignedMaps;
  if (maps.length === 0) return (server.availableMaps.length === 0 ? "every map" : "none") + pending;
  const shown = maps.slice(0, MAPS_SHOWN).join(",");
  return (maps.length > MAPS_SHOWN ? `${shown},… (${maps.length})` : shown) + pending;
}

function rate(value: number | null): string {
  return value === null ? "-" : value.toFixed(1);
}

function milliseconds(value: number | null): string {
  if (value === null) return "-";
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
}
