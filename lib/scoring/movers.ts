/** The movers windows the overview offers, in days: the rollup writer works them out, the readers show them. */
export const MOVER_WINDOWS = [7, 30] as const;
export type MoverWindow = (typeof MOVER_WINDOWS)[number];

/** How many movers each way each window keeps: more than any page shows. */
export const MOVERS_KEPT = 20;
