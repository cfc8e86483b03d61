#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  renderNote
} from "./chunk-EB3OHDRK.mjs";
import "./chunk-YFNGQKDO.mjs";
import "./chunk-SQIH7RSX.mjs";
import "./chunk-NAZ6GJEQ.mjs";
import "./chunk-XNIKMWZT.mjs";
import "./chunk-IIFEABOA.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  renderNote
};
