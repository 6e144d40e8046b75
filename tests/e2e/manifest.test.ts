import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Permissions as a tested contract: what the built extensions ask for (npm run test:e2e builds them). */

function manifest(
  dir: string,
): Record<string, unknown> & { permissions?: string[]; host_permissions?: string[] } {
  const path = resolve(dir, 'manifest.json');
  if (!existsSync(path))
    throw new Error(`${path} missing: run npm run build / build:e2e / build:firefox first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** What the extension pages may load and do (wxt.config.ts): the default MV3 policy, tightened. */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

describe('the production manifest', () => {
  const prod = manifest('.output/chrome-mv3');

  test('asks for activeTab, scripting and storage only, and no host at all', () => {
    // unlimitedStorage: the offline library must not be evicted.
    expect([...(prod.permissions ?? [])].sort()).toEqual([
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
    expect(prod.host_permissions).toBeUndefined();
    // Optional only: asked for at the moment an article's images are saved, and given back after
    // (lib/library/request-image-access.ts). http(s) only: `<all_urls>` would cover file: too.
    expect(prod.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(prod.optional_permissions).toBeUndefined();
  });

  test('declares no content script and no web-accessible resource: extraction is injected on demand', () => {
    expect((prod.content_scripts as unknown[] | undefined) ?? []).toEqual([]);
    expect(prod.web_accessible_resources).toBeUndefined();
    // An unlisted script, not a WXT content script (whose context posts a message to the page).
    expect(existsSync(resolve('.output/chrome-mv3/extract.js'))).toBe(true);
    expect(existsSync(resolve('.output/chrome-mv3/content-scripts'))).toBe(false);
  });

  test('sets a strict CSP for its pages: own scripts only, no plugins, no <base>, no form targets', () => {
    expect(prod.content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
  });

  test('has the two shortcuts: the popup on Alt+Shift+R and the full-tab reader', () => {
    const commands = prod.commands as Record<string, { suggested_key?: { default?: string } }>;
    expect(commands._execute_action?.suggested_key?.default).toBe('Alt+Shift+R');
    expect(commands['open-reader']?.suggested_key?.default).toBe('Alt+Shift+F');
  });

  test('the e2e build differs only by loopback host permissions', () => {
    const { host_permissions, ...e2e } = manifest('.output/chrome-mv3-e2e');
    expect(host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(e2e).toEqual(prod);
  });
});

describe('the Firefox build', () => {
  test('asks for the same permissions as Chrome, no host, no content script', () => {
    const firefox = manifest('.output/firefox-mv3');
    const chrome = manifest('.output/chrome-mv3');
    expect([...(firefox.permissions ?? [])].sort()).toEqual([
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
    expect(firefox.host_permissions).toBeUndefined();
    expect(firefox.optional_host_permissions).toEqual(chrome.optional_host_permissions);
    expect((firefox.content_scripts as unknown[] | undefined) ?? []).toEqual([]);
    expect(firefox.content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
  });

  test('has no web-accessible resource; the Firefox e2e build adds loopback hosts and its test route only', () => {
    const firefox = manifest('.output/firefox-mv3');
    expect(firefox.web_accessible_resources).toBeUndefined();
    // The route tests/e2e/firefox-smoke.test.ts takes into the extension (tests/e2e/support/firefox.ts).
    const { host_permissions, web_accessible_resources, ...e2e } = manifest('.output/firefox-mv3-e2e');
    expect(host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(web_accessible_resources).toEqual([
      {
        resources: ['popup.html', 'reader.html', 'library.html'],
        matches: ['http://127.0.0.1/*', 'http://localhost/*'],
      },
    ]);
    expect(e2e).toEqual(firefox);
  });

  test('passes web-ext lint with 0 errors', () => {
    const dir = resolve('.output/firefox-mv3');
    manifest(dir);
    let out: string;
    try {
      out = execFileSync(
        resolve('node_modules/.bin/web-ext'),
        ['lint', '--source-dir', dir, '--output', 'json'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
    } catch (error) {
      // web-ext exits non-zero when there are errors; the report is still on stdout.
      out = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as { errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
  }, 60_000);
});
