#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  require_dist
} from "./chunk-YFNGQKDO.mjs";
import {
  badNote,
  metaFromObject,
  parseBody,
  splitFrontMatter
} from "./chunk-K5DJXVQN.mjs";
import {
  emptyNote,
  parsePlainFront
} from "./chunk-K2H7HNW2.mjs";
import {
  __toESM
} from "./chunk-4WZSK4NS.mjs";

// src/core/sessions/note-parse.ts
var import_yaml = __toESM(require_dist(), 1);
function parseMeta(yamlText, source) {
  const plain = parsePlainFront(yamlText);
  if (plain) return metaFromObject(plain, source);
  let obj;
  try {
    obj = import_yaml.default.parse(yamlText);
  } catch (e) {
    throw badNote(source, `invalid YAML front matter (${e.message.split("\n")[0]})`);
  }
  return metaFromObject(obj, source);
}
function parseNote(text, source = "note") {
  const split = splitFrontMatter(text);
  if (!split) throw badNote(source, "it does not start with YAML front matter between --- lines");
  return parseBody(emptyNote(parseMeta(split.front, source)), split.body);
}

export {
  parseNote
};
