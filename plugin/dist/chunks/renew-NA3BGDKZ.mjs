#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  sessionOwner
} from "./chunk-YV572OOL.mjs";
import {
  renewClaims
} from "./chunk-UIFSM5EX.mjs";
import "./chunk-7EYTLD57.mjs";
import "./chunk-PL5DY2FU.mjs";
import {
  StateStore
} from "./chunk-NG7PXIWD.mjs";
import "./chunk-4VNXBQ3W.mjs";
import "./chunk-OFXBTUZH.mjs";
import {
  renewOwner
} from "./chunk-36QYI5LT.mjs";
import "./chunk-5QYFTLAK.mjs";
import "./chunk-PRQL3RGA.mjs";
import "./chunk-LV6YZP2H.mjs";
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
