#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  PLAN_LIMITS,
  buildPlan
} from "./chunk-D6KORC43.mjs";
import "./chunk-6O67LTXW.mjs";
import "./chunk-ALOFWVRK.mjs";
import "./chunk-DDI77WQF.mjs";
import "./chunk-OBLF3P63.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  PLAN_LIMITS,
  buildPlan
};
