import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { FieldError, FormErrors } from '~/components/forms'
import { MinutesAutosave } from '~/components/minutes-autosave'
import { MinutesParticipantsTable } from '~/components/minutes-participants'
import { SavedNow, StaleAlert } from '~/components/document-stale'
import { useT } from '~/i18n/use-t'
import { MinutesSchema, type MinutesFormValue } from '~/schemas/minutes'

type Text = string | undefined
export type EditorValues = {
  topic?: Text
  place?: Text
  preparedBy?: Text
  participants: { organisation?: Text; name?: Text; role?: Text; remove?: Text }[]
  sections: { id?: Text; title?: Text; body?: Text; remove?: Text }[]
}

/** What is saved now where it differs from a stale save's text: shown beside the writer's own. */
export type StaleInfo = {
  savedBy: string | null
  savedAt: string
  header: Partial<Record<'topic' | 'place' | 'preparedBy', string>>
  participants: string[] | null
  sections: Record<string, { title: string; body: string } | 'removed'>
  added: string[]
}

type EditorProps = {
  meetingId: number
  revision: number
  defaultValue: EditorValues
  lastResult?: SubmissionResult<string[]>
  stale?: StaleInfo
  savedKey: string
}

const HINT_ID = 'minutes-format-hint'

export function MinutesEditor({ meetingId, revision, defaultValue, lastResult, stale, savedKey }: EditorProps) {
  const t = useT()
  const [form, fields] = useForm<MinutesFormValue>({
    id: 'minutes-editor',
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MinutesSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const header = fields as unknown as Record<'topic' | 'place' | 'preparedBy', FieldMetadata<string>>
  return (
    <section aria-labelledby="minutes-editor-title" className="minutes-editor">
      <h2 id="minutes-editor-title">{t('minutes.editTitle')}</h2>
      {stale ? (
        <StaleAlert
          title={t('minutes.stale.title')}
          savedBy={stale.savedBy}
          savedAt={stale.savedAt}
          merge={
            Object.keys(stale.sections).length + stale.added.length || stale.participants || Object.keys(stale.header).length
              ? t('minutes.stale.merge')
              : null
          }
        />
      ) : null}
      <MinutesAutosave meetingId={meetingId} formId={form.id} savedKey={savedKey} />
      <Form method="post" {...getFormProps(form)} className="minutes-editor__form">
        <FormErrors errors={form.errors} show={lastResult?.status === 'error' && !stale} />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="revision" value={revision} />
        <fieldset>
          <legend>{t('minutes.headerFields')}</legend>
          {(['topic', 'place', 'preparedBy'] as const).map((name) => (
            <Field
              key={name}
              meta={header[name]}
              label={t(`minutes.field.${name}`)}
              required={name === 'topic'}
              saved={stale?.header[name]}
            />
          ))}
        </fieldset>
        <MinutesParticipantsTable rows={fields.participants.getFieldList()} savedNow={stale?.participants ?? null} />
        <p className="field__hint minutes-editor__hint" id={HINT_ID}>
          {t('minutes.formatHint')}
        </p>
        {fields.sections.getFieldList().map((row, i) => {
          const section = row.getFieldset()
          const id = section.id.initialValue as Text
          const title = (section.title.initialValue as Text) || t('minutes.sectionUntitled')
          const n = i + 1
          return (
            <fieldset key={row.key} id={id ? `edit-section-${id}` : undefined} className="minutes-editor__section">
              <legend>{id ? t('minutes.sectionN', { n, title }) : t('minutes.newSectionN', { n })}</legend>
              {id ? <input type="hidden" name={section.id.name} value={id} /> : null}
              <Field meta={section.title} label={t('minutes.field.sectionTitleN', { n })} required={!!id} />
              <Field meta={section.body} label={t('minutes.field.sectionBodyN', { n })} multiline describedBy={HINT_ID} />
              {id && stale ? <SectionConflict conflict={stale.sections[id]} added={stale.added.includes(id)} /> : null}
              {id ? (
                <div className="inline-choice">
                  <input
                    type="checkbox"
                    id={section.remove.id}
                    name={section.remove.name}
                    defaultChecked={section.remove.initialValue === 'on'}
                    key={section.remove.key}
                  />
                  <label htmlFor={section.remove.id}>{t('minutes.removeSectionN', { n })}</label>
                </div>
              ) : null}
            </fieldset>
          )
        })}
        <div className="actions">
          <button type="submit">{t('minutes.save')}</button>
          <Link to={`/meetings/${meetingId}/minutes`}>{t('minutes.leaveEditor')}</Link>
        </div>
      </Form>
    </section>
  )
}

type FieldProps = {
  meta: FieldMetadata<string | undefined>
  label: string
  required?: boolean
  multiline?: boolean
  describedBy?: string
  saved?: string
}

/** A labelled input or textarea with its error and, after a stale save, what is saved now. */
function Field({ meta, label, required, multiline, describedBy, saved }: FieldProps) {
  const t = useT()
  const invalid = !!meta.errors?.length
  const savedId = `${meta.id}-saved`
  const props = {
    id: meta.id,
    name: meta.name,
    defaultValue: meta.initialValue as Text,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
    'aria-describedby':
      [describedBy, invalid ? meta.errorId : null, saved !== undefined ? savedId : null].filter(Boolean).join(' ') || undefined,
  }
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {multiline ? <textarea {...props} rows={8} key={meta.key} /> : <input {...props} type="text" key={meta.key} />}
      <FieldError meta={meta} />
      {saved !== undefined ? (
        <SavedNow id={savedId} label={t('document.stale.savedNow')}>
          {saved || '—'}
        </SavedNow>
      ) : null}
    </div>
  )
}

function SectionConflict({ conflict, added }: { conflict: StaleInfo['sections'][string] | undefined; added: boolean }) {
  const t = useT()
  if (added) return <p className="notice notice--info">{t('minutes.stale.sectionAdded')}</p>
  if (!conflict) return null
  if (conflict === 'removed') return <p className="notice notice--info">{t('minutes.stale.sectionRemoved')}</p>
  return (
    <SavedNow label={t('minutes.stale.sectionSavedNow')}>
      <strong>{conflict.title}</strong>
      {'\n'}
      {conflict.body || '—'}
    </SavedNow>
  )
}
