export interface NavItem {
  label: string;
  href: string;
  current?: boolean;
}

/** Horizontal menu of the main sections; the current one has aria-current="page". */
export function SiteNav({ items, label }: { items: readonly NavItem[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <nav class="app-nav" aria-label={label}>
      <ul class="app-nav__list">
        {items.map((item) => (
          <li class="app-nav__item">
            <a class="app-nav__link" href={item.href} aria-current={item.current ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
