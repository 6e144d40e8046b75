import type { RestrictedReason } from '@/lib/reader/restricted-url';
import { Icon, type IconName } from './Icon';

function StateCard(props: {
  icon: IconName;
  title: string;
  children: preact.ComponentChildren;
  actions?: preact.ComponentChildren;
  role?: 'alert' | 'status';
}) {
  return (
    <section class="state" role={props.role} aria-labelledby="state-title">
      <div class="state__icon">
        <Icon name={props.icon} size={28} />
      </div>
      <h1 id="state-title" class="state__title">
        {props.title}
      </h1>
      <div class="state__text">{props.children}</div>
      {props.actions && <div class="state__actions">{props.actions}</div>}
    </section>
  );
}

export function LoadingState() {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="visually-hidden">Reading this page…</span>
      <div class="skeleton skeleton--kicker" />
      <div class="skeleton skeleton--title" />
      <div class="skeleton skeleton--title skeleton--short" />
      <div class="skeleton skeleton--meta" />
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <div key={i} class="skeleton skeleton--line" />
      ))}
    </div>
  );
}

export function EmptyState(props: { reason?: string | null; onShowAnyway?: () => void }) {
  return (
    <StateCard
      icon="search"
      title="No article found on this page"
      actions={
        props.onShowAnyway && (
          <button type="button" class="button" data-testid="show-anyway" onClick={props.onShowAnyway}>
            Show anyway
          </button>
        )
      }
    >
      {props.reason ? (
        <p data-testid="empty-reason">Lede looks for a story’s main text: {sentence(props.reason)}</p>
      ) : (
        <p>
          Lede looks for a story’s main text. This page looks like a home page, a list or an app rather than
          an article.
        </p>
      )}
      {props.onShowAnyway && <p>You can still open the text Lede found most likely to be the content.</p>}
    </StateCard>
  );
}

const RESTRICTED: Record<RestrictedReason, { title: string; text: string }> = {
  'browser-page': {
    title: 'Lede can’t read browser pages',
    text: 'Pages such as settings, new tabs, other extensions and source views are protected by the browser: no extension may read them. Open a news article and try again.',
  },
  'web-store': {
    title: 'Lede can’t read the extension store',
    text: 'The browser protects its add-on store from all extensions, Lede included.',
  },
  pdf: {
    title: 'Lede can’t read PDF files',
    text: 'This tab shows a PDF in the browser’s own viewer, which extensions cannot read. Lede works on web pages.',
  },
  file: {
    title: 'Lede needs permission for local files',
    text: 'To read files opened from your computer, turn on "Allow access to file URLs" for Lede on the browser’s extensions page, then reload this tab.',
  },
  'no-access': {
    title: 'Lede can’t access this tab right now',
    text: 'Lede reads a page only when you ask it to, by clicking its toolbar button or pressing its shortcut on that page. Go back to the tab and invoke Lede there.',
  },
};

export function RestrictedState(props: { reason: RestrictedReason }) {
  const copy = RESTRICTED[props.reason];
  return (
    <StateCard icon="lock" title={copy.title}>
      <p>{copy.text}</p>
    </StateCard>
  );
}

export function ErrorState(props: { message: string; timedOut: boolean; onRetry: () => void }) {
  return (
    <StateCard
      icon="alert"
      role="alert"
      title={props.timedOut ? 'This page took too long to answer' : 'Lede couldn’t read this page'}
      actions={
        <button type="button" class="button" data-testid="retry" onClick={props.onRetry}>
          <Icon name="retry" size={18} />
          Try again
        </button>
      }
    >
      <p>
        {props.timedOut
          ? 'The page is busy or still loading. Wait a moment and try again.'
          : 'Something on the page stopped the extraction.'}
      </p>
      <p class="state__detail">{props.message}</p>
    </StateCard>
  );
}

/** "the page is empty" → "the page is empty." (reasons come lower-case, for use mid-sentence). */
function sentence(reason: string): string {
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}
