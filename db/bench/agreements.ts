/**
 * Issue 9's register at a region's size: agreements between the dataset's institutions, made
 * through the model (parties, signatories, text, audit) and then moved along their cycle in SQL,
 * as a register of years holds them: most concluded, some ended, some still negotiated. Their
 * PDFs are not rendered (the register lists, it does not print); the officer's team holds many,
 * and the member's institution is a party to some.
 */
import { eq, inArray } from 'drizzle-orm'
import { db, schema, sqlite } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createAgreement } from '~/models/agreement/agreement.server'
import type { Dataset } from './dataset'

const DAY = 24 * 3600 * 1000

export function writeAgreements(
  ds: Dataset,
  {
    count,
    bodyIds,
    officerBodyId,
    memberOrganisationId,
  }: { count: number; bodyIds: number[]; officerBodyId: number; memberOrganisationId: number },
) {
  const { random, reference } = ds
  const organisations = db
    .select({ id: schema.organisations.id, kind: schema.organisations.kind, county: schema.organisations.municipalityCode })
    .from(schema.organisations)
    .where(inArray(schema.organisations.kind, ['ops', 'pup', 'pcpr', 'ngo', 'cis']))
    .all()
  const byCounty = new Map<string, typeof organisations>()
  for (const o of organisations) byCounty.set(o.county.slice(0, 4), [...(byCounty.get(o.county.slice(0, 4)) ?? []), o])
  const counties = [...byCounty.values()].filter((list) => list.length >= 2)
  const peopleOf = sqlite.prepare('select id, position from people where organisation_id = ? and archived_at is null limit 2')
  const day = (offset: number) => new Date(reference.getTime() + offset * DAY).toISOString().slice(0, 10)
  const ids: number[] = []
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const pair = random.sample(random.pick(counties), 2)
      if (i % 25 === 0) pair[0] = organisations.find((o) => o.id === memberOrganisationId) ?? pair[0]!
      const start = random.int(-3650, 60)
      const fixedTerm = random.chance(0.4)
      const id = createAgreement({
        bodyId: i % 5 === 0 ? officerBodyId : random.pick(bodyIds),
        fields: {
          number: `POR.${400 + (i % 97)}.${i + 1}.${day(start).slice(0, 4)}`,
          title: `Porozumienie o współpracy nr ${i + 1} w sprawie aktywizacji społeczno-zawodowej`,
          subject: 'współpraca na rzecz osób korzystających z pomocy społecznej i zarejestrowanych jako bezrobotne',
          place: 'siedzibie Strony 1',
          validFrom: day(start),
          validTo: fixedTerm ? day(start + random.int(180, 1460)) : '',
          noticeMonths: fixedTerm ? '' : '1',
        },
        paragraphs: [
          { title: 'Przedmiot porozumienia', body: 'Strony współpracują na rzecz aktywizacji wspólnych klientów.' },
          { title: 'Zakres współpracy', body: 'Strony zobowiązują się do:\n\n1. wymiany informacji,\n2. wspólnych spotkań.' },
        ],
        organisationIds: pair.map((o) => o.id),
        actor: SYSTEM_ACTOR,
      })
      for (const party of db.select().from(schema.agreementParties).where(eq(schema.agreementParties.agreementId, id)).all()) {
        const [person] = peopleOf.all(party.organisationId) as { id: number; position: string | null }[]
        if (person)
          db.insert(schema.agreementSignatories)
            .values({ partyId: party.id, personId: person.id, position: person.position ?? 'Dyrektor', ordinal: 0 })
            .run()
      }
      ids.push(id)
    }
  })()
  // Where each stands: a register of years is mostly concluded agreements.
  const setState = sqlite.prepare('update documents set state = ?, visibility = ?, published_at = ? where id = ?')
  const setConcluded = sqlite.prepare('update agreements set concluded_on = ? where id = ?')
  sqlite.transaction(() => {
    for (const id of ids) {
      const state = random.weighted({ signed: 70, expired: 10, terminated: 4, negotiation: 10, draft: 4, ready_to_sign: 2 })
      const agreement = db
        .select({ validFrom: schema.agreements.validFrom })
        .from(schema.agreements)
        .where(eq(schema.agreements.id, id))
        .get()!
      const concluded = ['signed', 'expired', 'terminated'].includes(state)
      setState.run(
        state,
        concluded && random.chance(0.6) ? 'public' : 'members',
        concluded ? `${agreement.validFrom}T10:00:00.000Z` : null,
        id,
      )
      if (concluded) setConcluded.run(agreement.validFrom, id)
    }
  })()
  return ids.length
}
