/** Polish texts of a recipient's page (personal link and /inbox). Every key here must exist in ../en/distribution-recipient.ts too. */
export const distributionRecipient = {} as const
