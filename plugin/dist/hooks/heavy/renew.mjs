#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  renewClaims
} from "../../chunks/chunk-GX5T234N.mjs";
import {
  sessionOwner
} from "../../chunks/chunk-OGDOGDVQ.mjs";
import "../../chunks/chunk-2WDI64UT.mjs";
import "../../chunks/chunk-DZJZL4SE.mjs";
import "../../chunks/chunk-TVLX75BB.mjs";
import {
  renewOwner
} from "../../chunks/chunk-MI7TJUJS.mjs";
import "../../chunks/chunk-TLPYJS5H.mjs";
import "../../chunks/chunk-TKZFUNKZ.mjs";
import {
  StateStore
} from "../../chunks/chunk-TDUKKOBQ.mjs";
import "../../chunks/chunk-DAS6JYMY.mjs";
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
