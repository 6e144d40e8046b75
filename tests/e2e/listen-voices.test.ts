import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopupFor, serveDemo, settledState } from './support/reader';

/**
 * Listen with a real speech engine: Chromium on Linux speaks through speech-dispatcher when started
 * with --enable-speech-dispatcher (Debian: `apt-get install speech-dispatcher espeak-ng`). The test
 * starts its own speech-dispatcher (own socket, own config: the system's, with audio to ALSA's `null`
 * device), so it needs no sound card and never reuses a dispatcher started elsewhere with another
 * output (one that cannot open its audio never reports the end of an utterance).
 * Skipped, with the reason, where there is no dispatcher or Chromium lists no voice.
 */

const DISPATCHER = '/usr/bin/speech-dispatcher';
const SYSTEM_CONF_DIR = '/etc/speech-dispatcher';

let server: FixtureServer;
let ext: LoadedExtension | undefined;
let demoUrl: string;
let skipReason: string | null = null;
let spdHome: string | undefined;
let dispatcher: ChildProcess | undefined;
const savedAddress = process.env.SPEECHD_ADDRESS;

/** Starts a speech-dispatcher of our own and returns its socket, once it is listening. */
async function ownDispatcher(home: string): Promise<string> {
  const conf = join(home, 'conf');
  cpSync(SYSTEM_CONF_DIR, conf, { recursive: true });
  appendFileSync(join(conf, 'speechd.conf'), '\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\n');
  const socket = join(home, 'speechd.sock');
  dispatcher = spawn(
    DISPATCHER,
    ['-s', '-c', 'unix_socket', '-S', socket, '-C', conf, '-t', '0', '-L', home, '-P', join(home, 'pid')],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 100));
  return socket;
}

/** Stops our dispatcher and waits for it (SIGKILL after 3 s). */
async function stopDispatcher(): Promise<void> {
  const child = dispatcher;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

beforeAll(async () => {
  if (!existsSync(DISPATCHER) || !existsSync(SYSTEM_CONF_DIR)) {
    skipReason = 'no speech-dispatcher on this machine (Debian: apt-get install speech-dispatcher espeak-ng)';
    return;
  }
  spdHome = mkdtempSync(join(tmpdir(), 'lede-spd-'));
  // Read by Chromium's libspeechd (the browser inherits this process's environment).
  process.env.SPEECHD_ADDRESS = `unix_socket:${await ownDispatcher(spdHome)}`;
  server = await startFixtureServer();
  demoUrl = serveDemo(server);
  ext = await launchExtension(undefined, { args: ['--enable-speech-dispatcher'] });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (savedAddress === undefined) delete process.env.SPEECHD_ADDRESS;
  else process.env.SPEECHD_ADDRESS = savedAddress;
  await stopDispatcher();
  if (spdHome) rmSync(spdHome, { recursive: true, force: true });
});

test('a real engine reads the demo article in the popup, and the mark follows it', async (ctx) => {
  if (skipReason || !ext) return ctx.skip(skipReason ?? 'no browser');
  const { article, popup } = await openPopupFor(ext, demoUrl);
  expect(await settledState(popup)).toBe('ready');
  // Chromium lists speech-dispatcher's voices a few seconds after the first call.
  const voices = await popup.evaluate(async () => {
    for (let i = 0; i < 60 && !speechSynthesis.getVoices().length; i++)
      await new Promise((r) => setTimeout(r, 250));
    return speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('en')).length;
  });
  if (!voices) {
    await Promise.all([article.close(), popup.close()]);
    return ctx.skip('Chromium lists no English voice (speech-dispatcher found no synthesizer)');
  }
  const listen = popup.getByTestId('listen');
  await listen.click();
  await expect.poll(() => listen.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
  const mark = popup.locator('[data-tts-current]').first();
  await mark.waitFor({ timeout: 10_000 });
  expect(await mark.textContent()).toMatch(/^BERGEN/);
  // Real `end` events move the mark on (audio goes to a null device: faster than real time).
  await expect
    .poll(() => mark.textContent(), { timeout: 30_000 })
    .toMatch(/^The Fjordside Public Library|^The ferry|^Volunteers/);
  expect(await popup.getByTestId('listen-voice').inputValue()).toMatch(/./);
  await popup.getByTestId('listen-play').click();
  await expect.poll(() => listen.getAttribute('aria-pressed')).toBe('false');
  await Promise.all([article.close(), popup.close()]);
});

test('continue in tab with a real engine: the tab speaks on at the sentence, or asks for one press', async (ctx) => {
  if (skipReason || !ext) return ctx.skip(skipReason ?? 'no browser');
  const loaded = ext;
  const { article, popup } = await openPopupFor(loaded, demoUrl);
  expect(await settledState(popup)).toBe('ready');
  await popup.getByTestId('listen').click();
  await expect
    .poll(() => popup.getByTestId('listen').getAttribute('aria-pressed'), { timeout: 15_000 })
    .toBe('true');
  await popup.getByTestId('listen-next').click();
  await popup.locator('[data-tts-current]').first().waitFor();
  const [tab] = await Promise.all([
    loaded.context.waitForEvent('page', (p) => p.url().includes('reader.html')),
    popup.getByTestId('listen-continue').click(),
  ]);
  expect(await settledState(tab)).toBe('ready');
  const mark = tab.locator('[data-tts-current]').first();
  await mark.waitFor({ timeout: 15_000 });
  // Chromium may refuse speech in a tab nobody clicked ("not-allowed"): then the tab says so and
  // one press goes on from the same sentence.
  const outcome = await tab.evaluate(
    () =>
      document.querySelector('[data-testid="listen"]')?.getAttribute('aria-pressed') === 'true' ||
      document.querySelector('[data-testid="listen-status"]')?.textContent,
  );
  console.info(`continue in tab with a real engine: ${outcome === true ? 'speaks on' : `asks: ${outcome}`}`);
  if (outcome !== true) {
    expect(outcome).toMatch(/press Listen/);
    await tab.getByTestId('listen').click();
    await expect.poll(() => tab.getByTestId('listen').getAttribute('aria-pressed')).toBe('true');
  }
  await Promise.all([article.close(), popup.close(), tab.close()]);
});
