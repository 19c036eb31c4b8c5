import { like } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import { appOrigin } from '~/mail/mailer.server'
import { config } from '~/config.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { changeParties, createAgreement, getAgreement, setAgreementVisibility } from '~/models/agreement/agreement.server'
import { freezeForSigning, frozenPdf, recordSignatures, signatoriesOf, startNegotiation } from '~/models/agreement/cycle.server'
import { actionItemStart } from '~/models/agreement/start.server'
import { createPerson } from '~/models/person.server'
import {
  KATOWICE_AGREEMENT,
  KATOWICE_PARTIES,
  WODZISLAW_AGREEMENT,
  WODZISLAW_PARTIES,
  type DemoAgreementParty,
  type DemoAgreementText,
} from './agreement-texts'

const origin = () => appOrigin(`http://localhost:${config.port}`)

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`Demo agreements: ${what} not found`)
  return value
}

const fieldsOf = (text: DemoAgreementText) => ({
  number: text.number,
  title: text.title,
  subject: text.subject,
  place: text.place,
  validFrom: text.validFrom,
  validTo: text.validTo ?? '',
  noticeMonths: text.noticeMonths === null ? '' : String(text.noticeMonths),
})

/** The parties' signatories, added to the directory (the samples name none) and to the agreement. */
function addSignatories(id: number, parties: DemoAgreementParty[], organisationIds: Map<string, number>) {
  for (const party of parties) {
    const organisationId = must(organisationIds.get(party.organisation), party.organisation)
    const partyId = must(
      getAgreement({ id })!.snapshot.parties.find((p) => p.organisationId === organisationId)?.id,
      `party ${party.organisation}`,
    )
    for (const signatory of party.signatories) {
      const person = createPerson({
        input: { name: signatory.name, position: signatory.position.split(',')[0], organisationId },
        actor: SYSTEM_ACTOR,
      })
      if (!person.ok) throw new Error(`Demo signatory ${signatory.name}: ${JSON.stringify(person.fieldErrors)}`)
      const changed = changeParties({
        id,
        baseRevision: getAgreement({ id })!.revision,
        change: { op: 'addSignatory', partyId, personId: person.id, position: signatory.position, required: true },
        actor: SYSTEM_ACTOR,
      })
      if (!changed.ok) throw new Error(`Demo signatory ${signatory.name}: ${changed.reason}`)
    }
  }
}

/**
 * The agreements the samples end in. Katowice's MOPS and PUP concluded theirs before the
 * meeting of 16 June 2009 (sample 000): drafted, frozen and signed on paper, its scans
 * recorded (the scan stands in as the frozen PDF itself), and published by the parties.
 * Wodzisław's (sample 002) is started from the action item of 11 May 2017 and is being negotiated.
 */
export async function seedAgreements({
  organisationIds,
  katowiceBodyId,
  katowiceMeetingId,
}: {
  organisationIds: Map<string, number>
  katowiceBodyId: number
  katowiceMeetingId: number
}) {
  const org = (name: string) => must(organisationIds.get(name), name)
  const idsByName = (parties: DemoAgreementParty[]) => parties.map((p) => org(p.organisation))

  const katowice = createAgreement({
    bodyId: katowiceBodyId,
    fields: fieldsOf(KATOWICE_AGREEMENT),
    paragraphs: KATOWICE_AGREEMENT.paragraphs,
    organisationIds: idsByName(KATOWICE_PARTIES),
    sources: [{ meetingId: katowiceMeetingId }],
    actor: SYSTEM_ACTOR,
  })
  addSignatories(katowice, KATOWICE_PARTIES, organisationIds)
  const negotiated = await startNegotiation({
    id: katowice,
    baseRevision: getAgreement({ id: katowice })!.revision,
    commentsDueAt: null,
    actor: SYSTEM_ACTOR,
    origin: origin(),
  })
  if (!negotiated.ok) throw new Error(`Katowice negotiation: ${negotiated.error}`)
  const frozen = await freezeForSigning({
    id: katowice,
    baseRevision: getAgreement({ id: katowice })!.revision,
    actor: SYSTEM_ACTOR,
    origin: origin(),
  })
  if (!frozen.ok) throw new Error(`Katowice freeze: ${frozen.error}`)
  const { pdf, versionId } = frozenPdf(db, katowice)!
  const signed = await recordSignatures({
    id: katowice,
    versionId,
    actor: SYSTEM_ACTOR,
    origin: origin(),
    now: new Date('2009-02-27T11:00:00+01:00'),
    inputs: signatoriesOf(db, katowice).map((s) => ({
      signatoryId: s.id,
      method: 'scan' as const,
      userId: null,
      file: { name: 'porozumienie-MOPS-PUP-Katowice-skan.pdf', bytes: pdf },
    })),
  })
  if (!signed.ok || !signed.signed) throw new Error(`Katowice signatures: ${JSON.stringify(signed)}`)
  setAgreementVisibility({
    id: katowice,
    baseRevision: getAgreement({ id: katowice })!.revision,
    visibility: 'public',
    actor: SYSTEM_ACTOR,
  })

  const item = must(
    db
      .select({ id: schema.actionItems.id })
      .from(schema.actionItems)
      .where(like(schema.actionItems.text, 'Zawarcie porozumienia MOPS–PUP%'))
      .get(),
    'Wodzisław action item',
  )
  const start = must(actionItemStart(item.id), 'Wodzisław action item start')
  const wodzislaw = createAgreement({
    bodyId: start.bodyId,
    fields: fieldsOf(WODZISLAW_AGREEMENT),
    paragraphs: WODZISLAW_AGREEMENT.paragraphs,
    organisationIds: start.parties.map((p) => p.id),
    sources: [{ meetingId: start.meetingId, actionItemId: start.id }],
    actor: SYSTEM_ACTOR,
  })
  addSignatories(wodzislaw, WODZISLAW_PARTIES, organisationIds)
  const negotiating = await startNegotiation({
    id: wodzislaw,
    baseRevision: getAgreement({ id: wodzislaw })!.revision,
    commentsDueAt: null,
    actor: SYSTEM_ACTOR,
    origin: origin(),
  })
  if (!negotiating.ok) throw new Error(`Wodzisław negotiation: ${negotiating.error}`)
  return { katowice, wodzislaw }
}
