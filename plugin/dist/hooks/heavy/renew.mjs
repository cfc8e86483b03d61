#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  renewClaims
} from "../../chunks/chunk-3SCXQPSZ.mjs";
import {
  sessionOwner
} from "../../chunks/chunk-4WDK76Z4.mjs";
import "../../chunks/chunk-UNQPQO2D.mjs";
import "../../chunks/chunk-M2JMMAUS.mjs";
import "../../chunks/chunk-DG6IT6BT.mjs";
import {
  renewOwner
} from "../../chunks/chunk-K6HWDZ72.mjs";
import "../../chunks/chunk-HQQPKPV5.mjs";
import "../../chunks/chunk-TKZFUNKZ.mjs";
import {
  StateStore
} from "../../chunks/chunk-6TLF7J34.mjs";
import "../../chunks/chunk-66AJOIRT.mjs";
import "../../chunks/chunk-QUC2I6GA.mjs";
import "../../chunks/chunk-EVZWTNHO.mjs";
import "../../chunks/chunk-NAZ6GJEQ.mjs";
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
