import { Route, Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { AppLayout } from './layout/app-layout.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { EvalsPage } from './pages/evals-page.tsx';
import { ImportsPage } from './pages/imports-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ReviewQueuePage } from './pages/review-queue-page.tsx';
import { RunsPage } from './pages/runs-page.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

render(
  () => (
    <Router root={AppLayout}>
      <Route path="/" component={ReviewQueuePage} />
      <Route path="/runs" component={RunsPage} />
      <Route path="/dashboard" component={DashboardPage} />
      <Route path="/imports" component={ImportsPage} />
      <Route path="/evals" component={EvalsPage} />
      <Route path="/audit" component={AuditPage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  ),
  root,
);
