/**
 * The dependency graph as drawable geometry: one column per wave (left to right), one node per
 * task, ordered within a column to keep edges short (barycentre sweeps, as in Sugiyama-style
 * layered drawing), dependency edges as curves from a task's dependency to the task, and
 * conflicting pairs (never run together) as separate edges the page draws dashed. Computed on the
 * server so the page only draws, and so the geometry can be tested without a browser.
 */
import type { PlanSummary } from '../core/status/plan.js';
import type { StatusReport } from '../core/status/status.js';
import type { TaskStatus } from '../core/plan/tasks.js';

export interface GraphNode {
  id: string;
  label: string;
  title: string;
  status: TaskStatus;
  wave: number;
  x: number;
  y: number;
  w: number;
  h: number;
  owner?: string;
  /** The owner's machine, when it is another one. */
  machine?: string;
  /** The task's merge-queue entry state, while it has an active one. */
  merge?: string;
  /** Lane state, when the task has a lane. */
  lane?: string;
  /** The task's state in the current `lanes run` (running, retry, queued...), while it runs. */
  run?: string;
  attempts?: number;
  /** Why the merge queue sent its lane back, while it needs a fix. */
  fix?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'dep' | 'conflict';
  /** SVG path data. */
  d: string;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** x of each wave's column, for labels. */
  columns: Array<{ wave: number; x: number }>;
}

export const NODE_W = 150;
export const NODE_H = 36;
const GAP_X = 70;
const GAP_Y = 14;
const PAD = 24;
const TOP = 28; // room for the wave labels
const MAX_LABEL = 19;

export function layoutGraph(s: Pick<StatusReport, 'plan' | 'lanes' | 'merge' | 'run'>): GraphLayout {
  const plan: PlanSummary | null = s.plan;
  if (!plan || plan.waves.length === 0) return { width: 0, height: 0, nodes: [], edges: [], columns: [] };
  const cols = plan.waves.map((w) => w.tasks.map((t) => t.id));
  const tasks = new Map(plan.waves.flatMap((w) => w.tasks).map((t) => [t.id, t]));
  const dependents = new Map<string, string[]>();
  for (const t of tasks.values()) for (const d of t.depends_on) (dependents.get(d) ?? dependents.set(d, []).get(d)!).push(t.id);
  order(
    cols,
    (id) => tasks.get(id)?.depends_on ?? [],
    (id) => dependents.get(id) ?? [],
  );

  const tallest = Math.max(...cols.map((c) => c.length));
  const colHeight = (n: number) => n * NODE_H + Math.max(0, n - 1) * GAP_Y;
  const height = TOP + PAD * 2 + colHeight(tallest);
  const width = PAD * 2 + cols.length * NODE_W + (cols.length - 1) * GAP_X;
  const merging = new Map(s.merge.queue.map((e) => [e.task, e.state]));
  const runOf = new Map(s.run?.state === 'running' ? s.run.items.map((i) => [i.task, i]) : []);
  const laneOf = new Map(s.lanes.filter((l) => l.task_id).map((l) => [l.task_id!, l.state ?? 'lane']));
  const fixOf = new Map(s.lanes.filter((l) => l.task_id && l.needs_fix).map((l) => [l.task_id!, l.needs_fix!.reason]));
  const nodes: GraphNode[] = [];
  const pos = new Map<string, GraphNode>();
  cols.forEach((ids, ci) => {
    const x = PAD + ci * (NODE_W + GAP_X);
    const y0 = TOP + PAD + (colHeight(tallest) - colHeight(ids.length)) / 2;
    ids.forEach((id, ri) => {
      const t = tasks.get(id)!;
      const n: GraphNode = {
        id,
        label: id.length > MAX_LABEL ? `${id.slice(0, MAX_LABEL - 1)}…` : id,
        title: t.title,
        status: t.status,
        wave: ci + 1,
        x,
        y: y0 + ri * (NODE_H + GAP_Y),
        w: NODE_W,
        h: NODE_H,
      };
      if (t.owner) n.owner = t.owner;
      if (t.machine) n.machine = t.machine;
      const m = merging.get(id);
      if (m) n.merge = m;
      const l = laneOf.get(id);
      if (l) n.lane = l;
      const fix = fixOf.get(id);
      if (fix) n.fix = fix;
      const rt = runOf.get(id);
      if (rt && rt.state !== 'pending') {
        n.run = rt.state;
        n.attempts = rt.attempts;
      }
      nodes.push(n);
      pos.set(id, n);
    });
  });

  const byCol = cols.map((ids) => ids.map((id) => pos.get(id)!));
  const edges: GraphEdge[] = [];
  for (const n of nodes) {
    for (const d of tasks.get(n.id)!.depends_on) {
      const a = pos.get(d);
      if (a) edges.push({ from: d, to: n.id, kind: 'dep', d: route(a, n, byCol) });
    }
  }
  for (const c of plan.conflicts) {
    const a = pos.get(c.a);
    const b = pos.get(c.b);
    if (!a || !b) continue;
    edges.push({
      from: c.a,
      to: c.b,
      kind: 'conflict',
      d: a.wave === b.wave ? sameColumn(a, b) : route(a.wave < b.wave ? a : b, a.wave < b.wave ? b : a, byCol),
    });
  }
  return { width, height, nodes, edges, columns: cols.map((_, ci) => ({ wave: ci + 1, x: PAD + ci * (NODE_W + GAP_X) })) };
}

