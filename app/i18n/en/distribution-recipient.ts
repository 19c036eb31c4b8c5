/** English texts of a recipient's page (personal link and /inbox). Every key here must exist in ../pl/distribution-recipient.ts too. */
export const distributionRecipient = {}
