/** The sections of the app, in navigation order. */
export interface Section {
  readonly path: string;
  readonly label: string;
  readonly icon: string;
}

export const SECTIONS: readonly Section[] = [
  { path: '/', label: 'Review queue', icon: '☰' },
  { path: '/runs', label: 'Runs', icon: '▶' },
  { path: '/dashboard', label: 'Dashboard', icon: '◔' },
  { path: '/imports', label: 'Imports', icon: '⇪' },
  { path: '/evals', label: 'Evaluations', icon: '✓' },
  { path: '/audit', label: 'Audit log', icon: '§' },
];
