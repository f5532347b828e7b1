/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text, useApp, useInput, useStdin, type Key, type TextProps } from "ink";
import { useEffect, useRef, useState } from "react";
import { errorSummary } from "../../errors.js";
import { layoutTable, snapshotHeadline, snapshotTables, type ClusterSnapshot, type NodeView, type RowTone, type Table } from "../../cluster-view/index.js";
import { readLogTail, requestRestart } from "./node-actions.js";

/** Lines of the selected node's log shown in the log pane. */
const LOG_LINES = 12;
/** Rows shown per section other than the nodes (the filter finds the others). */
const SECTION_ROWS = 8;

export interface TopAppProps {
  /** Takes one snapshot (a {@link ClusterCollector}'s `collect`). */
  readonly collect: () => Promise<ClusterSnapshot>;
  readonly refreshMs: number;
  /** Colour rows and the selection; off for NO_COLOR. */
  readonly colours: boolean;
}

/** Text styling that is dropped when colours are off (ink's chalk does not read NO_COLOR itself). */
type Look = Pick<TextProps, "bold" | "dimColor" | "inverse" | "color">;

function looks(colours: boolean): (look: Look) => Look {
  return (look) => (colours ? look : {});
}

function toneLook(tone: RowTone): Look {
  return tone === "ok" ? {} : { color: tone === "fail" ? "red" : "yellow" };
}

type Mode = { readonly kind: "browse" } | { readonly kind: "filter" } | { readonly kind: "confirm"; readonly node: string };

interface Notice {
  readonly text: string;
  readonly tone: RowTone;
}

/**
 * The `tc9 top` screen: a fresh snapshot every `refreshMs`, the nodes table with a selection, and
 * the other sections below it. Keys: ↑/↓ or k/j select a node, `/` filters every section, `l`
 * shows the selected node's log, `r` restarts it through `tc9 up` after a y/n confirmation, `q` quits.
 */
export function TopApp({ collect, refreshMs, colours }: TopAppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const [snapshot, setSnapshot] = useState<ClusterSnapshot>();
  const [failure, setFailure] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [filter, setFilter] = useState("");
  const [mode, setMode] = useState<Mode>({ kind: "browse" });
  const [logNode, setLogNode] = useState<string>();
  const [logLines, setLogLines] = useState<readonly string[]>([]);
  const [notice, setNotice] = useState<Notice>();
  const mounted = useRef(true);
  const onKey = useRef<(input: string, key: Key) => void>(() => undefined);

  useEffect(() => {
    mounted.current = true;
    let timer: NodeJS.Timeout | undefined;
    const refresh = async (): Promise<void> => {
      try {
        const next = await collect();
        if (!mounted.current) return;
        setSnapshot(next);
        setFailure(undefined);
      } catch (error) {
        if (mounted.current) setFailure(errorSummary(error).message);
      }
      if (mounted.current) timer = setTimeout(() => void refresh(), refreshMs);
    };
    void refresh();
    return () => {
      mounted.current = false;
      clearTimeout(timer);
    };
  }, [collect, refreshMs]);

  const [nodesTable, ...others] = snapshot === undefined ? [] : snapshotTables(snapshot).map((table) => filtered(table, filter));
  const nodes = nodesTable?.rows.map((row) => row.key) ?? [];
  const selectedIndex = Math.max(0, nodes.indexOf(selected ?? ""));
  const selectedNode = nodes[selectedIndex];
  const selectedView = snapshot?.nodes.find((node) => node.name === selectedNode);
  const logFile = snapshot?.nodes.find((node) => node.name === logNode)?.logFile;

  useEffect(() => {
    if (logFile === undefined) return;
    let live = true;
    readLogTail(logFile, LOG_LINES).then(
      (lines) => live && setLogLines(lines),
      (error: unknown) => live && setLogLines([`cannot read ${logFile}: ${errorSummary(error).message}`]),
    );
    return () => {
      live = false;
    };
  }, [logFile, snapshot]);

  const restart = (node: string): void => {
    const controlUrl = snapshot?.supervisor.controlUrl ?? null;
    if (controlUrl === null) {
      setNotice({ text: `cannot restart ${node}: the run file has no control endpoint (is tc9 up running?)`, tone: "fail" });
      return;
    }
    setNotice({ text: `restarting ${node}…`, tone: "warn" });
    requestRestart(controlUrl, node).then(
      () => mounted.current && setNotice({ text: `${node} restarted`, tone: "ok" }),
      (error: unknown) => mounted.current && setNotice({ text: errorSummary(error).message, tone: "fail" }),
    );
  };

  // Keys are handled by the newest render's handler: the one ink registered may be a render older
  // (it re-registers after the commit), and a key arriving in between must see the current nodes.
  onKey.current = (input, key) => {
    if (mode.kind === "filter") {
      if (key.return) setMode({ kind: "browse" });
      else if (key.escape) {
        setFilter("");
        setMode({ kind: "browse" });
      } else if (key.backspace || key.delete) setFilter((text) => text.slice(0, -1));
      else if (input !== "" && !key.ctrl && !key.meta) setFilter((text) => text + input);
      return;
    }
    if (mode.kind === "confirm") {
      if (input === "y" || input === "Y") restart(mode.node);
      else setNotice({ text: `restart of ${mode.node} cancelled`, tone: "ok" });
      setMode({ kind: "browse" });
      return;
    }
    const move = (by: number) => {
      const next = nodes[Math.min(nodes.length - 1, Math.max(0, selectedIndex + by))];
      if (next !== undefined) setSelected(next);
    };
    if (input === "q") exit();
    else if (key.downArrow || input === "j") move(1);
    else if (key.upArrow || input === "k") move(-1);
    else if (input === "/") setMode({ kind: "filter" });
    else if (input === "l" && selectedNode !== undefined) setLogNode((open) => (open === selectedNode ? undefined : selectedNode));
    else if (input === "r" && selectedNode !== undefined) setMode({ kind: "confirm", node: selectedNode });
    else if (key.escape) {
      setLogNode(undefined);
      setFilter("");
      setNotice(undefined);
    }
  };
  useInput((input, key) => onKey.current(input, key), { isActive: isRawModeSupported });

  const look = looks(colours);
  if (snapshot === undefined) {
    return <Text {...look(toneLook(failure === undefined ? "ok" : "fail"))}>{failure ?? "reading the cluster…"}</Text>;
  }
  return (
    <Box flexDirection="column">
      <Text {...look({ bold: true })} wrap="truncate">
        {snapshotHeadline(snapshot)}
      </Text>
      {failure === undefined ? null : <Text {...look(toneLook("fail"))}>{`refresh failed: ${failure}`}</Text>}
      {nodesTable === undefined ? null : <Section table={nodesTable} limit={Number.POSITIVE_INFINITY} selected={selectedNode} look={look} />}
      {selectedView === undefined ? null : (
        <Text {...look(toneLook(selectedView.problem === null ? "ok" : "fail"))} wrap="truncate">{`  ${nodeDetail(selectedView)}`}</Text>
      )}
      {others.map((table) => (
        <Section key={table.title} table={table} limit={SECTION_ROWS} selected={undefined} look={look} />
      ))}
      {snapshot.problems.map((problem) => (
        <Text key={problem} {...look(toneLook("fail"))} wrap="truncate">{`✖ ${problem}`}</Text>
      ))}
      {logNode === undefined ? null : (
        <Box flexDirection="column" borderStyle="single" paddingX={1}>
          <Text {...look({ bold: true })} wrap="truncate">{`log of ${logNode} (${logFile ?? "no log file"}) — l or Esc closes`}</Text>
          {logLines.length === 0 ? <Text {...look({ dimColor: true })}>(empty)</Text> : logLines.map((line, index) => <Text key={index} wrap="truncate">{line}</Text>)}
        </Box>
      )}
      {mode.kind === "confirm" ? (
        <Text {...look(toneLook("warn"))}>{`restart ${mode.node}? y to confirm, any other key cancels`}</Text>
      ) : notice === undefined ? null : (
        <Text {...look(toneLook(notice.tone))} wrap="truncate">{notice.text}</Text>
      )}
      {mode.kind === "filter" ? (
        <Text>{`filter: ${filter}▏ (Enter keeps it, Esc clears it)`}</Text>
      ) : (
        <Text {...look({ dimColor: true })} wrap="truncate">
          {`↑↓/jk select · / filter${filter === "" ? "" : ` [${filter}]`} · l log · r restart · q quit · every ${refreshMs} ms`}
        </Text>
      )}
    </Box>
  );
}

