/** The dashboard's figures, typed by the route's own response schema. */
import type { z } from 'zod';
import type { dashboardSchema } from '../../../api/routes/dashboard.ts';
import { getJson } from './client.ts';

export type DashboardView = z.infer<typeof dashboardSchema>;

export const fetchDashboard = (nights: number) => getJson<DashboardView>(`/api/dashboard?nights=${nights}`);
