// `npm run bench` (through vitest.bench.config.ts): the Demos screen in Chromium against a real sshd.
// A demo is launched from the UI; the page records the time from the click on Launch to the first log
// line on screen, and every frame's duration (requestAnimationFrame deltas) while 100,000 lines stream
// into the log view. The lines are appended to the demo's log file on the server while its deploy waits,
// so they travel the whole real path (tail -F over sshd, the demos service, IPC events, the log view)
// at a pace the deploy command's own output loop does not limit. It prints figures and never asserts
// (DESIGN.md: benchmarks are not tests).
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { test } from 'vitest';
import { startSshd } from '../../electron/sandbox/sshd/sshd-fixture';
import { createCoreServices } from '../../electron/services/core-services';
import { createDemoRepository } from '../../electron/services/demos/testing/demo-repository';
import { startSecretServiceSandbox } from '../../electron/services/secrets/secret-service-sandbox';
import { createConfSettingsStore } from '../../electron/services/settings/conf-settings-store';
import { createGitSandbox } from '../../electron/services/testing/git-sandbox';
import { startBridgeServer } from '../bridge/bridge-server';

const LINES = Number(process.env.BENCH_DEMO_LOG_LINES ?? 100_000);
const print = (line = '') => process.stdout.write(`${line}\n`);

