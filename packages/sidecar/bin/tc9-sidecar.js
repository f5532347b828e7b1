#!/usr/bin/env node
// tc9-sidecar: the process libsidecar (linked into an AzerothCore worldserver) connects to.
// Configured with the TC9_* environment; see the package README.
import "../dist/main.js";
