#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  renewClaims
} from "./chunk-75JZXRKK.mjs";
import {
  sessionOwner
} from "./chunk-M2FKTH77.mjs";
import "./chunk-JW2JOW3N.mjs";
import "./chunk-M5TXEPYS.mjs";
import {
  StateStore
} from "./chunk-CS45ENFA.mjs";
import "./chunk-4VNXBQ3W.mjs";
import {
  renewOwner
} from "./chunk-VHCGYSJR.mjs";
import "./chunk-KH2HKOCT.mjs";
import "./chunk-EKUF3BFK.mjs";
import "./chunk-37RM2C4A.mjs";
import "./chunk-JPJMJVFU.mjs";
import "./chunk-S3CLBSHI.mjs";
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
