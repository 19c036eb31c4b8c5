import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { MinutesState } from '#db/schema/enums'
import { can } from '~/auth/permissions'
import { FormErrors, TextField } from '~/components/forms'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import type { loader as rootLoader } from '~/root'
import { ApproveSchema, CirculateSchema, PublishSchema, ReopenSchema } from '~/schemas/minutes'

export type CycleForm = 'circulate' | 'approve' | 'publish' | 'reopen'
type Results = Partial<Record<CycleForm, SubmissionResult<string[]>>>

/** Whom circulating would e-mail: how many, and by name the people of the team it cannot. */
export type CirculationRecipients = { mailed: number; withoutEmail: { id: number; name: string; organisation: string }[] }

type CycleProps = {
  state: MinutesState
  recipients: CirculationRecipients | null
  revision: number
  defaults: { commentsDueAt: string; approvedOn: string }
  publicAllowed: boolean
  results: Results
}

/** The officer's next steps for the minutes: each a small form of its own, saying what it does. */
export function MinutesCycle({ state, recipients, revision, defaults, publicAllowed, results }: CycleProps) {
  const t = useT()
  const editable = state === 'draft' || state === 'circulated'
  return (
    <section aria-labelledby="minutes-cycle-title" className="minutes-cycle">
      <h2 id="minutes-cycle-title">{t('minutes.cycle.title')}</h2>
      {state === 'published' ? <p>{t('minutes.cycle.publishedFinal')}</p> : null}
      <div className="minutes-cycle__forms">
        {state === 'draft' ? (
          <CycleStep
            form="circulate"
            revision={revision}
            result={results.circulate}
            schema={CirculateSchema}
            defaultValue={{ commentsDueAt: defaults.commentsDueAt }}
          >
            {(fields) => (
              <>
                <TextField
                  meta={fields.commentsDueAt!}
                  type="datetime-local"
                  label={t('minutes.cycle.commentsDueAt')}
                  hint={t('minutes.cycle.commentsDueAtHint')}
                />
                {recipients ? <WithoutEmail recipients={recipients} /> : null}
              </>
            )}
          </CycleStep>
        ) : null}
        {editable ? (
          <CycleStep
            form="approve"
            revision={revision}
            result={results.approve}
            schema={ApproveSchema}
            defaultValue={{ approvedBy: t('minutes.cycle.approvedByDefault'), approvedOn: defaults.approvedOn }}
          >
            {(fields) => (
              <>
                <TextField meta={fields.approvedBy!} label={t('minutes.cycle.approvedBy')} hint={t('minutes.cycle.approvedByHint')} />
                <TextField meta={fields.approvedOn!} type="date" label={t('minutes.cycle.approvedOn')} />
              </>
            )}
          </CycleStep>
        ) : null}
        {state === 'approved' ? (
          <CycleStep
            form="publish"
            revision={revision}
            result={results.publish}
            schema={PublishSchema}
            defaultValue={{ visibility: publicAllowed ? 'public' : 'members' }}
          >
            {(fields) => <VisibilityChoice meta={fields.visibility!} publicAllowed={publicAllowed} />}
          </CycleStep>
        ) : null}
        {state === 'circulated' || state === 'approved' ? (
          <CycleStep form="reopen" revision={revision} result={results.reopen} schema={ReopenSchema} defaultValue={{}} />
        ) : null}
      </div>
    </section>
  )
}

type Meta = Parameters<typeof TextField>[0]['meta']

/** Before circulating: the people of the team who will not be e-mailed, with a link to add their address. */
function WithoutEmail({ recipients: { mailed, withoutEmail } }: { recipients: CirculationRecipients }) {
  const t = useT()
  const lang = useLang()
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user
  if (mailed === 0) return <p className="notice">{t('minutes.cycle.circulate.nobodyMailed')}</p>
  if (withoutEmail.length === 0) return null
  return (
    <div className="notice" id="minutes-without-email">
      <p>{t(countKey(lang, 'minutes.cycle.circulate.withoutEmail', withoutEmail.length), { count: withoutEmail.length })}</p>
      <ul>
        {withoutEmail.map((person) => (
          <li key={person.id}>
            {can(user, 'directory.edit') ? <Link to={`/people/${person.id}/edit`}>{person.name}</Link> : person.name}
            {` (${person.organisation})`}
          </li>
        ))}
      </ul>
    </div>
  )
}

type StepProps = {
  form: CycleForm
  revision: number
  result?: SubmissionResult<string[]>
  schema: Parameters<typeof parseWithZod>[1]['schema']
  defaultValue: Record<string, string>
  children?: (fields: Record<string, Meta>) => ReactNode
}

function CycleStep({ form: name, revision, result, schema, defaultValue, children }: StepProps) {
  const t = useT()
  const [form, fields] = useForm({
    id: `minutes-${name}`,
    lastResult: result,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
  })
  const headingId = `minutes-${name}-title`
  return (
    <section aria-labelledby={headingId} className="minutes-cycle__step">
      <h3 id={headingId}>{t(`minutes.cycle.${name}.title`)}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} show={result?.status === 'error'} />
        <input type="hidden" name="intent" value={name} />
        <input type="hidden" name="revision" value={revision} />
        {children?.(fields as unknown as Record<string, Meta>)}
        <p>{t(`minutes.cycle.${name}.confirm`)}</p>
        <div className="actions">
          <button type="submit" className={name === 'reopen' ? 'button--secondary' : undefined}>
            {t(`minutes.cycle.${name}.submit`)}
          </button>
        </div>
      </Form>
    </section>
  )
}

function VisibilityChoice({ meta, publicAllowed }: { meta: Meta; publicAllowed: boolean }) {
  const t = useT()
  const options = publicAllowed ? (['public', 'members'] as const) : (['members'] as const)
  const errorId = meta.errors?.length ? meta.errorId : undefined
  return (
    <fieldset className="minutes-cycle__visibility" aria-describedby={errorId}>
      <legend>{t('minutes.cycle.visibility')}</legend>
      {options.map((value) => (
        <div className="inline-choice" key={value}>
          <input type="radio" id={`${meta.id}-${value}`} name={meta.name} value={value} defaultChecked={meta.initialValue === value} />
          <label htmlFor={`${meta.id}-${value}`}>{t(`minutes.cycle.visibility.${value}`)}</label>
        </div>
      ))}
      {publicAllowed ? null : <p className="field__hint">{t('minutes.cycle.publicNotAllowed')}</p>}
      {errorId ? (
        <span className="field__error" id={errorId}>
          {t('minutes.error.visibility')}
        </span>
      ) : null}
    </fieldset>
  )
}
