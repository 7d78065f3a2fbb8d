/** The sections of the app, in navigation order, and which paths belong to each. */
import type { IconName } from './nav-icon.tsx';

export interface Section {
  readonly path: string;
  readonly label: string;
  readonly icon: IconName;
  /** Further path prefixes that belong to the section (an exception's detail page to the queue). */
  readonly owns?: readonly string[];
}

export const SECTIONS: readonly Section[] = [
  { path: '/', label: 'Review queue', icon: 'queue', owns: ['/exceptions'] },
  { path: '/runs', label: 'Runs', icon: 'runs' },
  { path: '/dashboard', label: 'Dashboard', icon: 'dashboard' },
  { path: '/imports', label: 'Imports', icon: 'imports' },
  { path: '/evals', label: 'Evaluations', icon: 'evals' },
  { path: '/audit', label: 'Audit log', icon: 'audit' },
];

const under = (pathname: string, prefix: string): boolean => pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * How a nav item relates to the current path: `page` when it is that page,
 * `section` when the page is inside it (a run's detail under Runs), else none.
 */
export function sectionMatch(section: Section, pathname: string): 'page' | 'section' | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === section.path) return 'page';
  const prefixes = [...(section.path === '/' ? [] : [section.path]), ...(section.owns ?? [])];
  return prefixes.some((prefix) => under(path, prefix)) ? 'section' : undefined;
}
