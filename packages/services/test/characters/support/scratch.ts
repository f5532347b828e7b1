/** The scratch database handle of `@tc9/sdk/testing` (its type is not exported by name). */
import type { createScratchDatabase } from "@tc9/sdk/testing";

export type ScratchDatabase = Awaited<ReturnType<typeof createScratchDatabase>>;