/**
 * Reorders each column by the mean position of its neighbours in the columns already placed:
 * a few sweeps down (by dependencies) and up (by dependents). Ties keep the plan's order.
 */
function order(cols: string[][], deps: (id: string) => string[], dependents: (id: string) => string[]): void {
  const rank = new Map<string, number>();
  const place = () => cols.forEach((c) => c.forEach((id, i) => rank.set(id, (i + 0.5) / c.length)));
  place();
  const sortBy = (c: string[], near: (id: string) => string[]) => {
    const key = new Map(
      c.map((id, i) => {
        const ns = near(id).filter((n) => rank.has(n));
        return [id, ns.length ? ns.reduce((s, n) => s + rank.get(n)!, 0) / ns.length : (i + 0.5) / c.length] as const;
      }),
    );
    const idx = new Map(c.map((id, i) => [id, i]));
    c.sort((a, b) => key.get(a)! - key.get(b)! || idx.get(a)! - idx.get(b)!);
    c.forEach((id, i) => rank.set(id, (i + 0.5) / c.length));
  };
  for (let sweep = 0; sweep < 3; sweep++) {
    for (let i = 1; i < cols.length; i++) sortBy(cols[i]!, deps);
    for (let i = cols.length - 2; i >= 0; i--) sortBy(cols[i]!, dependents);
  }
  place();
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const dx = Math.max(12, (x2 - x1) / 2);
  return `C${r(x1 + dx)},${r(y1)} ${r(x2 - dx)},${r(y2)} ${r(x2)},${r(y2)}`;
}

/**
 * From the right side of `a` to the left side of `b` (a column further right). An edge that skips
 * columns would cut through their nodes, so it crosses each column in between through the gap
 * (between two nodes, or above or below them) nearest to the straight line.
 */
function route(a: GraphNode, b: GraphNode, byCol: GraphNode[][]): string {
  const x1 = a.x + a.w;
  const y1 = a.y + a.h / 2;
  const x2 = b.x;
  const y2 = b.y + b.h / 2;
  let d = `M${r(x1)},${r(y1)} `;
  let [px, py] = [x1, y1];
  for (let c = a.wave; c < b.wave - 1; c++) {
    const col = byCol[c]!;
    const cx = col[0]!.x;
    const want = y1 + ((y2 - y1) * (cx + NODE_W / 2 - x1)) / (x2 - x1);
    const gaps = [col[0]!.y - GAP_Y / 2, ...col.map((n) => n.y + n.h + GAP_Y / 2)];
    const y = gaps.reduce((best, g) => (Math.abs(g - want) < Math.abs(best - want) ? g : best), gaps[0]!);
    d += `${curve(px, py, cx, y)} L${r(cx + NODE_W)},${r(y)} `;
    [px, py] = [cx + NODE_W, y];
  }
  return d + curve(px, py, x2, y2);
}

/** Two nodes of one column: an arc bulging out to the right. */
function sameColumn(a: GraphNode, b: GraphNode): string {
  const x = a.x + a.w;
  const bulge = Math.min(GAP_X - 10, 20 + Math.abs(a.y - b.y) / 4);
  return `M${r(x)},${r(a.y + a.h / 2)} C${r(x + bulge)},${r(a.y + a.h / 2)} ${r(x + bulge)},${r(b.y + b.h / 2)} ${r(x)},${r(b.y + b.h / 2)}`;
}
