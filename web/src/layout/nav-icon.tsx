import type { JSX } from 'solid-js';

/** Line icons for the navigation, drawn for this app: one stroke style, currentColor, 24-unit grid. */
const PATHS = {
  queue: ['M4 6h16', 'M4 12h16', 'M4 18h9', 'M16 17.5l1.8 1.8L21 16'],
  runs: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M10 8.5v7l6-3.5z'],
  dashboard: ['M3 20h18', 'M6 20v-8', 'M12 20V5', 'M18 20v-5'],
  imports: ['M12 15V4', 'M7.5 8.5L12 4l4.5 4.5', 'M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4'],
  evals: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M8 12.5l2.7 2.7L16.5 9.5'],
  audit: ['M6 3h8l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z', 'M14 3v4h4', 'M8.5 12h7', 'M8.5 16h7'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof PATHS;

export function NavIcon(props: { name: IconName }): JSX.Element {
  return (
    <svg class="nav-link__icon" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      {PATHS[props.name].map((d) => (
        <path d={d} />
      ))}
    </svg>
  );
}
