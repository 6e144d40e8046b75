import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Article } from '@/lib/extract/article';
import { readTab } from '@/lib/read-tab';

type State =
  | { state: 'loading' }
  | { state: 'ready'; article: Article }
  | { state: 'empty' }
  | { state: 'error'; message: string };

async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const [view, setView] = useState<State>({ state: 'loading' });
  useEffect(() => {
    targetTabId()
      .then((id) => (id === undefined ? null : readTab(id)))
      .then((article) => setView(article ? { state: 'ready', article } : { state: 'empty' }))
      .catch((error: unknown) => setView({ state: 'error', message: String(error) }));
  }, []);
  return (
    <main data-testid="reader" data-state={view.state}>
      {view.state === 'ready' && <h1 data-testid="article-title">{view.article.title}</h1>}
      {view.state === 'empty' && <p>No article found on this page.</p>}
      {view.state === 'error' && <p role="alert">{view.message}</p>}
    </main>
  );
}
