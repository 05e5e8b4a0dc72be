import type { PlanDetailData } from '../api';

/** Placeholder until the tab is built. */
export function ConsultationTab({ plan }: { plan: PlanDetailData }) {
  return <p>{plan.id}</p>;
}
