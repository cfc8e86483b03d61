#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  sessionOwner
} from "./chunk-2TN37SCR.mjs";
import {
  renewClaims
} from "./chunk-6SUTLIHY.mjs";
import "./chunk-QTXBDCYW.mjs";
import "./chunk-LW3P4CPZ.mjs";
import {
  StateStore
} from "./chunk-V4GO6SUC.mjs";
import "./chunk-4VNXBQ3W.mjs";
import "./chunk-2SBYBKZ5.mjs";
import {
  renewOwner
} from "./chunk-NFG7RAAX.mjs";
import "./chunk-AWQEDCZ2.mjs";
import "./chunk-6SKTNMZK.mjs";
import "./chunk-JZVDHGNO.mjs";
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
