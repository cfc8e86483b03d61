#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  renewClaims
} from "../../chunks/chunk-J4STWOX2.mjs";
import {
  sessionOwner
} from "../../chunks/chunk-GLGDYDQJ.mjs";
import "../../chunks/chunk-OYWZZECT.mjs";
import "../../chunks/chunk-DZJZL4SE.mjs";
import "../../chunks/chunk-6SAEVL7J.mjs";
import {
  renewOwner
} from "../../chunks/chunk-6VPCHBZS.mjs";
import "../../chunks/chunk-FDDY45Z2.mjs";
import "../../chunks/chunk-TKZFUNKZ.mjs";
import {
  StateStore
} from "../../chunks/chunk-XBA3E3NF.mjs";
import "../../chunks/chunk-66AJOIRT.mjs";
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
