import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { For } from 'solid-js';
import { HealthStatus } from './health-status.tsx';
import { SECTIONS } from './navigation.ts';

function isActive(path: string, current: string): boolean {
  return path === '/' ? current === '/' || current.startsWith('/exceptions') : current === path || current.startsWith(`${path}/`);
}

/** Header, sidebar navigation and the page area every route renders into. */
export function AppLayout(props: RouteSectionProps) {
  const location = useLocation();
  return (
    <div class="shell">
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="topbar">
        <A href="/" class="brand" aria-label="Recon home">
          <span class="brand__mark" aria-hidden="true">≋</span> Recon
        </A>
        <HealthStatus />
      </header>
      <nav class="sidebar" aria-label="Main">
        <ul>
          <For each={SECTIONS}>
            {(section) => (
              <li>
                <A
                  href={section.path}
                  class="nav-link"
                  classList={{ 'nav-link--active': isActive(section.path, location.pathname) }}
                  aria-current={isActive(section.path, location.pathname) ? 'page' : undefined}
                  end={section.path === '/'}
                >
                  <span class="nav-link__icon" aria-hidden="true">{section.icon}</span>
                  {section.label}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <main id="main" class="content" tabindex="-1">
        {props.children}
      </main>
    </div>
  );
}
