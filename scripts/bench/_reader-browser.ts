/**
 * The reader bench's browser: Debian's Chromium (headless) with two unpacked extensions loaded side
 * by side, Lede's e2e build and the plain-Readability baseline, so both popups run in the same
 * browser with the same settings. Every host but the loopback fixture server fails at once (no
 * request interception, which would slow every request of both readers).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { findChrome } from '../../tests/e2e/support/extension';

export interface BenchBrowser {
  context: BrowserContext;
  /** Extension id by the directory it was loaded from. */
  idOf(dir: string): string;
  close(): Promise<void>;
}

/** Chromium's id of an unpacked extension: SHA-256 of its absolute path, first 32 hex digits as a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

export async function launchBenchBrowser(extensionDirs: string[]): Promise<BenchBrowser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium/Chrome found: install chromium or set CHROME_PATH');
  const dirs = extensionDirs.map((d) => realpathSync(d)).join(',');
  const userDataDir = mkdtempSync(join(tmpdir(), 'lede-bench-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    colorScheme: 'light',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The corpus pages name CDNs, ad servers and font hosts: none of them is reachable.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      `--disable-extensions-except=${dirs}`,
      `--load-extension=${dirs}`,
    ],
  });
  return {
    context,
    idOf: unpackedExtensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
