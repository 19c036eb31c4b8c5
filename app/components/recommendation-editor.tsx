import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { z } from 'zod'
import { organisationKinds, type OrganisationKind } from '#db/schema/enums'
import { SavedNow, StaleAlert } from '~/components/document-stale'
import { RecommendationAutosave } from '~/components/recommendation-autosave'
import { FieldError, FormErrors } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { RecommendationEditorSchema } from '~/schemas/recommendation-editor'
import {
  chapterNumber,
  itemNumber,
  structureIntent,
  type EditorValues,
  type StaleInfo,
  type StructureChange,
} from '~/utils/recommendation-editor'

type Meta = FieldMetadata<string | string[] | undefined>

const HINT_ID = 'recommendation-format-hint'

const StructureSubmission = z.object({ intent: z.string() })
const isStructureIntent = (intent: FormDataEntryValue | null) => typeof intent === 'string' && intent.startsWith('structure.')

type Props = {
  recId: number
  revision: number
  defaultValue: EditorValues
  lastResult?: SubmissionResult<string[]>
  stale?: StaleInfo
  /** The saved text reduced by recommendationDraftKey: a draft kept in the browser equal to it is forgotten. */
  savedKey: string
}

/**
 * The officers' editor of a recommendation document: its header, its chapters and their
 * numbered items. Adding, removing and moving parts are submit buttons (`intent=structure.…`)
 * that send the form back changed and save nothing, so the editor works without JavaScript.
 */
