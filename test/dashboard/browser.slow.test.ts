/**
 * The page in a real browser: Debian's Chromium driven by playwright-core (which never downloads
 * a browser of its own). It never skips: without /usr/bin/chromium it fails, saying how to install
 * it (.ci/run installs it in CI; `npm run test:fast` leaves this test out).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateTask } from '../../src/core/plan/tasks.js';
import { NEEDS_FIX_COLOR, STATUS_COLORS } from '../../src/dashboard/page.js';
import { startDashboard, type Dashboard } from '../../src/dashboard/server.js';
import { tempDir } from '../helpers/repo.js';
import { clock, LONG_PATH, needsFixRepo, pausedUntil, workingRepo, writePausedRun, type Fixture } from './fixture.js';
import { close, decodePng, dominant, hexRgb } from './png.js';

const CHROMIUM = '/usr/bin/chromium';

const VIEW = { width: 1280, height: 900 };

describe('dashboard in headless Chromium', () => {
  let repo: Fixture;
  let d: Dashboard;
  let browser: BrowserContext;
  let page: Page;
  let shots: string;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is not installed: apt-get install -y chromium (or run \`npm run test:fast\`, which leaves the browser test out)`,
      );
    repo = await workingRepo();
    shots = tempDir('lanes-dashboard-shots-');
    d = await startDashboard(repo.lanes, { pollMs: 1000, debounceMs: 50 });
    // A fresh, empty profile directory each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(path.join(shots, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: VIEW,
      deviceScaleFactor: 1,
      // Without the background-networking flags Chromium keeps trying Google's hosts, which this
      // machine's closed network refuses (see the env notes).
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await d?.close();
    repo?.cleanup();
    // LANES_KEEP_SCREENSHOTS=1 keeps them to look at; the profile always goes.
    if (shots) fs.rmSync(process.env.LANES_KEEP_SCREENSHOTS ? path.join(shots, 'profile') : shots, { recursive: true, force: true });
  });

  it('draws one node per task, coloured by its state, with dependency and conflict edges', async () => {
    await page.goto(d.url);
    await page.waitForSelector('svg#graph g.node', { timeout: 15_000 });
    const nodes = await page.$$eval('svg#graph g.node', (els) =>
      els.map((g) => ({
        id: g.getAttribute('data-task'),
        status: g.getAttribute('data-status'),
        fill: g.querySelector('rect')?.getAttribute('fill'),
        label: g.querySelector('text')?.textContent,
      })),
    );
    expect(nodes.map((n) => n.id).sort()).toEqual(['api', 'auth', 'config', 'docs', 'schema', 'ui']);
    const want: Record<string, keyof typeof STATUS_COLORS> = {
      schema: 'done',
      config: 'in_progress',
      api: 'in_progress',
      ui: 'blocked',
      auth: 'planned',
      docs: 'planned',
    };
    for (const n of nodes) {
      expect(n.status, n.id!).toBe(want[n.id!]);
      expect(n.fill, n.id!).toBe(STATUS_COLORS[want[n.id!]!]);
      expect(n.label).toBe(n.id);
    }
    expect(await page.locator('svg#graph path.edge.dep').count()).toBe(5);
    const dashed = page.locator('svg#graph path.edge.conflict');
    expect(await dashed.count()).toBe(1);
    expect(await dashed.getAttribute('stroke-dasharray')).toBeTruthy();
    // The other panels are filled from the same push.
    await expect.poll(() => page.locator('#lanes tr[data-lane]').count()).toBe(2);
    expect(await page.locator('#queue tr[data-entry="api"]').count()).toBe(1);
    expect(await page.locator('#claims').textContent()).toContain('session:abc');
    expect(await page.locator('#events li').count()).toBeGreaterThan(3);
    expect(await page.locator('#conn').textContent()).toBe('live');
  });

  it('updates live when a task changes state (server-sent events)', async () => {
    const before = Number(await page.getAttribute('body', 'data-updates'));
    await updateTask(repo.lanes.store, { id: 'auth', status: 'in_progress', owner: 'agent-auth' });
    const node = page.locator('svg#graph g.node[data-task="auth"]');
    await expect.poll(() => node.getAttribute('data-status'), { timeout: 10_000 }).toBe('in_progress');
    expect(await node.locator('rect').getAttribute('fill')).toBe(STATUS_COLORS.in_progress);
    expect(Number(await page.getAttribute('body', 'data-updates'))).toBeGreaterThan(before);
    await updateTask(repo.lanes.store, { id: 'ui', status: 'failed', note: 'gave up' });
    await expect
      .poll(() => page.locator('svg#graph g.node[data-task="ui"]').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('failed');
    expect(await page.locator('#progress [data-count="failed"]').textContent()).toContain('1 failed');
  });

  it('renders a screenshot of the expected size with the nodes in their colours', async () => {
    const file = path.join(shots, 'dashboard.png');
    await page.screenshot({ path: file });
    const img = decodePng(fs.readFileSync(file));
    expect([img.width, img.height]).toEqual([VIEW.width, VIEW.height]);
    // Not blank: a real page has many colours.
    const seen = new Set<number>();
    for (let y = 0; y < img.height; y += 7)
      for (let x = 0; x < img.width; x += 7) {
        const [r, g, b] = img.pixel(x, y);
        seen.add((r << 16) | (g << 8) | b);
      }
    expect(seen.size).toBeGreaterThan(20);
    const colourAt = async (task: string) => {
      const box = (await page.locator(`svg#graph g.node[data-task="${task}"] rect`).boundingBox())!;
      return dominant(img, box.x + 4, box.y + 4, box.width - 8, box.height - 8);
    };
    expect(close(await colourAt('schema'), hexRgb(STATUS_COLORS.done))).toBe(true);
    expect(close(await colourAt('auth'), hexRgb(STATUS_COLORS.in_progress))).toBe(true);
    expect(close(await colourAt('ui'), hexRgb(STATUS_COLORS.failed))).toBe(true);
    expect(close(await colourAt('docs'), hexRgb(STATUS_COLORS.planned))).toBe(true);
    await page.screenshot({ path: path.join(shots, 'dashboard-full.png'), fullPage: true });
    if (process.env.LANES_KEEP_SCREENSHOTS) process.stderr.write(`dashboard screenshots kept: ${file} (and dashboard-full.png)\n`);
    expect(errors).toEqual([]);
  });

  it("shows a run paused on a usage limit as a banner, with the run's estimated cost, live", async () => {
    expect(await page.locator('#run-paused').count()).toBe(0);
    const until = pausedUntil();
    await writePausedRun(repo.lanes, until);
    const banner = page.locator('#run-paused');
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1);
    expect(await banner.textContent()).toBe(`paused: usage limit, resumes ${clock(until)} (task api hit it)`);
    expect(await page.locator('#run-cost').textContent()).toBe('Estimated cost: 1.2M in · 100k out · ~$4.70');
    expect(
      await banner.evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor,
      ),
    ).toBe('rgb(254, 243, 199)');
    expect(errors).toEqual([]);
  });

  it('shows lanes that need a fix first, in their own colour with the reason, and the lanes table fits a 1400 px window', async () => {
    const fix = await needsFixRepo();
    const d2 = await startDashboard(fix.lanes, { pollMs: 1000, debounceMs: 50 });
    const p = await browser.newPage();
    p.on('pageerror', (e) => errors.push(String(e)));
    try {
      await p.setViewportSize({ width: 1400, height: 900 });
      await p.goto(d2.url);
      await p.waitForSelector('#lanes tr[data-lane]', { timeout: 15_000 });
      const rows = await p.$$eval('#lanes tbody tr', (els) =>
        els.map((tr) => ({ lane: tr.getAttribute('data-lane'), fix: tr.getAttribute('data-needs-fix'), text: tr.textContent })),
      );
      expect(rows.slice(0, 3).map((r) => [r.lane, r.fix])).toEqual([
        ['clash', 'conflict'],
        ['late', 'conflict'],
        ['red', 'gate'],
      ]);
      expect(rows.slice(3).every((r) => r.fix === null)).toBe(true);
      expect(rows[0]!.text).toContain(`needs fix` + `conflicts with main in src/a.ts, ${LONG_PATH}`);
      expect(rows[2]!.text).toContain('gate test failed, 55 failing');
      const pillColour = await p.$eval(
        '#lanes tr[data-lane="red"] .pill.needs-fix',
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor,
      );
      const [r, g, b] = hexRgb(NEEDS_FIX_COLOR);
      expect(pillColour).toBe(`rgb(${r}, ${g}, ${b})`);
      // The graph marks them too.
      expect(await p.locator('svg#graph g.node.needs-fix').count()).toBe(3);
      // Nothing overflows: the lanes table is no wider than its card at 1400 px.
      const fit = await p.$eval('#lanes', (box) => ({
        table: box.querySelector('table')!.scrollWidth,
        box: box.clientWidth,
        page: box.ownerDocument.documentElement.scrollWidth,
      }));
      expect(fit.table).toBeLessThanOrEqual(fit.box);
      expect(fit.page).toBeLessThanOrEqual(1400);
      const shot = path.join(shots, 'dashboard-needs-fix.png');
      await p.screenshot({ path: shot, fullPage: true });
      if (process.env.LANES_KEEP_SCREENSHOTS) process.stderr.write(`dashboard screenshot kept: ${shot}\n`);
      expect(errors).toEqual([]);
    } finally {
      await p.close();
      await d2.close();
      fix.cleanup();
    }
  }, 120_000);
});
