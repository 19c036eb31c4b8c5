import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { useState } from 'react'
import { agendaItemKinds } from '#db/schema/enums'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { agendaItemSchema } from '~/schemas/agenda'
import { type FieldMeta, FormErrors, SelectField, TextAreaField, TextField, useHydrated } from './forms'

export type PersonOption = { id: number; name: string; organisationName: string }
/** A meeting day: '2012-05-14', „Dzień 1 — 14 maja 2012 r.”, „14 maja 2012 r.” */
export type DayOption = { value: string; label: string; date: string }

/** What the form starts from, as the inputs hold it. */
export type AgendaFormValues = {
  day?: string
  startTime?: string
  endTime?: string
  kind?: string
  title?: string
  description?: string
  speakerIds?: string[]
  moderatorPersonId?: string
  track?: string
}

type Meta = FieldMeta

/** People grouped by institution, the way an officer looks for them. */
function PeopleOptions({ people }: { people: PersonOption[] }) {
  const groups = new Map<string, PersonOption[]>()
  for (const person of people) groups.set(person.organisationName, [...(groups.get(person.organisationName) ?? []), person])
  return (
    <>
      {[...groups].map(([organisation, members]) => (
        <optgroup key={organisation} label={organisation}>
          {members.map((person) => (
            <option key={person.id} value={String(person.id)}>
              {person.name} — {organisation}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  )
}

function initialList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list.map((v) => (v === undefined || v === null ? '' : String(v)))
}

/**
 * Speakers as a row of selects, one person each: without JavaScript the form always has two
 * empty ones to spare; with it, „Dodaj kolejnego prelegenta” adds more.
 */
function SpeakerSelects({ meta, people, formId }: { meta: Meta; people: PersonOption[]; formId: string }) {
  const t = useT()
  const hydrated = useHydrated()
  const chosen = initialList(meta.initialValue).filter(Boolean)
  const [slots, setSlots] = useState(Math.max(3, chosen.length + 2))
  const errors = Object.values((meta.allErrors ?? {}) as Record<string, string[]>).flat()
  const errorId = `${formId}-speakers-error`
  return (
    <fieldset aria-describedby={errors.length ? errorId : undefined}>
      <legend>
        {t('agenda.speakers')} <span className="muted">{t('common.optional')}</span>
      </legend>
      <p className="field__hint">{t('agenda.speakersHint')}</p>
      {Array.from({ length: slots }, (_, index) => (
        <div className="field" key={`${meta.key ?? ''}-${index}`}>
          <label htmlFor={`${formId}-speaker-${index}`}>{t('agenda.speakerN', { n: index + 1 })}</label>
          <select
            id={`${formId}-speaker-${index}`}
            name={meta.name}
            defaultValue={chosen[index] ?? ''}
            aria-invalid={errors.length && chosen[index] ? true : undefined}
            aria-describedby={errors.length ? errorId : undefined}
          >
            <option value="">{t('agenda.noSpeaker')}</option>
            <PeopleOptions people={people} />
          </select>
        </div>
      ))}
      {errors.length ? (
        <span className="field__error" id={errorId}>
          {translateMessage(t, errors[0]!)}
        </span>
      ) : null}
      {hydrated ? (
        <div>
          <button type="button" className="button--secondary" onClick={() => setSlots((n) => n + 1)}>
            {t('agenda.moreSpeakers')}
          </button>
        </div>
      ) : null}
    </fieldset>
  )
}

function ModeratorSelect({ meta, people }: { meta: Meta; people: PersonOption[] }) {
  const t = useT()
  const error = meta.errors?.[0]
  return (
    <div className="field">
      <label htmlFor={meta.id}>
        {t('agenda.moderator')}
        <span className="muted"> {t('common.optional')}</span>
      </label>
      <select
        id={meta.id}
        name={meta.name}
        defaultValue={(meta.initialValue as string | undefined) ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? meta.errorId : undefined}
        key={meta.key}
      >
        <option value="">{t('agenda.noModerator')}</option>
        <PeopleOptions people={people} />
      </select>
      {error ? (
        <span className="field__error" id={meta.errorId}>
          {translateMessage(t, error)}
        </span>
      ) : null}
    </div>
  )
}

type Props = {
  /** 'add' or 'edit-<itemId>': tells the forms of one page apart. */
  formId: string
  intent: 'add' | 'update'
  itemId?: number
  days: DayOption[]
  people: PersonOption[]
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: AgendaFormValues
  submitLabel: string
  cancelTo?: string
}

export function AgendaItemForm({ formId, intent, itemId, days, people, lastResult, defaultValue, submitLabel, cancelTo }: Props) {
  const t = useT()
  const schema = agendaItemSchema(days.map((day) => day.value))
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" className="stack agenda-form" {...getFormProps(form)}>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value={intent} />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      <SelectField meta={fields.day} label={t('agenda.day')} placeholder={t('agenda.chooseDay')} options={days} />
      <div className="row">
        <TextField meta={fields.startTime} type="time" label={t('agenda.startTime')} optional />
        <TextField meta={fields.endTime} type="time" label={t('agenda.endTime')} optional />
      </div>
      <SelectField
        meta={fields.kind}
        label={t('agenda.kind')}
        placeholder={t('agenda.chooseKind')}
        options={agendaItemKinds.map((kind) => ({ value: kind, label: t(`agenda.kind.${kind}`) }))}
      />
      <TextField meta={fields.title} label={t('agenda.title')} />
      <TextAreaField meta={fields.description} label={t('agenda.description')} optional rows={3} />
      <SpeakerSelects meta={fields.speakerIds} people={people} formId={formId} />
      <ModeratorSelect meta={fields.moderatorPersonId} people={people} />
      <TextField meta={fields.track} label={t('agenda.track')} hint={t('agenda.trackHint')} optional />
      <p className="field__hint">
        {t('agenda.personMissing')} <Link to="/organisations">{t('agenda.personMissingLink')}</Link>
      </p>
      <div className="actions">
        <button type="submit">{submitLabel}</button>
        {cancelTo ? <Link to={cancelTo}>{t('common.cancel')}</Link> : null}
      </div>
    </Form>
  )
}
