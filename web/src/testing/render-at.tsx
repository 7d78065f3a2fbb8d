/**
 * Component tests' router: the component under test as the page at a given
 * URL in a memory history, plus a second route that records where a
 * navigation went. For web/**\/*.test.tsx only.
 */
import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { render } from '@solidjs/testing-library';
import type { JSX } from 'solid-js';

export function renderAt(location: string, page: () => JSX.Element, options: { path?: string; wrap?: (children: () => JSX.Element) => JSX.Element } = {}) {
  const history = createMemoryHistory();
  history.set({ value: location, scroll: false, replace: true });
  // The router is built inside the wrapper (a context provider) so it and the page see its context.
  const wrap = options.wrap ?? ((c: () => JSX.Element) => c());
  const result = render(() =>
    wrap(() => (
      <MemoryRouter history={history}>
        <Route path={options.path ?? '/'} component={page} />
        <Route path="*rest" component={() => <p data-testid="elsewhere">elsewhere</p>} />
      </MemoryRouter>
    )),
  );
  return { ...result, history, location: () => history.get() };
}
