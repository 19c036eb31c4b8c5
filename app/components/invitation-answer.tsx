import { Form } from '@remix-run/react'
import type { InvitationResponse } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import { answers } from '~/schemas/invitation'

/**
 * Tak / Nie / Może as a radio group with its legend: the choices of both answer forms, the
 * signed-in member's on the meeting page and the personal link's.
 */
export function AnswerChoices({ response, idPrefix, error }: { response: InvitationResponse; idPrefix: string; error?: string | null }) {
  const t = useT()
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend>{t('invitations.yourAnswer')}</legend>
      {answers.map((answer) => (
        <div key={answer} className="inline-choice">
          <input type="radio" id={`${idPrefix}-${answer}`} name="response" value={answer} defaultChecked={response === answer} required />
          <label htmlFor={`${idPrefix}-${answer}`}>{t(`invitations.answer.${answer}`)}</label>
        </div>
      ))}
      {error ? (
        <span className="field__error" id={`${idPrefix}-error`}>
          {error}
        </span>
      ) : null}
    </fieldset>
  )
}

/** The invitee's answer on the meeting page: posts to /meetings/:id/answer, which comes back here. */
export function InvitationAnswer({ meetingId, response }: { meetingId: number; response: InvitationResponse }) {
  const t = useT()
  return (
    <Form method="post" action={`/meetings/${meetingId}/answer`} className="stack" aria-labelledby={`answer-${meetingId}-title`}>
      <h2 id={`answer-${meetingId}-title`}>{t('invitations.answerTitle')}</h2>
      <p>
        {t('invitations.currentAnswer')}: <strong>{t(`invitations.answer.${response}`)}</strong>
      </p>
      <AnswerChoices response={response} idPrefix={`answer-${meetingId}`} />
      <div className="actions">
        <button type="submit">{t('invitations.saveAnswer')}</button>
      </div>
    </Form>
  )
}
