import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * `npm start` (scripts/start.mjs) on the production build (npm run test:e2e builds it): what a new
 * user sees when the browser is missing or stops at once. `--no-build` reuses that build.
 */
const dir = mkdtempSync(join(tmpdir(), 'lede-start-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string | undefined>) {
  const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...rest } = process.env;
  return spawnSync(process.execPath, ['scripts/start.mjs', '--no-build'], {
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm start', () => {
  test('says so when CHROME_PATH names no file', () => {
    const run = start({ CHROME_PATH: join(dir, 'no-such-browser') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `CHROME_PATH is set to ${join(dir, 'no-such-browser')}, which does not exist.`,
    );
  });

  test('says why when the browser exits at once with an error, as it does without a display', () => {
    const browser = join(dir, 'failing-browser');
    writeFileSync(browser, '#!/bin/sh\nexit 3\n');
    chmodSync(browser, 0o755);
    const run = start({ CHROME_PATH: browser });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`${browser} exited with code 3.`);
    if (process.platform === 'linux') expect(run.stderr).toContain('No display was found');
  });
});