export function RecommendationEditor({ recId, revision, defaultValue, lastResult, stale, savedKey }: Props) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'recommendation-editor',
    lastResult,
    defaultValue: defaultValue as never,
    // A structure button sends the form back to be changed, not saved: conform validates every
    // submission whatever formNoValidate says, so the save's rules are not asked of it.
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: isStructureIntent(formData.get('intent')) ? StructureSubmission : RecommendationEditorSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const chapters = fields.chapters.getFieldList()
  return (
    <section aria-labelledby="recommendation-editor-title" className="minutes-editor">
      <h2 id="recommendation-editor-title">{t('recommendationEditor.title')}</h2>
      {stale ? (
        <StaleAlert
          title={t('recommendationEditor.stale.title')}
          savedBy={stale.savedBy}
          savedAt={stale.savedAt}
          merge={
            Object.keys(stale.fields).length || stale.removed.length || stale.added.length ? t('recommendationEditor.stale.merge') : null
          }
        />
      ) : null}
      <RecommendationAutosave recId={recId} formId={form.id} savedKey={savedKey} />
      <Form method="post" {...getFormProps(form)} className="minutes-editor__form">
        <FormErrors errors={form.errors} show={lastResult?.status === 'error' && !stale} />
        <input type="hidden" name="revision" value={revision} />
        {/* First in the form: the button Enter in a field presses. */}
        <div className="actions">
          <button type="submit" name="intent" value="save">
            {t('recommendationEditor.save')}
          </button>
        </div>
        <fieldset>
          <legend>{t('recommendationEditor.header')}</legend>
          <Field meta={fields.title} label={t('recommendationEditor.field.title')} required saved={stale?.fields.title} />
          <Field
            meta={fields.summary}
            label={t('recommendationEditor.field.summary')}
            multiline
            describedBy={HINT_ID}
            saved={stale?.fields.summary}
          />
          <Kinds meta={fields.addresseeKinds} legend={t('recommendations.field.addressees')} saved={stale?.fields.addresseeKinds} />
        </fieldset>
        <p className="field__hint minutes-editor__hint" id={HINT_ID}>
          {t('minutes.formatHint')}
        </p>
        <FieldError meta={fields.chapters} />
        {chapters.map((row, ci) => {
          const chapter = row.getFieldset()
          const items = chapter.items.getFieldList()
          const n = chapterNumber(ci)
          const name = `chapters[${ci}]`
          const title = (chapter.title.initialValue as string | undefined) || t('recommendationEditor.untitled')
          return (
            <fieldset key={row.key} className="minutes-editor__section" id={`edit-chapter-${ci + 1}`}>
              <legend>{t('recommendationEditor.chapterN', { n, title })}</legend>
              <PartNotice stale={stale} name={name} />
              {chapter.id.initialValue ? <input type="hidden" name={chapter.id.name} value={chapter.id.initialValue as string} /> : null}
              <Field
                meta={chapter.title}
                label={t('recommendationEditor.field.chapterTitle', { n })}
                required
                saved={stale?.fields[`${name}.title`]}
              />
              <Field
                meta={chapter.body}
                label={t('recommendationEditor.field.chapterBody', { n })}
                multiline
                describedBy={HINT_ID}
                saved={stale?.fields[`${name}.body`]}
              />
              <Structure
                label={t('recommendationEditor.chapterActions', { n })}
                first={ci === 0}
                last={ci === chapters.length - 1}
                up={{ change: 'chapterUp', chapter: ci }}
                down={{ change: 'chapterDown', chapter: ci }}
                remove={{ change: 'removeChapter', chapter: ci }}
                what={t('recommendationEditor.chapterWord', { n })}
              />
              {items.map((itemRow, ii) => {
                const item = itemRow.getFieldset()
                const m = itemNumber(ci, ii)
                const itemName = `${name}.items[${ii}]`
                return (
                  <fieldset key={itemRow.key} className="recommendation-editor__item" id={`edit-item-${ci + 1}-${ii + 1}`}>
                    <legend>
                      {t('recommendationEditor.itemN', {
                        n: m,
                        title: (item.title.initialValue as string | undefined) || t('recommendationEditor.untitled'),
                      })}
                    </legend>
                    <PartNotice stale={stale} name={itemName} />
                    {item.id.initialValue ? <input type="hidden" name={item.id.name} value={item.id.initialValue as string} /> : null}
                    <Field
                      meta={item.title}
                      label={t('recommendationEditor.field.itemTitle', { n: m })}
                      required
                      saved={stale?.fields[`${itemName}.title`]}
                    />
                    <Field
                      meta={item.body}
                      label={t('recommendationEditor.field.itemBody', { n: m })}
                      required
                      multiline
                      describedBy={HINT_ID}
                      saved={stale?.fields[`${itemName}.body`]}
                    />
                    <Kinds
                      meta={item.addresseeKinds}
                      legend={t('recommendationEditor.field.itemAddressees', { n: m })}
                      hint={t('recommendationEditor.field.itemAddresseesHint')}
                      saved={stale?.fields[`${itemName}.addresseeKinds`]}
                    />
                    <Field
                      meta={item.timeFrame}
                      label={t('recommendationEditor.field.timeFrame', { n: m })}
                      hint={t('recommendationEditor.field.timeFrameHint')}
                      saved={stale?.fields[`${itemName}.timeFrame`]}
                    />
                    <Structure
                      label={t('recommendationEditor.itemActions', { n: m })}
                      first={ii === 0}
                      last={ii === items.length - 1}
                      up={{ change: 'itemUp', chapter: ci, item: ii }}
                      down={{ change: 'itemDown', chapter: ci, item: ii }}
                      remove={{ change: 'removeItem', chapter: ci, item: ii }}
                      what={t('recommendationEditor.itemWord', { n: m })}
                    />
                  </fieldset>
                )
              })}
              <p>
                <StructureButton change={{ change: 'addItem', chapter: ci }}>{t('recommendationEditor.addItem', { n })}</StructureButton>
              </p>
            </fieldset>
          )
        })}
        {stale?.added.length ? <p className="notice notice--info">{t('recommendationEditor.stale.addedKept')}</p> : null}
        <div className="actions">
          <StructureButton change={{ change: 'addChapter' }}>{t('recommendationEditor.addChapter')}</StructureButton>
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="save">
            {t('recommendationEditor.save')}
          </button>
          <Link to={`/recommendations/${recId}`}>{t('recommendationEditor.leave')}</Link>
        </div>
      </Form>
    </section>
  )
}

