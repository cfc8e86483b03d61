#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);

// src/cli/main.ts
if (process.argv[2] === "mcp" && process.argv.length === 3) {
  const { serveMcpStdio } = await import("./chunks/stdio-Z3DDRQWW.mjs");
  await serveMcpStdio();
} else {
  const { buildProgram } = await import("./chunks/program-WVYJREAB.mjs");
  await buildProgram().parseAsync(process.argv);
}
