#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  renewClaims
} from "./chunk-6TPH2DJD.mjs";
import {
  sessionOwner
} from "./chunk-2QH2GIOI.mjs";
import "./chunk-HXLULYCU.mjs";
import "./chunk-4R6DCJOC.mjs";
import {
  StateStore
} from "./chunk-DTZGG44N.mjs";
import "./chunk-4VNXBQ3W.mjs";
import {
  renewOwner
} from "./chunk-NAZ4J2TS.mjs";
import "./chunk-I5EBTHHD.mjs";
import "./chunk-7T3ZRSQ6.mjs";
import "./chunk-7ZLIPW43.mjs";
import "./chunk-JPJMJVFU.mjs";
import "./chunk-LIEEZQE5.mjs";
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
