import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireAgreement } from '~/auth/access.server'
import { AgreementReader } from '~/components/agreement-reader'
import { pageTitle } from '~/i18n/page-title'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { PlainField } from '~/components/plain-field'
import { saveAgreement, type AgreementView } from '~/models/agreement/agreement.server'
import { AGREEMENT_LIMITS } from '~/schemas/agreement'
import { readAgreementForm, type AgreementFormValues } from '~/utils/agreement-form.server'
import { actorOf, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'agreements.editTitle')

const valuesOf = (agreement: AgreementView): AgreementFormValues => {
  const s = agreement.snapshot
  return {
    fields: {
      number: s.number,
      title: s.title,
      subject: s.subject,
      place: s.place,
      validFrom: s.validFrom,
      validTo: s.validTo ?? '',
      noticeMonths: s.noticeMonths === null ? '' : String(s.noticeMonths),
    },
    paragraphs: s.paragraphs.map((p) => ({ id: p.id, title: p.title, body: p.body })),
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agreement } = await requireAgreement(request, params, 'agreement.manage', { signIn: true })
  if (agreement.state !== 'draft' && agreement.state !== 'negotiation') throw new Response('Conflict', { status: 409 })
  return json({ id: agreement.id, revision: agreement.revision, values: valuesOf(agreement) })
}

type Reply = {
  values: AgreementFormValues
  revision: number
  errors: Record<string, string>
  stale: AgreementView['snapshot'] | null
  staleRevision?: number
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, agreement } = await requireAgreement(request, params, 'agreement.manage', { signIn: true })
  const form = await request.formData()
  const { values, errors, intent } = readAgreementForm(form)
  const revision = Number(form.get('revision'))
  // Structure buttons change the form, not the saved text: it comes back with every input kept.
  if (intent !== 'save') return json<Reply>({ values, revision, errors: {}, stale: null })
  if (Object.keys(errors).length) return json<Reply>({ values, revision, errors, stale: null }, { status: 400 })
  if (agreement.state !== 'draft' && agreement.state !== 'negotiation')
    return json<Reply>({ values, revision, errors: { form: 'agreement.error.locked' }, stale: null }, { status: 409 })
  const saved = saveAgreement({
    id: agreement.id,
    baseRevision: revision,
    fields: values.fields,
    paragraphs: values.paragraphs,
    actor: actorOf(user, context),
  })
  if (saved.ok) return redirectWithNotice(`/agreements/${agreement.id}`, 'agreements.done.saved')
  if (saved.reason === 'stale')
    return json<Reply>(
      {
        values,
        revision,
        errors: { form: 'agreement.error.staleSave' },
        stale: saved.current.snapshot,
        staleRevision: saved.current.revision,
      },
      { status: 409 },
    )
  return json<Reply>({ values, revision, errors: { form: 'agreement.error.locked' }, stale: null }, { status: 409 })
}

