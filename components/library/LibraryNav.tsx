/** The library page's views, as links (each view has its own URL). */
type NavView = 'list' | 'people' | 'highlights';

export function LibraryNav({ current }: { current: NavView }) {
  const link = (view: NavView, href: string, label: string) => (
    <a href={href} class="library-nav__link" aria-current={current === view ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="library-nav" aria-label="Library views" data-testid="library-nav">
      {link('list', 'library.html', 'Articles')}
      {link('people', 'library.html?view=people', 'People')}
      {link('highlights', 'library.html?view=highlights', 'Highlights')}
    </nav>
  );
}
