import type { Logger } from "pino";
import { createLocalBus, createNatsBus, type Bus, type BusObserver } from "../bus/index.js";
import type { NodeMetrics } from "../observability/node-metrics.js";
import type { BusConfig } from "./topology.js";

/** The node's bus, with its traffic counted in the node's metrics and its failures logged. */
export function createNodeBus(config: BusConfig, nodeName: string, metrics: NodeMetrics, logger: Logger): Bus {
  const observer: BusObserver = {
    published: (subject) => metrics.busPublished(subject),
    delivered: (subject) => metrics.busDelivered(subject),
    decodeFailed: (subject, error) => {
      metrics.busFailed(subject, "decode");
      logger.warn({ subject, err: error }, "bus payload could not be decoded; skipped");
    },
    handlerFailed: (subject, error) => {
      metrics.busFailed(subject, "handler");
      logger.error({ subject, err: error }, "bus handler failed");
    },
    connectionChanged: (ready) => logger.info({ ready }, ready ? "bus connected" : "bus disconnected"),
  };
  if (config.kind === "local") return createLocalBus({ observer });
  return createNatsBus({
    servers: config.servers,
    name: `tc9-${nodeName}`,
    subjectPrefix: config.subjectPrefix,
    observer,
  });
}
