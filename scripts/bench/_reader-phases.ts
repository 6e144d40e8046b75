/**
 * Bundles the reader bench's in-page phases (_reader-tab-phases.ts) into one expression for
 * `page.evaluate`.
 */
import { build } from 'esbuild';

export type { TabPhases } from './_reader-tab-phases';

/** A function expression for the tab: `(plainFirst) => TabPhases`, the bundle inside. */
export async function tabPhasesScript(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "export { measurePhases } from './_reader-tab-phases';",
      resolveDir: new URL('.', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: '__ledePhases',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return `((plainFirst) => { ${out.outputFiles[0].text}; return __ledePhases.measurePhases(plainFirst); })`;
}
