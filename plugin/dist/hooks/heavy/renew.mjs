#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  renewClaims
} from "../../chunks/chunk-WBPZ3C4H.mjs";
import {
  sessionOwner
} from "../../chunks/chunk-GFRYN5UQ.mjs";
import "../../chunks/chunk-UU23BLVG.mjs";
import "../../chunks/chunk-ALOFWVRK.mjs";
import "../../chunks/chunk-4W232WJ3.mjs";
import {
  renewOwner
} from "../../chunks/chunk-6TI4QRGQ.mjs";
import "../../chunks/chunk-ONL4JA75.mjs";
import "../../chunks/chunk-TKZFUNKZ.mjs";
import "../../chunks/chunk-4CKTFQOR.mjs";
import {
  StateStore
} from "../../chunks/chunk-566HZB6Q.mjs";
import "../../chunks/chunk-ZLPZGQGU.mjs";
import "../../chunks/chunk-UE4A2DQB.mjs";
import "../../chunks/chunk-PCFNT4JQ.mjs";
import "../../chunks/chunk-X4JLKMGK.mjs";
import "../../chunks/chunk-PMXN3EG4.mjs";
import "../../chunks/chunk-XNIKMWZT.mjs";
import "../../chunks/chunk-DDI77WQF.mjs";
import "../../chunks/chunk-OBLF3P63.mjs";
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
