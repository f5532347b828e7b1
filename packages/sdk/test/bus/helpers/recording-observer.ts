import type { BusObserver } from "../../../src/bus/index.js";

/** A bus observer that records every call, for assertions. */
export class RecordingObserver implements BusObserver {
  readonly publishedSubjects: string[] = [];
  readonly deliveredSubjects: string[] = [];
  readonly decodeFailures: { subject: string; error: unknown }[] = [];
  readonly handlerFailures: { subject: string; error: unknown }[] = [];
  readonly connectionChanges: boolean[] = [];
  readonly transportFailures: string[] = [];

  published(subject: string): void {
    this.publishedSubjects.push(subject);
  }

  delivered(subject: string): void {
    this.deliveredSubjects.push(subject);
  }

  decodeFailed(subject: string, error: unknown): void {
    this.decodeFailures.push({ subject, error });
  }

  handlerFailed(subject: string, error: unknown): void {
    this.handlerFailures.push({ subject, error });
  }

  connectionChanged(ready: boolean): void {
    this.connectionChanges.push(ready);
  }

  transportFailed(operation: string): void {
    this.transportFailures.push(operation);
  }
}
