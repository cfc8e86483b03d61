/**
 * The lane worker prompt: what a headless agent (`claude -p`, or any CLI given `{prompt}`) is told.
 * The first line is the contract the hooks read ("Lanes task: <id>"), the second names the lane;
 * the rest follows the lane-worker skill, adapted to a run: `lanes run` queues and lands the work
 * once the agent exits, so the agent commits and ends rather than processing the queue.
 * Task text is the user's own plan, quoted as data; notes from earlier attempts are quoted too
 * (docs/safety.md rule 20: never injected as instructions).
 */
import { speak } from '../hints/actions.js';
import type { PlannedTask } from '../plan/plan.js';

export interface PromptInput {
  task: Pick<PlannedTask, 'id' | 'title' | 'description' | 'files' | 'depends_on'>;
  lane: string;
  branch: string;
  target: string;
  attempt: number;
  /** What went wrong last time (agent exit, merge conflict, red gate output), if this is a retry. */
  previous?: string;
  /**
   * False for an agent without Lanes' plugin (no hooks, no Lanes tools): the prompt then states
   * the rules the hooks would enforce, in words. Default true.
   */
  hooks?: boolean;
}

const MAX_PREVIOUS = 4000;

function quote(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

export function lanePrompt(p: PromptInput): string {
  const t = p.task;
  const lines = [
    `Lanes task: ${t.id}`,
    `Lane: ${p.lane}`,
    '',
    `You are a lane worker started by \`lanes run\`. Work only on task ${t.id}, only inside the lane above (a git worktree on branch ${p.branch}; it lands on ${p.target}).`,
    '',
    `Task: ${t.title}`,
  ];
  if (t.description?.trim()) lines.push('', 'Description (from the plan):', quote(t.description));
  const hooks = p.hooks !== false;
  if (hooks)
    lines.push(
      '',
      t.files.length
        ? `File scope (already claimed for you): ${t.files.join(', ')}`
        : 'File scope: none declared; claim files with claim_files before editing them.',
    );
  else
    lines.push(
      '',
      t.files.length
        ? `File scope (reserved for you; other lanes hold other files): ${t.files.join(', ')}`
        : 'File scope: none declared; keep your changes to the files the task names.',
    );
  if (t.depends_on.length) lines.push(`Already landed before you started: ${t.depends_on.join(', ')}.`);
  // A first counted attempt can follow one that was interrupted or stopped by a usage limit.
  if (p.attempt > 1 || p.previous) {
    lines.push(
      '',
      p.attempt > 1
        ? `This is attempt ${p.attempt}. The lane keeps the work of earlier attempts: look at \`git log\` and \`git status\` first.`
        : 'An earlier run of this task was cut short. The lane keeps its work: look at `git log` and `git status` first.',
    );
    if (p.previous) {
      const prev = p.previous.length > MAX_PREVIOUS ? `...${p.previous.slice(-MAX_PREVIOUS)}` : p.previous;
      lines.push('What happened last time:', quote(prev));
    }
  }
  if (!hooks) {
    lines.push(
      '',
      'Rules (other agents are working on other tasks of the same repository at the same time):',
      `- Edit files only inside this lane${t.files.length ? ' and only within the file scope above' : ''}. If the task cannot be done without another file, do not edit it: say so in your final message.`,
      `- Do not push, merge, rebase, reset or switch branches, and do not edit .lanes/config.json: \`lanes run\` queues your lane when you exit, and the merge queue's gates (the project's checks) decide whether it lands on ${p.target}.`,
      '',
      'Steps:',
      '1. Do the task.',
      `2. Run the project's tests if it has any, then commit everything in the lane: git add -A && git commit -m "${t.id}: <what>"`,
      '3. Stop.',
      '',
      'The task counts as done only when you exit with the work committed and nothing left uncommitted in the lane.',
    );
    return lines.join('\n');
  }
  lines.push(
    '',
    'Steps:',
    `1. start_session { topic: "${t.title.replace(/"/g, "'")}", type: "feature", task_id: "${t.id}" } (load the Lanes tools with ToolSearch first).`,
    '2. Do the task. Stay inside the file scope; claim_files before editing any other file, and leave a file alone if the claim is refused.',
    '3. Run the project\'s tests if it has any, then commit everything in the lane: git add -A && git commit -m "' + t.id + ': <what>"',
    '4. log_session { kind: "next_step" }, then end_session { status, summary }.',
    '5. Stop. Do not call queue_merge or process the merge queue: `lanes run` queues your lane and lands it when you exit.',
    '',
    'The task counts as done only when you exit with the work committed and nothing left uncommitted in the lane.',
  );
  // The agent acts through the tools: reasons quoted from errors name them.
  return speak(lines.join('\n'), 'tools');
}
