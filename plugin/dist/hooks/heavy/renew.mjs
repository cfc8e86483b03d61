#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  renewClaims
} from "../../chunks/chunk-WIRS3JL6.mjs";
import {
  sessionOwner
} from "../../chunks/chunk-IV5NZJOB.mjs";
import "../../chunks/chunk-ZZ6F3QWA.mjs";
import "../../chunks/chunk-ALOFWVRK.mjs";
import "../../chunks/chunk-DY2NR3QI.mjs";
import {
  renewOwner
} from "../../chunks/chunk-I5FWETP3.mjs";
import "../../chunks/chunk-IRBGUASW.mjs";
import "../../chunks/chunk-TKZFUNKZ.mjs";
import "../../chunks/chunk-4CKTFQOR.mjs";
import {
  StateStore
} from "../../chunks/chunk-L6T7INHT.mjs";
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
