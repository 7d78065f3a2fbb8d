import { Route, Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { LoginPage } from './auth/login-page.tsx';
import { SessionProvider } from './auth/session.tsx';
import { ExceptionDetailPage } from './detail/exception-detail-page.tsx';
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
    // The session outside the router: every page and the top bar read the same signed-in user.
    <SessionProvider>
      <Router root={AppLayout}>
        <Route path="/" component={ReviewQueuePage} />
        <Route path="/exceptions/:id" component={ExceptionDetailPage} />
        <Route path="/login" component={LoginPage} />
        <Route path="/runs" component={RunsPage} />
        <Route path="/dashboard" component={DashboardPage} />
        <Route path="/imports" component={ImportsPage} />
        <Route path="/evals" component={EvalsPage} />
        <Route path="/audit" component={AuditPage} />
        <Route path="*404" component={NotFoundPage} />
      </Router>
    </SessionProvider>
  ),
  root,
);
