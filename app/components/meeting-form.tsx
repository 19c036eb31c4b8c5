import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import { MeetingSchema } from '~/schemas/meeting'
import { formatDate } from '~/utils/format'
import { CheckboxField, FormErrors, TextAreaField, TextField } from './forms'

/** What the form starts from: strings as the inputs hold them. */
export type MeetingFormValues = {
  topic?: string
  purpose?: string
  startsAt?: string
  endsAt?: string
  venueName?: string
  venueAddress?: string
  venueRoom?: string
  seriesTitle?: string
  seriesPlannedCount?: string
  isPublic?: boolean
  headcount?: string
}

type Props = {
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: MeetingFormValues
  cancelTo: string
  submitLabel: string
  /** Whether the body is public: a meeting of a private body stays private whatever it says. */
  bodyIsPublic: boolean
  /** The meeting this one follows, when scheduled as its next: what can be copied from it. */
  copyFrom?: CopySource | null
}

export type CopySource = { id: number; number: number; startsAt: string; agendaItems: number; agendaDays: number; guests: number }

export function MeetingForm({ lastResult, defaultValue, cancelTo, submitLabel, bodyIsPublic, copyFrom }: Props) {
  const t = useT()
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <TextField meta={fields.topic} label={t('meetings.topic')} hint={t('meetings.topicHint')} />
      <TextAreaField meta={fields.purpose} label={t('meetings.purpose')} optional />
      <fieldset>
        <legend>{t('meetings.when')}</legend>
        <p className="field__hint">{t('meetings.whenHint')}</p>
        <div className="row">
          <TextField meta={fields.startsAt} type="datetime-local" label={t('meetings.startsAt')} />
          <TextField meta={fields.endsAt} type="datetime-local" label={t('meetings.endsAt')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('meetings.venue')}</legend>
        <TextField meta={fields.venueName} label={t('meetings.venueName')} hint={t('meetings.venueNameHint')} optional />
        <TextField meta={fields.venueAddress} label={t('meetings.venueAddress')} optional autoComplete="street-address" />
        <TextField meta={fields.venueRoom} label={t('meetings.venueRoom')} optional />
      </fieldset>
      <fieldset>
        <legend>{t('meetings.series')}</legend>
        <TextField meta={fields.seriesTitle} label={t('meetings.seriesTitle')} hint={t('meetings.seriesTitleHint')} optional />
        <TextField meta={fields.seriesPlannedCount} type="number" min={1} max={100} label={t('meetings.seriesPlannedCount')} optional />
      </fieldset>
      <CheckboxField
        meta={fields.isPublic}
        label={t('meetings.isPublic')}
        hint={bodyIsPublic ? t('meetings.isPublicHint') : t('meetings.isPublicPrivateBody')}
      />
      <TextField
        meta={fields.headcount}
        type="number"
        min={0}
        label={t('meetings.headcount')}
        hint={t('meetings.headcountHint')}
        optional
      />
      {copyFrom ? <CopyFromPrevious source={copyFrom} /> : null}
      <div className="actions">
        <button type="submit">{submitLabel}</button>
        <Link to={cancelTo}>{t('common.cancel')}</Link>
      </div>
    </Form>
  )
}

/** What „the next meeting” may take over from the one it follows: its agenda and its guests. */
function CopyFromPrevious({ source }: { source: CopySource }) {
  const t = useT()
  const lang = useLang()
  return (
    <fieldset>
      <legend>{t('meetings.copyFrom', { number: source.number, date: formatDate(source.startsAt, lang) })}</legend>
      <input type="hidden" name="from" value={source.id} />
      {source.agendaItems > 0 ? (
        <div className="field">
          <div className="inline-choice">
            <input id="copy-agenda" name="copyAgenda" type="checkbox" defaultChecked aria-describedby="copy-agenda-hint" />
            <label htmlFor="copy-agenda">
              {t(countKey(lang, 'meetings.copyAgenda', source.agendaItems), { count: source.agendaItems })}
            </label>
          </div>
          <p className="field__hint" id="copy-agenda-hint">
            {t('meetings.copyAgendaHint')}{' '}
            {source.agendaDays > 1 ? t(countKey(lang, 'meetings.copyAgendaDays', source.agendaDays), { count: source.agendaDays }) : null}
          </p>
        </div>
      ) : null}
      {source.guests > 0 ? (
        <div className="field">
          <div className="inline-choice">
            <input id="copy-guests" name="copyGuests" type="checkbox" defaultChecked aria-describedby="copy-guests-hint" />
            <label htmlFor="copy-guests">{t(countKey(lang, 'meetings.copyGuests', source.guests), { count: source.guests })}</label>
          </div>
          <p className="field__hint" id="copy-guests-hint">
            {t('meetings.copyGuestsHint')}
          </p>
        </div>
      ) : null}
    </fieldset>
  )
}