/** A button that changes the form's structure: never validated, never saved. */
function StructureButton({ change, children }: { change: StructureChange; children: React.ReactNode }) {
  return (
    <button type="submit" name="intent" value={structureIntent(change)} formNoValidate className="button--secondary">
      {children}
    </button>
  )
}

function Structure({
  label,
  first,
  last,
  up,
  down,
  remove,
  what,
}: {
  label: string
  first: boolean
  last: boolean
  up: StructureChange
  down: StructureChange
  remove: StructureChange
  what: string
}) {
  const t = useT()
  const hidden = (text: string) => <span className="visually-hidden"> {text}</span>
  return (
    <div className="actions" role="group" aria-label={label}>
      {first ? null : (
        <StructureButton change={up}>
          {t('recommendationEditor.moveUp')}
          {hidden(what)}
        </StructureButton>
      )}
      {last ? null : (
        <StructureButton change={down}>
          {t('recommendationEditor.moveDown')}
          {hidden(what)}
        </StructureButton>
      )}
      <StructureButton change={remove}>
        {t('recommendationEditor.remove')}
        {hidden(what)}
      </StructureButton>
    </div>
  )
}

function PartNotice({ stale, name }: { stale?: StaleInfo; name: string }) {
  const t = useT()
  if (stale?.added.includes(name)) return <p className="notice notice--info">{t('recommendationEditor.stale.partAdded')}</p>
  if (stale?.removed.includes(name)) return <p className="notice notice--info">{t('recommendationEditor.stale.partRemoved')}</p>
  return null
}

/** A labelled input or textarea with its error and, after a stale save, what is saved now. */
function Field({
  meta,
  label,
  hint,
  required,
  multiline,
  describedBy,
  saved,
}: {
  meta: Meta
  label: string
  hint?: string
  required?: boolean
  multiline?: boolean
  describedBy?: string
  saved?: string
}) {
  const t = useT()
  const invalid = !!meta.errors?.length
  const savedId = `${meta.id}-saved`
  const hintId = `${meta.id}-hint`
  const props = {
    id: meta.id,
    name: meta.name,
    defaultValue: meta.initialValue as string | undefined,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
    'aria-describedby':
      [hint ? hintId : null, describedBy, invalid ? meta.errorId : null, saved !== undefined ? savedId : null].filter(Boolean).join(' ') ||
      undefined,
  }
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {multiline ? <textarea {...props} rows={6} key={meta.key} /> : <input {...props} type="text" key={meta.key} />}
      <FieldError meta={meta} />
      {saved !== undefined ? (
        <SavedNow id={savedId} label={t('document.stale.savedNow')}>
          {saved || '—'}
        </SavedNow>
      ) : null}
    </div>
  )
}

/** Institution kinds as checkboxes in a fieldset, with their error and the kinds saved now. */
function Kinds({ meta, legend, hint, saved }: { meta: Meta; legend: string; hint?: string; saved?: string }) {
  const t = useT()
  const chosen = new Set(([] as string[]).concat((meta.initialValue as string[] | string | undefined) ?? []))
  const invalid = !!meta.errors?.length
  const describedBy = [hint ? `${meta.id}-hint` : null, invalid ? meta.errorId : null, saved !== undefined ? `${meta.id}-saved` : null]
    .filter(Boolean)
    .join(' ')
  return (
    <fieldset className="checkbox-group" aria-invalid={invalid || undefined} aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="field__hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      {organisationKinds.map((kind: OrganisationKind) => (
        <div className="inline-choice" key={kind}>
          <input
            type="checkbox"
            id={`${meta.id}-${kind}`}
            name={meta.name}
            value={kind}
            defaultChecked={chosen.has(kind)}
            key={`${meta.key}-${kind}`}
          />
          <label htmlFor={`${meta.id}-${kind}`}>{t(`kind.${kind}`)}</label>
        </div>
      ))}
      <FieldError meta={meta} />
      {saved !== undefined ? (
        <SavedNow id={`${meta.id}-saved`} label={t('document.stale.savedNow')}>
          {saved || '—'}
        </SavedNow>
      ) : null}
    </fieldset>
  )
}
