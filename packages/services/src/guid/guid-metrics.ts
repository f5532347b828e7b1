/** The guid module's Prometheus series, labelled by realm and GUID kind. */
import { Counter, Gauge, type Registry } from "prom-client";
import type { Logger } from "pino";
import type { GuidKind } from "./guid-kinds.js";
import type { GuidPoolObserver } from "./guid-pool.js";

type Labels = "realm" | "type";

/** The metric named `name` if this registry has it already (a module start that was retried), else a new one. */
function shared<T>(registry: Registry, name: string, create: (registers: Registry[]) => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create([registry]);
}

/**
 * `tc9_guid_handed_out_total`, `tc9_guid_reservations_total`, `tc9_guid_reserved_total`,
 * `tc9_guid_reservation_failures_total` and the `tc9_guid_stock` gauge, fed through one pool
 * observer per (realm, kind) that also logs failed reservations.
 */
export class GuidMetrics {
  readonly #handedOut: Counter<Labels>;
  readonly #reservations: Counter<Labels>;
  readonly #reserved: Counter<Labels>;
  readonly #failures: Counter<Labels>;
  readonly #stock: Gauge<Labels>;

  constructor(registry: Registry) {
    const labelNames: Labels[] = ["realm", "type"];
    this.#handedOut = shared(registry, "tc9_guid_handed_out_total", (registers) =>
      new Counter({ name: "tc9_guid_handed_out_total", help: "GUIDs handed out to callers", labelNames, registers }),
    );
    this.#reservations = shared(registry, "tc9_guid_reservations_total", (registers) =>
      new Counter({ name: "tc9_guid_reservations_total", help: "High-water mark reservations committed", labelNames, registers }),
    );
    this.#reserved = shared(registry, "tc9_guid_reserved_total", (registers) =>
      new Counter({ name: "tc9_guid_reserved_total", help: "GUIDs reserved in the database", labelNames, registers }),
    );
    this.#failures = shared(registry, "tc9_guid_reservation_failures_total", (registers) =>
      new Counter({ name: "tc9_guid_reservation_failures_total", help: "Reservations that failed", labelNames, registers }),
    );
    this.#stock = shared(registry, "tc9_guid_stock", (registers) =>
      new Gauge({ name: "tc9_guid_stock", help: "GUIDs reserved and not handed out yet", labelNames, registers }),
    );
  }

  /** The observer of one pool. */
  observerFor(realmId: number, kind: GuidKind, logger: Logger): GuidPoolObserver {
    const labels = { realm: String(realmId), type: kind.label };
    const handedOut = this.#handedOut.labels(labels);
    const reservations = this.#reservations.labels(labels);
    const reserved = this.#reserved.labels(labels);
    const failures = this.#failures.labels(labels);
    const stock = this.#stock.labels(labels);
    return {
      reserved(range) {
        const size = Number(range.end - range.start + 1n);
        reservations.inc();
        reserved.inc(size);
        stock.inc(size);
        logger.debug({ realm: realmId, type: kind.label, start: String(range.start), end: String(range.end) }, "reserved GUIDs");
      },
      handedOut(count, left) {
        handedOut.inc(Number(count));
        stock.set(Number(left));
      },
      reservationFailed(error) {
        failures.inc();
        logger.warn({ err: error, realm: realmId, type: kind.label }, "reserving GUIDs failed");
      },
    };
  }
}
