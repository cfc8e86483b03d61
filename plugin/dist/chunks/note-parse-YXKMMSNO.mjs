#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  parseNote
} from "./chunk-QVBTIUQL.mjs";
import "./chunk-YFNGQKDO.mjs";
import "./chunk-K5DJXVQN.mjs";
import "./chunk-K2H7HNW2.mjs";
import "./chunk-EFR7W7QO.mjs";
import "./chunk-X4JLKMGK.mjs";
import "./chunk-PMXN3EG4.mjs";
import "./chunk-XNIKMWZT.mjs";
import "./chunk-DDI77WQF.mjs";
import "./chunk-OBLF3P63.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  parseNote
};