/** What the page measured, read back once the last line is on screen. */
interface PageFigures {
  clickAt: number;
  firstLineAt: number | null;
  /** When the bench's lines began to show (past the deploy's few own lines). */
  bulkAt: number | null;
  lastLineAt: number | null;
  frames: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

test('demo log: frame times while 100,000 lines stream in, and click to first line', async () => {
  const keyring = await startSecretServiceSandbox({ keyring: true });
  const restoreBus = keyring.activate();
  const sandbox = createGitSandbox();
  const restoreEnv = sandbox.activate();
  const sshd = await startSshd();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const dataDir = join(sandbox.root, 'data');
  const bridge = await (async () => {
    const config = [
      'demos:',
      '  deployCommand: |',
      '    echo "deploy: waiting for the bench to stream its lines"',
      '    while [ ! -e bench-go ]; do sleep 0.1; done',
      '    echo "DEMO_URL=http://127.0.0.1:9/"',
      '    exec sleep 600',
      '',
    ].join('\n');
    const reposDir = join(sandbox.root, 'repos');
    mkdirSync(reposDir);
    const bare = createDemoRepository(reposDir, 'bench-app', { main: { '.release-desk.yml': config } });
    const core = createCoreServices({ dataDir, settings: createConfSettingsStore(dataDir) });
    await core.registry.addFromRemote(bare, { kind: 'github', host: 'github.com', owner: 'bench', repo: 'bench-app' });
    return startBridgeServer({
      dataDir,
      demos: { remoteBaseDir: join(sshd.dir, 'demos'), remoteScriptPath: join(sshd.dir, 'rd', 'feature-demo.sh') },
    });
  })();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(bridge.url);
    // The server is set up through the page's own API (Settings → Servers is what the e2e test clicks).
    await page.evaluate(
      async ({ host, port, user, privateKey }) => {
        const api = window.releaseDesk;
        if (!api) throw new Error('no bridge');
        const probe = await api.servers.probe({ host, port });
        if (!probe.ok) throw new Error(probe.error.message);
        const added = await api.servers.add({
          name: 'bench',
          host,
          port,
          user,
          auth: 'key',
          privateKey,
          trustedFingerprint: probe.value.fingerprint,
        });
        if (!added.ok) throw new Error(added.error.message);
      },
      { host: sshd.host, port: sshd.port, user: sshd.user, privateKey: sshd.userPrivateKey },
    );
    await page.goto(`${bridge.url}#demos`);
    await page.getByRole('heading', { name: 'No demos running' }).waitFor({ timeout: 30_000 });
    await page.getByRole('main').getByRole('button', { name: 'New demo' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New demo' });
    await dialog.getByLabel('Branch or pull request').selectOption({ label: 'main' });
    await dialog.getByLabel('Name', { exact: true }).fill('bench-log');

    // From the click on: when the first line shows, and every frame until the last line is in.
    await page.evaluate((lines) => {
      const figures: PageFigures = { clickAt: 0, firstLineAt: null, bulkAt: null, lastLineAt: null, frames: [] };
      (window as unknown as { figures: PageFigures }).figures = figures;
      document.addEventListener(
        'click',
        () => {
          figures.clickAt = performance.now();
          let previous = figures.clickAt;
          const frame = (at: number) => {
            figures.frames.push(at - previous);
            previous = at;
            const count = Number(document.querySelector('[data-line-count]')?.getAttribute('data-line-count') ?? 0);
            if (count > 0 && figures.firstLineAt === null) figures.firstLineAt = at;
            if (count > 10 && figures.bulkAt === null) figures.bulkAt = at;
            // The deploy's own lines come first; the bench's follow.
            if (count >= lines + 3) figures.lastLineAt = at;
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        },
        { capture: true, once: true },
      );
    }, LINES);
    await dialog.getByRole('button', { name: 'Launch' }).click();
    await page.waitForFunction(() => (window as unknown as { figures: PageFigures }).figures.firstLineAt !== null);
    // The deploy is waiting now: stream the lines into its log, 1,000 every 20 ms, then let it finish.
    const demoDir = join(sshd.dir, 'demos', 'bench-log');
    const log = join(demoDir, 'demo.log');
    while (!existsSync(join(demoDir, 'src'))) await new Promise((resolve) => setTimeout(resolve, 50));
    const chunk = 1000;
    for (let first = 1; first <= LINES; first += chunk) {
      const lines: string[] = [];
      for (let line = first; line < first + chunk && line <= LINES; line += 1) {
        lines.push(`bench line ${line} of ${LINES}: about as long as a line of a real deploy log`);
      }
      appendFileSync(log, `${lines.join('\n')}\n`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    writeFileSync(join(demoDir, 'src', 'bench-go'), '');
    try {
      await page.waitForFunction(
        () => (window as unknown as { figures: PageFigures }).figures.lastLineAt !== null,
        undefined,
        { timeout: 300_000, polling: 500 },
      );
    } catch (error) {
      const count = await page.locator('[data-line-count]').getAttribute('data-line-count');
      const panel = await page.locator('.demo-session').innerText();
      print(`The log stopped at ${count} of ${LINES} lines. The panel said: ${panel.slice(0, 400)}`);
      throw error;
    }
    const figures = await page.evaluate(() => (window as unknown as { figures: PageFigures }).figures);
    const firstLine = (figures.firstLineAt ?? Number.NaN) - figures.clickAt;
    // Frames while the bulk streams in: before it, the page only waits for the clone and the deploy.
    const streaming: number[] = [];
    let at = figures.clickAt;
    for (const frame of figures.frames) {
      at += frame;
      if (figures.bulkAt !== null && at > figures.bulkAt) streaming.push(frame);
    }
    const sorted = [...streaming].sort((a, b) => a - b);
    const streamSeconds = ((figures.lastLineAt ?? Number.NaN) - (figures.bulkAt ?? Number.NaN)) / 1000;

    print();
    print(`Demo log view in Chromium, ${LINES.toLocaleString('en')} lines from a real sshd (one launch)`);
    print(`  click on Launch → first log line on screen   ${firstLine.toFixed(0)} ms`);
    print(
      `  ${LINES.toLocaleString('en')} lines streamed onto the screen in       ${streamSeconds.toFixed(1)} s (${Math.round(LINES / streamSeconds).toLocaleString('en')} lines/s)`,
    );
    print(
      `  frame times while streaming (${sorted.length} frames)  p50 ${percentile(sorted, 50).toFixed(1)} ms · p95 ${percentile(sorted, 95).toFixed(1)} ms · max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`,
    );
    const rendered = await page.locator('.log-line').count();
    print(`  log rows in the DOM at the end               ${rendered}`);
    print(`  (machine: ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} while measuring)`);
    print();

    await page.evaluate(async () => {
      await window.releaseDesk?.demos.down({ server: 'bench', name: 'bench-log' });
    });
  } finally {
    await browser.close();
    await bridge.close();
    await sshd.stop();
    restoreEnv();
    sandbox.dispose();
    restoreBus();
    await keyring.dispose();
  }
});
