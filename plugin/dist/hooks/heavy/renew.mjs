#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  renewClaims
} from "../../chunks/chunk-QO4V4VSE.mjs";
import {
  sessionOwner
} from "../../chunks/chunk-UJCL2UNY.mjs";
import "../../chunks/chunk-JY74C4PI.mjs";
import "../../chunks/chunk-DZJZL4SE.mjs";
import "../../chunks/chunk-UK3L4GGO.mjs";
import {
  renewOwner
} from "../../chunks/chunk-DD2L3UZ4.mjs";
import "../../chunks/chunk-BX3AZ3JD.mjs";
import "../../chunks/chunk-TKZFUNKZ.mjs";
import {
  StateStore
} from "../../chunks/chunk-PEJVYIMF.mjs";
import "../../chunks/chunk-66AJOIRT.mjs";
import "../../chunks/chunk-G3LQSMZE.mjs";
import "../../chunks/chunk-EVZWTNHO.mjs";
import "../../chunks/chunk-G23BEX64.mjs";
import "../../chunks/chunk-XNIKMWZT.mjs";
import "../../chunks/chunk-IIFEABOA.mjs";
import "../../chunks/chunk-4WZSK4NS.mjs";

// src/hooks/heavy/renew.ts
async function renewLaneClaims(stateDir, task, sid) {
  const store = await StateStore.open(stateDir);
  const r = await renewClaims(store, `task:${task}`);
  const owner = sid ? await renewOwner(store, sessionOwner(sid)) : false;
  return { claims: r.claims, wrote: r.wrote || owner };
}
export {
  renewLaneClaims
};
