import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { canInBody } from '~/auth/body-permissions'
import { requireUser } from '~/auth/require.server'
import { translateMessage } from '~/i18n/messages'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { PlainField } from '~/components/plain-field'
import { createAgreement } from '~/models/agreement/agreement.server'
import { actionItemStart, teamsForAgreements } from '~/models/agreement/start.server'
import { AGREEMENT_TEMPLATES } from '~/models/agreement/template'
import { getBodyAccess } from '~/models/body-access.server'
import { AGREEMENT_LIMITS, AgreementFieldsSchema } from '~/schemas/agreement'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { warsawDay } from '~/utils/time'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'agreements.new.title')

const FIELDS = ['number', 'title', 'subject', 'place', 'validFrom', 'validTo', 'noticeMonths'] as const
type Values = Record<(typeof FIELDS)[number] | 'bodyId' | 'template' | 'actionItem', string>

function startOf(request: Request, user: Parameters<typeof getBodyAccess>[0]['user']) {
  const param = Number(new URL(request.url).searchParams.get('actionItem'))
  if (!Number.isInteger(param) || param <= 0) return null
  const start = actionItemStart(param)
  // An action item of a team the user does not convene is one that does not exist.
  if (!start || !canInBody(getBodyAccess({ bodyId: start.bodyId, user }), 'body.manage')) throw new Response('Not Found', { status: 404 })
  return start
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const teams = teamsForAgreements(user)
  const start = startOf(request, user)
  const template = AGREEMENT_TEMPLATES[0]!
  const defaults: Values = {
    number: '',
    title: template.title,
    subject: template.subject,
    place: '',
    validFrom: warsawDay(new Date()),
    validTo: '',
    noticeMonths: '1',
    bodyId: String(start?.bodyId ?? teams[0]?.id ?? ''),
    template: template.id,
    actionItem: start ? String(start.id) : '',
  }
  return json({ teams, templates: AGREEMENT_TEMPLATES.map((t) => ({ id: t.id, name: t.name })), start, defaults })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  const values = Object.fromEntries(
    [...FIELDS, 'bodyId', 'template', 'actionItem'].map((name) => [
      name,
      String(form.get(name) ?? '').slice(0, name === 'subject' ? AGREEMENT_LIMITS.subject + 1 : 301),
    ]),
  ) as Values
  const bodyId = Number(values.bodyId)
  if (!Number.isInteger(bodyId) || !canInBody(getBodyAccess({ bodyId, user }), 'body.manage'))
    return json({ values, errors: { bodyId: 'agreement.error.bodyMissing' } }, { status: 400 })
  const checked = AgreementFieldsSchema.safeParse(values)
  if (!checked.success) {
    const errors: Record<string, string> = {}
    for (const issue of checked.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
    return json({ values, errors }, { status: 400 })
  }
  const actionItemId = Number(values.actionItem)
  const start = actionItemId > 0 ? actionItemStart(actionItemId) : undefined
  if (start && start.bodyId !== bodyId) return json({ values, errors: { bodyId: 'agreement.error.bodyOfActionItem' } }, { status: 400 })
  const template = AGREEMENT_TEMPLATES.find((t) => t.id === values.template)
  const id = createAgreement({
    bodyId,
    fields: values,
    paragraphs: template?.paragraphs ?? [],
    organisationIds: start?.parties.map((p) => p.id) ?? [],
    sources: start ? [{ meetingId: start.meetingId, actionItemId: start.id }] : [],
    actor: actorOf(user, context),
  })
  return redirectWithNotice(`/agreements/${id}/parties`, 'agreements.done.created')
}

export default function NewAgreement() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const values = reply?.values ?? data.defaults
  const errors: Record<string, string> = reply?.errors ?? {}
  if (data.teams.length === 0) return <p>{t('agreements.new.noBodies')}</p>
  const field = (name: (typeof FIELDS)[number], label: string, options: { type?: string; hint?: string; multiline?: boolean } = {}) => (
    <PlainField id={`new-${name}`} name={name} label={label} {...options} rows={2} defaultValue={values[name]} error={errors[name]} />
  )
  return (
    <>
      <div className="page-head">
        <h1>{t('agreements.new.title')}</h1>
      </div>
      {data.start ? (
        <p className="notice notice--info">
          {t('agreements.new.fromActionItem', { text: data.start.text })} {data.start.parties.map((p) => p.name).join('; ')}
        </p>
      ) : null}
      <Form method="post" className="form">
        <input type="hidden" name="actionItem" value={values.actionItem} />
        <div className="field">
          <label htmlFor="new-bodyId">{t('agreements.new.body')}</label>
          <select
            id="new-bodyId"
            name="bodyId"
            defaultValue={values.bodyId}
            aria-invalid={errors.bodyId ? true : undefined}
            aria-describedby={errors.bodyId ? 'new-bodyId-error' : undefined}
          >
            {data.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          {errors.bodyId ? (
            <span className="field__error" id="new-bodyId-error">
              {translateMessage(t, errors.bodyId)}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="new-template">{t('agreements.new.template')}</label>
          <select id="new-template" name="template" defaultValue={values.template}>
            {data.templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
            <option value="">{t('agreements.new.templateNone')}</option>
          </select>
        </div>
        {field('number', t('agreements.field.number'), { hint: t('agreements.field.numberHint') })}
        {field('title', t('agreements.field.title'))}
        {field('subject', t('agreements.field.subject'), { multiline: true })}
        {field('place', t('agreements.field.place'), { hint: t('agreements.field.placeHint') })}
        {field('validFrom', t('agreements.field.validFrom'), { type: 'date' })}
        {field('validTo', t('agreements.field.validTo'), { type: 'date', hint: t('agreements.field.validToHint') })}
        {field('noticeMonths', t('agreements.field.noticeMonths'), { hint: t('agreements.field.noticeMonthsHint') })}
        <button type="submit">{t('agreements.new.submit')}</button>
      </Form>
    </>
  )
}
