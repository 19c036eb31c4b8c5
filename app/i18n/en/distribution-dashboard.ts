/** English texts of a distribution's dashboard and exports. Every key here must exist in ../pl/distribution-dashboard.ts too. */
export const distributionDashboard = {}
