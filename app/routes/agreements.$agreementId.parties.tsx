import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { and, asc, inArray, isNull } from 'drizzle-orm'
import { requireAgreement } from '~/auth/access.server'
import { canInAgreement } from '~/auth/agreement-permissions'
import { db, schema } from '~/db.server'
import { pageTitle } from '~/i18n/page-title'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { changeParties, type PartyChange } from '~/models/agreement/agreement.server'
import { searchOrganisations } from '~/models/directory-search.server'
import { AGREEMENT_LIMITS } from '~/schemas/agreement'
import { actorOf, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'agreements.parties.title')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, agreement } = await requireAgreement(request, params, 'agreement.read')
  const insider = access.party || access.signatory || canInAgreement(access, agreement, 'agreement.manage')
  if (!insider) throw new Response('Not Found', { status: 404 })
  const manage = canInAgreement(access, agreement, 'agreement.manage') && (agreement.state === 'draft' || agreement.state === 'negotiation')
  const parties = agreement.snapshot.parties
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100)
  const people =
    manage && parties.length
      ? db
          .select({
            id: schema.people.id,
            name: schema.people.name,
            position: schema.people.position,
            organisationId: schema.people.organisationId,
          })
          .from(schema.people)
          .where(
            and(
              inArray(
                schema.people.organisationId,
                parties.map((p) => p.organisationId),
              ),
              isNull(schema.people.archivedAt),
            ),
          )
          .orderBy(asc(schema.people.name))
          .limit(500)
          .all()
      : []
  return json({
    id: agreement.id,
    revision: agreement.revision,
    manage,
    parties,
    people,
    q,
    found: manage && q ? searchOrganisations({ q }).filter((o) => !parties.some((p) => String(p.organisationId) === o.value)) : [],
  })
}

type Reply = { error: string; partyId?: number; values?: Record<string, string> }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, agreement } = await requireAgreement(request, params, 'agreement.manage', { signIn: true })
  const form = await request.formData()
  const number = (name: string) => Number(form.get(name))
  const intent = String(form.get('intent') ?? '')
  let change: PartyChange
  switch (intent) {
    case 'addParty':
      change = { op: 'addParty', organisationId: number('organisationId') }
      break
    case 'removeParty':
      change = { op: 'removeParty', partyId: number('partyId') }
      break
    case 'up':
      change = { op: 'moveParty', partyId: number('partyId'), by: -1 }
      break
    case 'addSignatory': {
      const position = String(form.get('position') ?? '').trim()
      const values = { position, personId: String(form.get('personId') ?? '') }
      if (!number('personId'))
        return json<Reply>({ error: 'agreement.error.personMissing', partyId: number('partyId'), values }, { status: 400 })
      if (!position) return json<Reply>({ error: 'agreement.error.positionMissing', partyId: number('partyId'), values }, { status: 400 })
      if (position.length > AGREEMENT_LIMITS.position)
        return json<Reply>({ error: 'validation.tooLong', partyId: number('partyId'), values }, { status: 400 })
      change = {
        op: 'addSignatory',
        partyId: number('partyId'),
        personId: number('personId'),
        position,
        required: form.get('optional') !== 'on',
      }
      break
    }
    case 'removeSignatory':
      change = { op: 'removeSignatory', signatoryId: number('signatoryId') }
      break
    default:
      throw new Response('Bad Request', { status: 400 })
  }
  const result = changeParties({ id: agreement.id, baseRevision: number('revision'), change, actor: actorOf(user, context) })
  if (result.ok) return redirectWithNotice(`/agreements/${agreement.id}/parties`, `agreements.parties.done.${change.op}`)
  const error = result.reason === 'stale' ? 'agreement.error.stale' : result.reason === 'locked' ? 'agreement.error.locked' : result.reason
  return json<Reply>(
    { error, partyId: 'partyId' in change ? change.partyId : undefined },
    { status: result.reason === 'stale' || result.reason === 'locked' ? 409 : 400 },
  )
}

