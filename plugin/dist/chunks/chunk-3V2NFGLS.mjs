#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  leaseOf
} from "./chunk-CR6GQYF6.mjs";
import {
  readDoc
} from "./chunk-Q2MEEI3Y.mjs";
import {
  mcpOwner
} from "./chunk-OUP5FXRK.mjs";

// src/hooks/lib/owner.ts
function sessionOwner(sid) {
  return mcpOwner({ CLAUDE_SESSION_ID: sid, CLAUDE_CODE_SESSION_ID: sid });
}
function ownerLeaseStale(stateDir, sid, now) {
  if (!sid) return false;
  const l = leaseOf(readDoc(stateDir, "owners"), sessionOwner(sid));
  if (!l || typeof l.ttl_seconds !== "number") return false;
  const t = Date.parse(l.expires_at);
  return t > now && t < now + l.ttl_seconds * 1e3 - Math.min(60, l.ttl_seconds / 2) * 1e3;
}

export {
  sessionOwner,
  ownerLeaseStale
};
