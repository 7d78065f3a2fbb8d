import { useLocation, type RouteSectionProps } from '@solidjs/router';
import { For } from 'solid-js';
import { SessionBadge } from '../auth/session-badge.tsx';
import { HealthStatus } from './health-status.tsx';
import { NavIcon } from './nav-icon.tsx';
import { SECTIONS, sectionMatch } from './navigation.ts';

/** Header, sidebar navigation and the page area every route renders into. */
export function AppLayout(props: RouteSectionProps) {
  const location = useLocation();
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        {/* Plain anchors: the router intercepts same-origin clicks, and unlike <A> lets us set aria-current ourselves. */}
        <a href="/" class="brand">
          <span class="brand__mark" aria-hidden="true">
            R
          </span>
          <span class="brand__name">Recon</span>
        </a>
        <SessionBadge />
        <HealthStatus />
      </header>
      <nav class="sidebar" aria-label="Main">
        <ul>
          <For each={SECTIONS}>
            {(section) => {
              const match = () => sectionMatch(section, location.pathname);
              return (
                <li>
                  <a
                    href={section.path}
                    class="nav-link"
                    classList={{ 'nav-link--active': match() !== undefined }}
                    // `page` on the section's own page, `true` on a page inside it.
                    aria-current={match() === 'page' ? 'page' : match() === 'section' ? 'true' : undefined}
                  >
                    <NavIcon name={section.icon} />
                    <span>{section.label}</span>
                  </a>
                </li>
              );
            }}
          </For>
        </ul>
      </nav>
      <main id="main" class="content" tabindex="-1">
        {props.children}
      </main>
    </div>
  );
}
