import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { RecommendationState } from '#db/schema/enums'
import { can } from '~/auth/permissions'
import { FieldError, FormErrors, SelectField, TextAreaField, TextField, type FieldMeta } from '~/components/forms'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import type { loader as rootLoader } from '~/root'
import { cycleSchemas, type CycleStep } from '~/schemas/recommendation-cycle'
import { formatDay } from '~/utils/format'

export type ConsultationRecipients = { mailed: number; withoutEmail: { id: number; name: string; organisation: string }[] }
export type AdoptionMeeting = { id: number; number: number; startsAt: string; topic: string }
type Results = Partial<Record<CycleStep, SubmissionResult<string[]>>>

type CycleProps = {
  state: RecommendationState
  revision: number
  recipients: ConsultationRecipients | null
  meetings: AdoptionMeeting[]
  defaults: { commentsDueAt: string }
  results: Results
}

/** The steps an officer may take next, each a form of its own saying what it does. */
export function RecommendationCycle({ state, revision, recipients, meetings, defaults, results }: CycleProps) {
  const t = useT()
  const lang = useLang()
  const step = (name: CycleStep, defaultValue: Record<string, string>, fields?: (f: Record<string, FieldMeta>) => ReactNode) => (
    <CycleForm name={name} revision={revision} result={results[name]} defaultValue={defaultValue}>
      {fields}
    </CycleForm>
  )
  return (
    <section aria-labelledby="recommendation-cycle-title" className="minutes-cycle">
      <h2 id="recommendation-cycle-title">{t('recommendations.cycle.title')}</h2>
      {state === 'published' ? <p>{t('recommendations.cycle.finalPublished')}</p> : null}
      {state === 'withdrawn' ? <p>{t('recommendations.cycle.finalWithdrawn')}</p> : null}
      <div className="minutes-cycle__forms">
        {state === 'drafting'
          ? step('consult', { commentsDueAt: defaults.commentsDueAt }, (f) => (
              <>
                <TextField
                  meta={f.commentsDueAt!}
                  type="datetime-local"
                  label={t('recommendations.cycle.consult.deadline')}
                  hint={t('recommendations.cycle.consult.deadlineHint')}
                />
                {recipients ? <Recipients recipients={recipients} /> : null}
              </>
            ))
          : null}
        {state === 'drafting' || state === 'consultation'
          ? step('adopt', {}, (f) =>
              meetings.length ? (
                <SelectField
                  meta={f.meetingId!}
                  label={t('recommendations.cycle.adopt.meeting')}
                  placeholder={t('recommendations.cycle.adopt.meetingNone')}
                  options={meetings.map((m) => ({
                    value: String(m.id),
                    label: t('recommendations.cycle.adopt.meetingOption', {
                      number: m.number,
                      date: formatDay(m.startsAt.slice(0, 10), lang),
                      topic: m.topic,
                    }),
                  }))}
                />
              ) : (
                <p className="notice notice--info">{t('recommendations.cycle.adopt.noMeetings')}</p>
              ),
            )
          : null}
        {state === 'adopted' ? step('publish', { visibility: 'public' }, (f) => <VisibilityChoice meta={f.visibility!} />) : null}
        {state === 'consultation' || state === 'adopted' ? step('return', {}) : null}
        {state === 'published'
          ? step('withdraw', {}, (f) => (
              <TextAreaField
                meta={f.reason!}
                label={t('recommendations.cycle.withdraw.reason')}
                hint={t('recommendations.cycle.withdraw.reasonHint')}
                rows={3}
              />
            ))
          : null}
      </div>
    </section>
  )
}

/** Before the consultation: how many will be e-mailed, and by name the people of the team who will not. */
function Recipients({ recipients: { mailed, withoutEmail } }: { recipients: ConsultationRecipients }) {
  const t = useT()
  const lang = useLang()
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user
  if (mailed === 0) return <p className="notice notice--info">{t('recommendations.cycle.consult.nobody')}</p>
  return (
    <div className="notice notice--info" id="recommendation-recipients">
      <p>{t(countKey(lang, 'recommendations.cycle.consult.mailed', mailed), { count: mailed })}</p>
      {withoutEmail.length ? (
        <>
          <p>{t(countKey(lang, 'recommendations.cycle.consult.withoutEmail', withoutEmail.length), { count: withoutEmail.length })}</p>
          <ul>
            {withoutEmail.map((person) => (
              <li key={person.id}>
                {can(user, 'directory.edit') ? <Link to={`/people/${person.id}/edit`}>{person.name}</Link> : person.name}
                {` (${person.organisation})`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}

function CycleForm({
  name,
  revision,
  result,
  defaultValue,
  children,
}: {
  name: CycleStep
  revision: number
  result?: SubmissionResult<string[]>
  defaultValue: Record<string, string>
  children?: (fields: Record<string, FieldMeta>) => ReactNode
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: `recommendation-${name}`,
    lastResult: result,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cycleSchemas[name] }),
    shouldValidate: 'onBlur',
  })
  const headingId = `recommendation-${name}-title`
  return (
    <section aria-labelledby={headingId} className="minutes-cycle__step">
      <h3 id={headingId}>{t(`recommendations.cycle.${name}.title`)}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} show={result?.status === 'error'} />
        <input type="hidden" name="intent" value={name} />
        <input type="hidden" name="revision" value={revision} />
        {children?.(fields as unknown as Record<string, FieldMeta>)}
        <p>{t(`recommendations.cycle.${name}.confirm`)}</p>
        <div className="actions">
          <button type="submit" className={name === 'return' || name === 'withdraw' ? 'button--secondary' : undefined}>
            {t(`recommendations.cycle.${name}.submit`)}
          </button>
        </div>
      </Form>
    </section>
  )
}

function VisibilityChoice({ meta }: { meta: FieldMeta }) {
  const t = useT()
  const invalid = !!meta.errors?.length
  return (
    <fieldset aria-describedby={invalid ? meta.errorId : undefined}>
      <legend>{t('recommendations.cycle.publish.visibility')}</legend>
      {(['public', 'members'] as const).map((value) => (
        <div className="inline-choice" key={value}>
          <input type="radio" id={`${meta.id}-${value}`} name={meta.name} value={value} defaultChecked={meta.initialValue === value} />
          <label htmlFor={`${meta.id}-${value}`}>{t(`minutes.visibility.${value}`)}</label>
        </div>
      ))}
      <FieldError meta={meta} />
    </fieldset>
  )
}
