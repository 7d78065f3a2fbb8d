/** The dashboard's charts for one set of figures. */
import type { DashboardView } from '../api/dashboard-api.ts';
import { BarList, ColumnChart, ShareBars } from './charts.tsx';
import { costPoints, matchRatePoints, OUTCOME_KEYS, openByAgePoints, openByTypePoints, outcomeRows } from './dashboard-figures.ts';
import { MoneyAtRisk } from './money-at-risk.tsx';

export function DashboardCharts(props: { view: DashboardView }) {
  return (
    <div class="dashboard-grid">
      <ColumnChart title="Match rate per night" points={matchRatePoints(props.view)} max={100} tone="ok" empty="No completed runs in these nights." testId="chart-match-rate" />
      <ColumnChart title="LLM cost per night (USD)" points={costPoints(props.view)} empty="No runs in these nights." testId="chart-llm-cost" />
      <BarList title="Open exceptions by type" items={openByTypePoints(props.view)} tone="warn" empty="No open exceptions." testId="chart-open-type" />
      <BarList title="Open exceptions by age" items={openByAgePoints(props.view)} tone="bad" empty="No open exceptions." testId="chart-open-age" />
      <MoneyAtRisk items={props.view.moneyAtRisk} />
      <ShareBars title="Suggestions decided, by source" rows={outcomeRows(props.view)} keys={OUTCOME_KEYS} empty="No decisions on suggestions in these nights." testId="chart-outcomes" />
    </div>
  );
}
