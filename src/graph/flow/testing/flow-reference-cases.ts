import { DEFAULT_DEMAND, DemandParams } from '../flow.types';

/** The snapshot and seeded payment sets the Python reference (scripts/reference/flow_reference.py) routes. */
export const FLOW_REFERENCE_SNAPSHOT = 'cln_gossmap_2026-02-03.derived-describegraph.json.gz';

export const FLOW_REFERENCE_CASES: { name: string; seed: number; demand: DemandParams }[] = [
  { name: 'capacity_weighted', seed: 11, demand: { ...DEFAULT_DEMAND, variant: 'capacity_weighted', paymentsPerSeed: 1000, sendersPerReceiver: 8 } },
  { name: 'uniform', seed: 12, demand: { ...DEFAULT_DEMAND, variant: 'uniform', paymentsPerSeed: 1000, sendersPerReceiver: 8 } },
];
