import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireAgreement } from '~/auth/access.server'
import { canInAgreement } from '~/auth/agreement-permissions'
import { AgreementCycle, type CycleIntent, type CycleReply } from '~/components/agreement-cycle'
import { AgreementReader } from '~/components/agreement-reader'
import { useT } from '~/i18n/use-t'
import { createAnnex, listAnnexes, setAgreementVisibility } from '~/models/agreement/agreement.server'
import {
  freezeForSigning,
  readinessOf,
  reopenNegotiation,
  signatoriesOf,
  startNegotiation,
  terminateAgreement,
  type StepResult,
} from '~/models/agreement/cycle.server'
import { db } from '~/db.server'
import { appOrigin } from '~/mail/mailer.server'
import { AGREEMENT_LIMITS } from '~/schemas/agreement'
import { isCalendarDay } from '~/schemas/fields'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { fromWarsawLocal, warsawDay } from '~/utils/time'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, agreement } = await requireAgreement(request, params, 'agreement.read')
  const manage = canInAgreement(access, agreement, 'agreement.manage')
  const signed = agreement.state === 'ready_to_sign' ? signatoriesOf(db, agreement.id).filter((s) => s.signed).length : 0
  return json({
    agreement: { id: agreement.id, state: agreement.state, snapshot: agreement.snapshot, updatedAt: agreement.updatedAt },
    editable: manage && (agreement.state === 'draft' || agreement.state === 'negotiation'),
    canSign: canInAgreement(access, agreement, 'agreement.sign') || canInAgreement(access, agreement, 'agreement.uploadSigned'),
    cycle: manage
      ? {
          revision: agreement.revision,
          visibility: agreement.visibility,
          readiness: readinessOf(agreement.snapshot),
          signaturesCollected: signed,
          today: warsawDay(new Date()),
        }
      : null,
    annexes: listAnnexes(agreement.id),
    canAnnex: manage && agreement.state === 'signed',
    terminated: agreement.terminatedOn ? { on: agreement.terminatedOn, reason: agreement.terminatedReason ?? '' } : null,
  })
}

const intents: readonly CycleIntent[] = ['negotiate', 'freeze', 'reopen', 'terminate', 'visibility']

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, agreement } = await requireAgreement(request, params, 'agreement.manage', { signIn: true })
  const actor = actorOf(user, context)
  const form = await request.formData()
  if (form.get('intent') === 'annex') {
    if (agreement.state !== 'signed') return json<CycleReply>({ form: 'terminate', error: 'agreement.error.wrongState' }, { status: 409 })
    const annexId = createAnnex({ id: agreement.id, actor })
    return redirectWithNotice(`/agreements/${annexId}/edit`, 'agreements.done.annex')
  }
  const intent = String(form.get('intent') ?? '') as CycleIntent
  if (!intents.includes(intent)) throw new Response('Bad Request', { status: 400 })
  const baseRevision = Number(form.get('revision'))
  const text = (name: string, max: number = AGREEMENT_LIMITS.reason) => String(form.get(name) ?? '').slice(0, max + 1)
  const values = { commentsDueAt: text('commentsDueAt', 10), reason: text('reason'), terminatedOn: text('terminatedOn', 10) }
  const refuse = (error: string, field?: string, status = 400) => json<CycleReply>({ form: intent, error, field, values }, { status })
  const id = agreement.id
  let result: StepResult
  switch (intent) {
    case 'negotiate': {
      const day = values.commentsDueAt.trim()
      if (day && !isCalendarDay(day)) return refuse('validation.date', 'commentsDueAt')
      const due = day ? fromWarsawLocal(`${day}T23:59`) : null
      if (due && due <= new Date()) return refuse('agreement.error.deadlinePast', 'commentsDueAt')
      result = await startNegotiation({ id, baseRevision, commentsDueAt: due, actor, origin: appOrigin(new URL(request.url).origin) })
      break
    }
    case 'freeze':
      result = await freezeForSigning({ id, baseRevision, actor, origin: appOrigin(new URL(request.url).origin) })
      break
    case 'reopen':
      if (values.reason.length > AGREEMENT_LIMITS.reason) return refuse('validation.tooLong', 'reason')
      if (!values.reason.trim()) return refuse('agreement.error.reasonMissing', 'reason')
      result = reopenNegotiation({ id, baseRevision, reason: values.reason, actor })
      break
    case 'terminate':
      if (!isCalendarDay(values.terminatedOn)) return refuse('validation.date', 'terminatedOn')
      if (values.terminatedOn < agreement.snapshot.validFrom) return refuse('agreement.error.terminatedBeforeStart', 'terminatedOn')
      if (values.reason.length > AGREEMENT_LIMITS.reason) return refuse('validation.tooLong', 'reason')
      if (!values.reason.trim()) return refuse('agreement.error.reasonMissing', 'reason')
      result = terminateAgreement({ id, baseRevision, terminatedOn: values.terminatedOn, reason: values.reason, actor })
      break
    case 'visibility': {
      const visibility = form.get('visibility')
      if (visibility !== 'public' && visibility !== 'members') throw new Response('Bad Request', { status: 400 })
      result = setAgreementVisibility({ id, baseRevision, visibility, actor })
      break
    }
  }
  if (!result.ok)
    return refuse(
      result.error,
      undefined,
      result.error === 'agreement.error.stale' || result.error === 'agreement.error.wrongState' ? 409 : 400,
    )
  return redirectWithNotice(`/agreements/${id}`, `agreements.done.${intent}`)
}

export default function AgreementText() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { agreement } = data
  return (
    <>
      <p className="actions">
        {data.editable ? (
          <Link to={`/agreements/${agreement.id}/edit`} className="button">
            {t('agreements.edit')}
          </Link>
        ) : null}
        {data.canSign ? (
          <Link to={`/agreements/${agreement.id}/signatures`} className="button">
            {t('agreements.goSign')}
          </Link>
        ) : null}
      </p>
      {data.terminated ? (
        <p className="notice notice--warning">
          {t('agreements.terminatedNotice', { date: data.terminated.on, reason: data.terminated.reason })}
        </p>
      ) : null}
      <AgreementReader snapshot={agreement.snapshot} />
      {data.annexes.length || data.canAnnex ? (
        <section aria-labelledby="annexes-title">
          <h2 id="annexes-title">{t('agreements.annexes.title')}</h2>
          {data.annexes.length ? (
            <ul>
              {data.annexes.map((annex) => (
                <li key={annex.id}>
                  <Link to={`/agreements/${annex.id}`}>{annex.title}</Link> — {t(`agreement.state.${annex.state}`)}
                </li>
              ))}
            </ul>
          ) : null}
          {data.canAnnex ? (
            <Form method="post">
              <input type="hidden" name="intent" value="annex" />
              <button type="submit" className="secondary">
                {t('agreements.annexes.start')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {data.cycle ? <AgreementCycle id={agreement.id} state={agreement.state} {...data.cycle} reply={reply} /> : null}
    </>
  )
}
