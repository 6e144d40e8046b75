/** The library page's views, as links (each view has its own URL). */
export function LibraryNav({ current }: { current: 'list' | 'people' }) {
  const link = (view: 'list' | 'people', href: string, label: string) => (
    <a href={href} class="library-nav__link" aria-current={current === view ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="library-nav" aria-label="Library views" data-testid="library-nav">
      {link('list', 'library.html', 'Articles')}
      {link('people', 'library.html?view=people', 'People')}
    </nav>
  );
}
