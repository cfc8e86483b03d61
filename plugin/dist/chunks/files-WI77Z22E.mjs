#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  readNoteFile,
  writeNote
} from "./chunk-HI2G74FH.mjs";
import "./chunk-TR43XEEA.mjs";
import "./chunk-LBGVLIKN.mjs";
import "./chunk-VUBDBMAH.mjs";
import "./chunk-WWEOJSFG.mjs";
import "./chunk-MGXXTUCH.mjs";
import "./chunk-QMES3QEG.mjs";
import "./chunk-2KXZDJML.mjs";
import "./chunk-IKZ4EBL2.mjs";
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
