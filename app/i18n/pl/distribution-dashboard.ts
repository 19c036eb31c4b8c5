/** Polish texts of a distribution's dashboard and exports. Every key here must exist in ../en/distribution-dashboard.ts too. */
export const distributionDashboard = {} as const
