#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));

// src/system/launch-env.ts
var MOVED_CA_VAR = "LANES_NODE_EXTRA_CA_CERTS";
function caMovedAside(env = process.env) {
  const ca = env.NODE_EXTRA_CA_CERTS;
  return ca ? { NODE_EXTRA_CA_CERTS: "", [MOVED_CA_VAR]: ca } : {};
}
function restoreLaunchEnv(env = process.env) {
  const moved = env[MOVED_CA_VAR];
  if (moved === void 0) return;
  delete env[MOVED_CA_VAR];
  if (!env.NODE_EXTRA_CA_CERTS) env.NODE_EXTRA_CA_CERTS = moved;
}

export {
  caMovedAside,
  restoreLaunchEnv
};
