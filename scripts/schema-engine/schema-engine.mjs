#!/usr/bin/env node
// Dozen's stand-in for Prisma's native `schema-engine` binary: prisma.config.ts points
// PRISMA_SCHEMA_ENGINE_BINARY here, and the Prisma CLI spawns it like the binary it replaces (see README.md).
// The CLI runs it as a plain executable, so it cannot count on tsx being on PATH: register tsx's loader from
// node_modules, then run the TypeScript entry point.
import { register } from "tsx/esm/api";

register();
await import("./main.ts");