export default function AgreementParties() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const hidden = (
    <>
      <input type="hidden" name="revision" value={data.revision} />
    </>
  )
  return (
    <section aria-labelledby="parties-title">
      <h2 id="parties-title">{t('agreements.parties.title')}</h2>
      {reply && !reply.partyId ? (
        <p className="notice notice--error" role="alert">
          {translateMessage(t, reply.error)}
        </p>
      ) : null}
      {data.parties.length === 0 ? <p className="muted">{t('agreements.text.noParties')}</p> : null}
      <ol className="agreement-parties">
        {data.parties.map((party, index) => {
          const people = data.people.filter((p) => p.organisationId === party.organisationId)
          const error = reply?.partyId === party.id ? reply.error : null
          return (
            <li key={party.id}>
              <h3>{party.name}</h3>
              {party.address ? <p>{party.address}</p> : null}
              <h4>{t('agreements.parties.signatories')}</h4>
              {party.signatories.length ? (
                <ul>
                  {party.signatories.map((s) => (
                    <li key={s.id}>
                      {s.name} – {s.position}
                      {s.required ? null : ` (${t('agreements.parties.optional')})`}
                      {data.manage ? (
                        <Form method="post" className="inline-form">
                          {hidden}
                          <input type="hidden" name="intent" value="removeSignatory" />
                          <input type="hidden" name="signatoryId" value={s.id} />
                          <button type="submit" className="link-button">
                            {t('agreements.parties.removeSignatory')}
                            <span className="visually-hidden">: {s.name}</span>
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('agreements.text.noSignatory')}</p>
              )}
              {data.manage ? (
                <>
                  <Form
                    method="post"
                    className="form form--inline"
                    aria-label={t('agreements.parties.addSignatoryFor', { name: party.name })}
                  >
                    {hidden}
                    <input type="hidden" name="intent" value="addSignatory" />
                    <input type="hidden" name="partyId" value={party.id} />
                    <div className="field">
                      <label htmlFor={`person-${party.id}`}>{t('agreements.parties.person')}</label>
                      <select id={`person-${party.id}`} name="personId" defaultValue={error ? reply?.values?.personId : ''}>
                        <option value="">{t('agreements.parties.choosePerson')}</option>
                        {people.map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.position ? `${p.name} (${p.position})` : p.name}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`position-${party.id}`}>{t('agreements.parties.position')}</label>
                      <span className="field__hint" id={`position-${party.id}-hint`}>
                        {t('agreements.parties.positionHint')}
                      </span>
                      <input
                        id={`position-${party.id}`}
                        name="position"
                        maxLength={AGREEMENT_LIMITS.position}
                        defaultValue={error ? reply?.values?.position : ''}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={[`position-${party.id}-hint`, error ? `party-${party.id}-error` : null].filter(Boolean).join(' ')}
                      />
                    </div>
                    <label className="choice">
                      <input type="checkbox" name="optional" /> {t('agreements.parties.optionalLabel')}
                    </label>
                    {error ? (
                      <p className="field__error" id={`party-${party.id}-error`} role="alert">
                        {translateMessage(t, error)}
                      </p>
                    ) : null}
                    <button type="submit">{t('agreements.parties.addSignatory')}</button>
                  </Form>
                  <p className="actions">
                    {index > 0 ? (
                      <Form method="post" className="inline-form">
                        {hidden}
                        <input type="hidden" name="intent" value="up" />
                        <input type="hidden" name="partyId" value={party.id} />
                        <button type="submit" className="link-button">
                          {t('agreements.parties.up')}
                          <span className="visually-hidden">: {party.name}</span>
                        </button>
                      </Form>
                    ) : null}
                    <Form method="post" className="inline-form">
                      {hidden}
                      <input type="hidden" name="intent" value="removeParty" />
                      <input type="hidden" name="partyId" value={party.id} />
                      <button type="submit" className="link-button">
                        {t('agreements.parties.removeParty')}
                        <span className="visually-hidden">: {party.name}</span>
                      </button>
                    </Form>
                  </p>
                </>
              ) : null}
            </li>
          )
        })}
      </ol>
      {data.manage ? (
        <section aria-labelledby="add-party-title">
          <h3 id="add-party-title">{t('agreements.parties.add')}</h3>
          <Form method="get" className="form form--inline" role="search">
            <div className="field">
              <label htmlFor="party-q">{t('agreements.parties.search')}</label>
              <input id="party-q" name="q" type="search" defaultValue={data.q} maxLength={100} />
            </div>
            <button type="submit" className="secondary">
              {t('agreements.parties.searchSubmit')}
            </button>
          </Form>
          {data.q && data.found.length === 0 ? <p>{t('agreements.parties.nothingFound')}</p> : null}
          {data.found.length ? (
            <ul>
              {data.found.map((o) => (
                <li key={o.value}>
                  {o.label}
                  <Form method="post" className="inline-form">
                    {hidden}
                    <input type="hidden" name="intent" value="addParty" />
                    <input type="hidden" name="organisationId" value={o.value} />
                    <button type="submit" className="link-button">
                      {t('agreements.parties.addThis')}
                      <span className="visually-hidden">: {o.label}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </section>
  )
}
