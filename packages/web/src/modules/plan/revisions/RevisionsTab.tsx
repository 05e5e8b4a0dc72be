import type { PlanDetailData } from '../api';

/** Placeholder until the tab is built. */
export function RevisionsTab({ plan }: { plan: PlanDetailData }) {
  return <p>{plan.id}</p>;
}
