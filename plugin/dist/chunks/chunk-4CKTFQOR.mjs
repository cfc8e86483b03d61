#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var { createRequire } = require("node:module");

// src/system/child-process.ts
var requireBuiltin = createRequire(import.meta.url);
var loaded;
function childProcess() {
  return loaded ??= requireBuiltin("node:child_process");
}

export {
  childProcess
};
