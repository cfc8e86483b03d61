#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  readNoteFile,
  writeNote
} from "./chunk-62TLMM4H.mjs";
import "./chunk-KJWAQU7Z.mjs";
import "./chunk-EB3OHDRK.mjs";
import "./chunk-YFNGQKDO.mjs";
import "./chunk-NL4HFEE4.mjs";
import "./chunk-L3QRKGJO.mjs";
import "./chunk-SQIH7RSX.mjs";
import "./chunk-7YO2VVDH.mjs";
import "./chunk-V47YI7EL.mjs";
import "./chunk-TKZFUNKZ.mjs";
import "./chunk-QUC2I6GA.mjs";
import "./chunk-EVZWTNHO.mjs";
import "./chunk-NAZ6GJEQ.mjs";
import "./chunk-XNIKMWZT.mjs";
import "./chunk-IIFEABOA.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  readNoteFile,
  writeNote
};
