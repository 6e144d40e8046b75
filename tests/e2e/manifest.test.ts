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
    // Optional only: asked for at the moment an article's images are saved (lib/library/save-article.ts).
    expect(prod.optional_host_permissions ?? []).toEqual(['<all_urls>']);
  });

  test('declares no content script and no web-accessible resource: extraction is injected on demand', () => {
    expect((prod.content_scripts as unknown[] | undefined) ?? []).toEqual([]);
    expect(prod.web_accessible_resources).toBeUndefined();
    expect(existsSync(resolve('.output/chrome-mv3/content-scripts/extract.js'))).toBe(true);
  });

  test('keeps the default MV3 content security policy', () => {
    expect(prod.content_security_policy).toBeUndefined();
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
    expect(firefox.content_security_policy).toBeUndefined();
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
