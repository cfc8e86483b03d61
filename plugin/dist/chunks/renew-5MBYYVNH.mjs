#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  renewClaims
} from "./chunk-G3NFVI2C.mjs";
import {
  sessionOwner
} from "./chunk-ZONQO4DO.mjs";
import "./chunk-SHNFP3ZB.mjs";
import "./chunk-QAT4ND55.mjs";
import {
  StateStore
} from "./chunk-3XEV5NBU.mjs";
import "./chunk-4VNXBQ3W.mjs";
import {
  renewOwner
} from "./chunk-DHEVK3PK.mjs";
import "./chunk-65DM55UZ.mjs";
import "./chunk-2IEU5J55.mjs";
import "./chunk-L7DRPZNJ.mjs";
import "./chunk-DRMYFPW3.mjs";
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
