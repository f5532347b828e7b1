import type { SafeObserver } from "./delivery.js";

/** Whether a transport is usable, reported to the observer on every change, with waiters. */
export class Readiness {
  private current = false;
  private released = false;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly observer: SafeObserver) {}

  /** True while the transport is usable. */
  get ready(): boolean {
    return this.current;
  }

  /** Records a change; reports it and wakes the waiters when the transport became usable. */
  set(ready: boolean): void {
    if (this.current === ready) return;
    this.current = ready;
    this.observer.connectionChanged(ready);
    if (ready) this.wakeAll();
  }

  /** Resolves once the transport is usable (at once if it is), or after {@link release}. */
  wait(): Promise<void> {
    if (this.current || this.released) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Lets every present and future waiter go (the bus is closing). */
  release(): void {
    this.released = true;
    this.wakeAll();
  }

  private wakeAll(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
