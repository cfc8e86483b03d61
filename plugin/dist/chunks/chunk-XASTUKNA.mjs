#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  safeText
} from "./chunk-EFR7W7QO.mjs";
import {
  act
} from "./chunk-UE4A2DQB.mjs";
import {
  defineDoc
} from "./chunk-X4JLKMGK.mjs";

// src/core/merge/notices.ts
var emptyNotices = () => /* @__PURE__ */ Object.create(null);
var NOTICES_DOC = defineDoc({ name: "notices", empty: emptyNotices });
var MAX_FILES = 10;
function pendingNotice(doc, task) {
  if (!doc || typeof doc !== "object" || !Object.hasOwn(doc, task)) return void 0;
  const n = doc[task];
  if (!n || typeof n !== "object" || typeof n.id !== "string" || n.delivered_at) return void 0;
  return Array.isArray(n.files) && n.files.length ? n : void 0;
}
function claimNoticeIn(doc, task, id, now) {
  const n = pendingNotice(doc, task);
  if (!n || n.id !== id) return void 0;
  n.delivered_at = now;
  return n;
}
function noticeText(task, n) {
  const target = safeText(n.target);
  const landed = n.landed.map((t) => safeText(t)).join(", ") || "another task";
  const shown = n.files.slice(0, MAX_FILES).map((f) => safeText(f));
  const more = n.files.length > MAX_FILES ? ` and ${n.files.length - MAX_FILES} more` : "";
  return `Lanes: ${target} moved under task ${safeText(task)}: ${landed} landed on ${target} (${safeText(n.id).slice(0, 12)}), and this lane now conflicts with ${target} in: ${shown.join(", ")}${more}. Resolve it now, while the change is fresh: commit your work, merge ${target} into the lane (\`git merge ${target}\` in the lane's worktree), resolve those files, run the tests and commit the merge; then carry on. Until then the merge queue would refuse this lane (${act("queue_merge", { task_id: task })} reports the conflict).`;
}

export {
  NOTICES_DOC,
  pendingNotice,
  claimNoticeIn,
  noticeText
};
