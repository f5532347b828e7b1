import { defineAzerothCoreSuite } from "./support/azerothcore-suite.js";

defineAzerothCoreSuite("tc9");
