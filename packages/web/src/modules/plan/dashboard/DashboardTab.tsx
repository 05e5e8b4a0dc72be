import type { PlanDetailData } from '../api';

/** Placeholder until the tab is built. */
export function DashboardTab({ plan }: { plan: PlanDetailData }) {
  return <p>{plan.id}</p>;
}
