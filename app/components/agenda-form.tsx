import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { agendaItemKinds } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import { agendaItemSchema } from '~/schemas/agenda'
import type { PickerState } from '~/utils/picker'
import { Picker } from './combobox'
import { FormErrors, SelectField, TextAreaField, TextField } from './forms'

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

type Props = {
  /** 'add' or 'edit-<itemId>': tells the forms of one page apart. */
  formId: string
  intent: 'add' | 'update'
  itemId?: number
  meetingId: number
  days: DayOption[]
  /** The speakers' and moderator's labels, and a search step's matches without JavaScript. */
  picker: PickerState
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: AgendaFormValues
  submitLabel: string
  cancelTo?: string
}

export function AgendaItemForm({
  formId,
  intent,
  itemId,
  meetingId,
  days,
  picker,
  lastResult,
  defaultValue,
  submitLabel,
  cancelTo,
}: Props) {
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
      <Picker
        meta={fields.speakerIds}
        kind="people"
        scope={{ meeting: meetingId }}
        label={t('agenda.speakers')}
        optional
        multiple
        labels={picker.labels}
        search={picker.search}
      />
      <Picker
        meta={fields.moderatorPersonId}
        kind="people"
        scope={{ meeting: meetingId }}
        label={t('agenda.moderator')}
        optional
        labels={picker.labels}
        search={picker.search}
      />
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
