#!/usr/bin/env node
/**
 * `npm start`: builds Lede, serves the demo article (scripts/demo) on 127.0.0.1 and opens it in
 * Chromium/Chrome with the extension loaded, in a persistent profile of its own.
 *   CHROME_PATH=/path/to/chrome npm start     use that browser
 *   npm start -- --no-build                   reuse .output/chrome-mv3
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output/chrome-mv3');
const demoDir = join(root, 'scripts/demo');

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
];

function findBrowser() {
  if (process.env.CHROME_PATH && !existsSync(process.env.CHROME_PATH)) {
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
    process.exit(1);
  }
  return CANDIDATES.find((path) => path && existsSync(path));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.css': 'text/css',
};

/** Serves scripts/demo; 4173 when it is free, any free port otherwise. */
function serveDemo() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(demoDir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(demoDir) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found (this is the Lede demo server: only the demo article lives here)');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolvePort) => {
    server.once('error', () => server.listen(0, '127.0.0.1'));
    server.once('listening', () => resolvePort({ server, port: server.address().port }));
    server.listen(4173, '127.0.0.1');
  });
}

const browser = findBrowser();
if (!browser) {
  console.error(
    'No Chromium or Chrome found. Install Chromium (e.g. `apt install chromium`) or set CHROME_PATH to a Chrome/Chromium executable.',
  );
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  console.log('Building Lede…');
  execSync('npx wxt build', { cwd: root, stdio: 'inherit' });
}
if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.error(`No build in ${extensionDir}: run npm run build.`);
  process.exit(1);
}

const { server, port } = await serveDemo();
const demoUrl = `http://127.0.0.1:${port}/`;
// Persistent between runs, so pinning the Lede button and shortcut changes survive.
const profile = join(tmpdir(), 'lede-start-profile');
mkdirSync(profile, { recursive: true });

const args = [
  `--user-data-dir=${profile}`,
  `--load-extension=${extensionDir}`,
  `--disable-extensions-except=${extensionDir}`,
  // Google Chrome 137+ ignores --load-extension unless this feature is off (Chromium does not need it).
  '--disable-features=DisableLoadExtensionCommandLineSwitch',
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  demoUrl,
];

console.log(`
Demo article: ${demoUrl}
Browser:      ${browser}
Profile:      ${profile}

Click the Lede button in the toolbar (pin it from the puzzle-piece menu) or press Alt+Shift+R.
Alt+Shift+F opens the full-tab reader. Change shortcuts at chrome://extensions/shortcuts.
If the extension is missing (branded Chrome may refuse --load-extension), open chrome://extensions,
turn on Developer mode and "Load unpacked" ${extensionDir}
Close the browser or press Ctrl+C to stop.
`);

const child = spawn(browser, args, { stdio: 'ignore' });
const stop = () => {
  server.close();
  server.closeAllConnections?.();
};
child.on('error', (error) => {
  console.error(`Could not start ${browser}: ${error.message}`);
  stop();
  process.exit(1);
});
child.on('exit', (code) => {
  stop();
  if (code) {
    // The browser's own output is not shown (it is noisy); say at least why it most likely stopped.
    const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
    console.error(
      `${browser} exited with code ${code}.` +
        (noDisplay
          ? ' No display was found (DISPLAY and WAYLAND_DISPLAY are unset): npm start needs a desktop session.'
          : ''),
    );
  }
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child.kill();
    stop();
  });
}