interface SectionProps {
  readonly table: Table;
  readonly limit: number;
  readonly selected: string | undefined;
  readonly look: (look: Look) => Look;
}

/** One table: its title with the row count, the column header, and at most `limit` rows; `›` marks the selection. */
function Section({ table, limit, selected, look }: SectionProps) {
  const { header, lines } = layoutTable(table);
  const hidden = Math.max(0, table.rows.length - limit);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text {...look({ bold: true })}>{`${table.title} (${table.rows.length})`}</Text>
      <Text {...look({ dimColor: true })} wrap="truncate">
        {table.rows.length === 0 ? "  none" : `  ${header}`}
      </Text>
      {table.rows.slice(0, limit).map((row, index) => (
        <Text key={row.key} wrap="truncate" {...look({ ...toneLook(row.tone), inverse: row.key === selected })}>
          {`${row.key === selected ? "›" : " "} ${lines[index] ?? ""}`}
        </Text>
      ))}
      {hidden === 0 ? null : <Text {...look({ dimColor: true })}>{`  … ${hidden} more (filter with /)`}</Text>}
    </Box>
  );
}

/** The selected node's line under the table: why it is down, where it listens, its log, how it last ended. */
function nodeDetail(node: NodeView): string {
  const parts = [
    node.problem === null ? `${node.name}: ${node.httpUrl ?? "no HTTP address"}` : `${node.name} is down: ${node.problem}`,
    ...(node.grpcAddress === null ? [] : [`grpc ${node.grpcAddress}`]),
    `log ${node.logFile}`,
    ...(node.lastExit === null ? [] : [`last exit ${node.lastExit}`]),
  ];
  return parts.join(" · ");
}

function matches(filter: string, texts: readonly string[]): boolean {
  if (filter === "") return true;
  const needle = filter.toLowerCase();
  return texts.some((text) => text.toLowerCase().includes(needle));
}

function filtered(table: Table, filter: string): Table {
  return { ...table, rows: table.rows.filter((row) => matches(filter, row.cells)) };
}
