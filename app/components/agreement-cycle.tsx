import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { AgreementState, DocumentVisibility } from '#db/schema/enums'
import { PlainField } from '~/components/plain-field'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'

export type CycleIntent = 'negotiate' | 'freeze' | 'reopen' | 'terminate' | 'visibility'
export type CycleReply = { form: CycleIntent; error: string; field?: string; values?: Record<string, string> }

/** The steps an officer may take next, each a form of its own saying what it does and what it changes. */
export function AgreementCycle({
  id,
  state,
  revision,
  visibility,
  readiness,
  signaturesCollected,
  reply,
  today,
}: {
  id: number
  state: AgreementState
  revision: number
  visibility: DocumentVisibility
  readiness: string | null
  signaturesCollected: number
  reply: CycleReply | undefined
  today: string
}) {
  const t = useT()
  const step = (intent: CycleIntent, children?: ReactNode) => (
    <StepForm intent={intent} revision={revision} reply={reply?.form === intent ? reply : undefined} key={intent}>
      {children}
    </StepForm>
  )
  const value = (name: string) => (reply?.values?.[name] as string | undefined) ?? ''
  return (
    <section aria-labelledby="agreement-cycle-title" className="minutes-cycle">
      <h2 id="agreement-cycle-title">{t('agreements.cycle.title')}</h2>
      <div className="minutes-cycle__forms">
        {state === 'draft'
          ? step(
              'negotiate',
              <Field
                name="commentsDueAt"
                label={t('agreements.cycle.negotiate.deadline')}
                hint={t('agreements.cycle.negotiate.deadlineHint')}
                type="date"
                reply={reply}
                defaultValue={value('commentsDueAt')}
              />,
            )
          : null}
        {state === 'draft' || state === 'negotiation'
          ? step('freeze', readiness ? <p className="notice notice--info">{translateMessage(t, readiness)}</p> : null)
          : null}
        {state === 'ready_to_sign'
          ? step(
              'reopen',
              <>
                {signaturesCollected > 0 ? (
                  <p className="notice notice--warning">{t('agreements.cycle.reopen.voids', { count: signaturesCollected })}</p>
                ) : null}
                <Field name="reason" label={t('agreements.cycle.reason')} reply={reply} defaultValue={value('reason')} multiline />
              </>,
            )
          : null}
        {state === 'signed'
          ? step(
              'terminate',
              <>
                <Field
                  name="terminatedOn"
                  label={t('agreements.cycle.terminate.day')}
                  type="date"
                  reply={reply}
                  defaultValue={value('terminatedOn') || today}
                />
                <Field name="reason" label={t('agreements.cycle.reason')} reply={reply} defaultValue={value('reason')} multiline />
              </>,
            )
          : null}
        {step(
          'visibility',
          <fieldset>
            <legend>{t('agreements.cycle.visibility.legend')}</legend>
            {(['public', 'members'] as const).map((v) => (
              <label key={v} className="choice">
                <input type="radio" name="visibility" value={v} defaultChecked={visibility === v} /> {t(`agreements.cycle.visibility.${v}`)}
              </label>
            ))}
          </fieldset>,
        )}
      </div>
      <p className="muted">
        <a href={`/agreements/${id}/agreement.pdf`}>{t(state === 'ready_to_sign' ? 'agreements.pdfFrozen' : 'agreements.pdfLink')}</a>
      </p>
    </section>
  )
}

function StepForm({
  intent,
  revision,
  reply,
  children,
}: {
  intent: CycleIntent
  revision: number
  reply?: CycleReply
  children?: ReactNode
}) {
  const t = useT()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent
  const formError = reply && !reply.field ? reply.error : null
  return (
    <Form method="post" className="minutes-cycle__form" aria-labelledby={`step-${intent}`}>
      <h3 id={`step-${intent}`}>{t(`agreements.cycle.${intent}.title`)}</h3>
      <p>{t(`agreements.cycle.${intent}.explain`)}</p>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="revision" value={revision} />
      {children}
      {formError ? (
        <p className="field__error" role="alert">
          {translateMessage(t, formError)}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {t(`agreements.cycle.${intent}.submit`)}
      </button>
    </Form>
  )
}

/** A step's field, its error the reply's when the reply names it. */
function Field({
  name,
  label,
  hint,
  type = 'text',
  multiline = false,
  reply,
  defaultValue,
}: {
  name: string
  label: string
  hint?: string
  type?: string
  multiline?: boolean
  reply?: CycleReply
  defaultValue: string
}) {
  return (
    <PlainField
      id={`${reply?.form ?? 'step'}-${name}-${type}`}
      name={name}
      label={label}
      hint={hint}
      type={type}
      multiline={multiline}
      maxLength={multiline ? 2000 : undefined}
      defaultValue={defaultValue}
      error={reply?.field === name ? reply.error : null}
    />
  )
}
