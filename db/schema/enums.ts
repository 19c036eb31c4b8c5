// Plain constants, free of drizzle, so that forms in the browser can import them too.

export const organisationKinds = ['ops', 'pcpr', 'pup', 'wup', 'rops', 'city_hall', 'ohp', 'ngo', 'cis', 'school', 'other'] as const
export type OrganisationKind = (typeof organisationKinds)[number]

export const roles = ['admin', 'officer', 'member'] as const
export type Role = (typeof roles)[number]
