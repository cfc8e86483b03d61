#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  sessionOwner
} from "./chunk-23P6TAVL.mjs";
import {
  renewClaims
} from "./chunk-6NKNEE55.mjs";
import "./chunk-LJCEPUWB.mjs";
import "./chunk-7LWMCHG3.mjs";
import {
  StateStore
} from "./chunk-WW7CR2J7.mjs";
import "./chunk-4VNXBQ3W.mjs";
import {
  renewOwner
} from "./chunk-GLLGPDGJ.mjs";
import "./chunk-VTCSFJ55.mjs";
import "./chunk-6YY4H32W.mjs";
import "./chunk-KCQ2UJ6A.mjs";
import "./chunk-3EVUSF4T.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";

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