export default function EditAgreement() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const navigation = useNavigation()
  const values = reply?.values ?? loaded.values
  // After a refused stale save the officer merges by hand and saves over the revision now saved.
  const revision = reply?.staleRevision ?? reply?.revision ?? loaded.revision
  const errors = reply?.errors ?? {}
  const error = (name: string) => (errors[name] ? translateMessage(t, errors[name]) : null)
  const text = (name: keyof AgreementFormValues['fields'], label: string, options: { type?: string; hint?: string; max?: number } = {}) => (
    <PlainField
      id={`agreement-${name}`}
      name={name}
      label={label}
      type={options.type}
      hint={options.hint}
      maxLength={options.max}
      defaultValue={values.fields[name]}
      error={errors[name]}
    />
  )
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('agreements.editTitle')}</h2>
      <Form method="post" className="form" key={revision}>
        <input type="hidden" name="revision" value={revision} />
        {errors.form ? (
          <p className="notice notice--error" role="alert">
            {error('form')}
          </p>
        ) : null}
        {text('number', t('agreements.field.number'), { hint: t('agreements.field.numberHint'), max: AGREEMENT_LIMITS.number })}
        {text('title', t('agreements.field.title'), { max: AGREEMENT_LIMITS.title })}
        <div className="field">
          <label htmlFor="agreement-subject">{t('agreements.field.subject')}</label>
          <textarea
            id="agreement-subject"
            name="subject"
            rows={2}
            defaultValue={values.fields.subject}
            maxLength={AGREEMENT_LIMITS.subject}
          />
        </div>
        {text('place', t('agreements.field.place'), { hint: t('agreements.field.placeHint'), max: AGREEMENT_LIMITS.place })}
        {text('validFrom', t('agreements.field.validFrom'), { type: 'date' })}
        {text('validTo', t('agreements.field.validTo'), { type: 'date', hint: t('agreements.field.validToHint') })}
        {text('noticeMonths', t('agreements.field.noticeMonths'), { hint: t('agreements.field.noticeMonthsHint'), max: 3 })}
        <fieldset>
          <legend>{t('agreements.field.paragraphs')}</legend>
          <p className="field__hint">{t('agreements.field.paragraphsHint')}</p>
          {values.paragraphs.map((paragraph, i) => (
            <fieldset key={`${paragraph.id ?? 'new'}-${i}`} className="agreement-editor__paragraph">
              <legend>{`§ ${i + 1}`}</legend>
              <input type="hidden" name={`paragraphs[${i}].id`} value={paragraph.id ?? ''} />
              <div className="field">
                <label htmlFor={`paragraph-${i}-title`}>{t('agreements.field.paragraphTitle')}</label>
                <input
                  id={`paragraph-${i}-title`}
                  name={`paragraphs[${i}].title`}
                  defaultValue={paragraph.title}
                  maxLength={AGREEMENT_LIMITS.paragraphTitle}
                  aria-invalid={error(`paragraphs[${i}].title`) ? true : undefined}
                  aria-describedby={error(`paragraphs[${i}].title`) ? `paragraph-${i}-title-error` : undefined}
                />
                {error(`paragraphs[${i}].title`) ? (
                  <span className="field__error" id={`paragraph-${i}-title-error`}>
                    {error(`paragraphs[${i}].title`)}
                  </span>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor={`paragraph-${i}-body`}>{t('agreements.field.paragraphBody')}</label>
                <textarea
                  id={`paragraph-${i}-body`}
                  name={`paragraphs[${i}].body`}
                  rows={8}
                  defaultValue={paragraph.body}
                  aria-invalid={error(`paragraphs[${i}].body`) ? true : undefined}
                  aria-describedby={error(`paragraphs[${i}].body`) ? `paragraph-${i}-body-error` : undefined}
                />
                {error(`paragraphs[${i}].body`) ? (
                  <span className="field__error" id={`paragraph-${i}-body-error`}>
                    {error(`paragraphs[${i}].body`)}
                  </span>
                ) : null}
              </div>
              <p className="actions">
                {i > 0 ? (
                  <button type="submit" name="intent" value={`up:${i}`} className="link-button">
                    {t('agreements.editor.up', { number: i + 1 })}
                  </button>
                ) : null}
                <button type="submit" name="intent" value={`remove:${i}`} className="link-button">
                  {t('agreements.editor.remove', { number: i + 1 })}
                </button>
              </p>
            </fieldset>
          ))}
          {errors.paragraphs ? <p className="field__error">{error('paragraphs')}</p> : null}
          <button type="submit" name="intent" value="add" className="secondary">
            {t('agreements.editor.add')}
          </button>
        </fieldset>
        <button type="submit" name="intent" value="save" disabled={navigation.state !== 'idle'}>
          {t('agreements.editor.save')}
        </button>
      </Form>
      {reply?.stale ? (
        <section aria-labelledby="stale-title" className="notice notice--warning">
          <h3 id="stale-title">{t('agreements.editor.staleTitle')}</h3>
          <AgreementReader snapshot={reply.stale} />
        </section>
      ) : null}
    </section>
  )
}
