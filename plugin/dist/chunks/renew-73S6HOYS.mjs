#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  sessionOwner
} from "./chunk-YC5FYGCY.mjs";
import {
  renewClaims
} from "./chunk-G7HYWDZL.mjs";
import "./chunk-3B65IRCH.mjs";
import "./chunk-4BQ6E24T.mjs";
import {
  StateStore
} from "./chunk-WW7CR2J7.mjs";
import "./chunk-4VNXBQ3W.mjs";
import {
  renewOwner
} from "./chunk-OD6BFOUK.mjs";
import "./chunk-VTCSFJ55.mjs";
import "./chunk-2VPJHXGL.mjs";
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
