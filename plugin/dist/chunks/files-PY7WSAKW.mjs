#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  readNoteFile,
  writeNote
} from "./chunk-K6JZX23L.mjs";
import "./chunk-LNABDZ4S.mjs";
import "./chunk-72GQWGIZ.mjs";
import "./chunk-R2U3LM5R.mjs";
import "./chunk-DVMOCOCF.mjs";
import "./chunk-B4RRO5TO.mjs";
import "./chunk-GYJ3GKLR.mjs";
import "./chunk-QMES3QEG.mjs";
import "./chunk-2KXZDJML.mjs";
import "./chunk-BLGZ45JF.mjs";
import "./chunk-HOVPYJYW.mjs";
import "./chunk-JPJMJVFU.mjs";
import "./chunk-CXNZ4SOU.mjs";
import "./chunk-5JH7MFI6.mjs";
import "./chunk-7RWYVW2G.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";
export {
  readNoteFile,
  writeNote
};
