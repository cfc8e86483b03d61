#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  assessLane,
  planTeardown,
  recoverOrphans,
  refusal,
  teardownLane
} from "./chunk-D5WNJKZ4.mjs";
import {
  readPlan
} from "./chunk-4R6DCJOC.mjs";
import {
  assertAuthority,
  readOwners
} from "./chunk-NAZ4J2TS.mjs";
import {
  LANES_DOC,
  assertOwner,
  assertTaskId
} from "./chunk-I5EBTHHD.mjs";
import {
  act
} from "./chunk-LIEEZQE5.mjs";
import {
  LanesError
} from "./chunk-B475TGAI.mjs";

// src/core/lanes/remove.ts
async function removeLane(project, input) {
  const task = assertTaskId(input.task_id);
  if (!input.dryRun) await recoverOrphans(project);
  const doc = (await project.store.read(LANES_DOC)).data;
  const lane = Object.hasOwn(doc, task) ? doc[task] : void 0;
  if (!lane) {
    throw new LanesError("NOT_FOUND", `There is no lane for task "${task}".`, {
      hint: `${act("list_lanes")} shows the lanes (and any foreign worktrees, which Lanes does not remove).`
    });
  }
  if (lane.state === "starting") {
    throw new LanesError("CONFLICT", `The lane of ${task} is still being started by ${lane.owner}.`, {
      hint: `Wait for ${act("start_lane", { task_id: task })} to finish (or fail), then try again.`
    });
  }
  const [{ tasks }, owners] = await Promise.all([readPlan(project.store), readOwners(project.store)]);
  const state = Object.hasOwn(tasks, task) ? tasks[task] : void 0;
  if (input.actor !== void 0 && state?.status !== "done") {
    assertAuthority(owners, {
      actor: assertOwner(input.actor),
      holder: lane.owner,
      what: `The lane of task "${task}"`,
      task,
      ...input.force ? { force: true } : {}
    });
  }
  const a = await assessLane(project, lane, state);
  const refused = refusal(lane, a);
  if (refused && !input.force) throw refused;
  const r = input.dryRun ? planTeardown(lane, a, { force: input.force === true }) : await teardownLane(project, lane, a, { force: input.force === true });
  return { task_id: task, path: lane.path, branch: lane.branch, landed_by: refused ? "forced" : a.landedBy ?? "no-commits", ...r };
}

export {
  removeLane
};
