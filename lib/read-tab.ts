import { browser } from 'wxt/browser';
import type { Article } from './extract/article';

/** Injects the extraction script into `tabId` and returns the article it extracted. */
export async function readTab(tabId: number): Promise<Article | null> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    files: ['/content-scripts/extract.js'],
  });
  return (injection?.result as Article | null | undefined) ?? null;
}
