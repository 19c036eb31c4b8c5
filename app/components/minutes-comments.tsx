import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { FieldError, FormErrors } from '~/components/forms'
import { useLang, useT } from '~/i18n/use-t'
import { ResolveCommentSchema } from '~/schemas/minutes-comment'
import { formatDateTime } from '~/utils/format'

export type CommentView = {
  id: number
  authorName: string
  authorOrganisation: string | null
  body: string
  createdAt: string
  resolution: 'accepted' | 'rejected' | null
  resolutionNote: string | null
  resolvedAt: string | null
  resolvedByName: string | null
}

/** The comments on one part of the minutes: a section, a removed section, or the whole text. */
export type CommentPart = { key: string; sectionId: number | null; title: string; removed: boolean; comments: CommentView[] }

type Props = {
  parts: CommentPart[]
  /** Officers resolve open comments while the text can still change. */
  canResolve: boolean
  /** Members may still add comments: each part links to the form. */
  canComment: boolean
  resultFor: (form: string) => SubmissionResult<string[]> | undefined
}

/** Every part of the minutes in their order, each with its comments and anchor `section-<id>`. */
export function CommentParts({ parts, canResolve, canComment, resultFor }: Props) {
  const t = useT()
  return (
    <>
      {parts.map((part) => (
        <section
          key={part.key}
          id={`section-${part.sectionId ?? part.key}`}
          aria-labelledby={`${part.key}-heading`}
          className="comment-part"
        >
          <h3 id={`${part.key}-heading`}>{part.removed ? t('minutesReview.removedSection', { title: part.title }) : part.title}</h3>
          {part.comments.length === 0 ? <p className="muted">{t('minutesReview.noCommentsPart')}</p> : null}
          {part.comments.length ? (
            <ol className="comments">
              {part.comments.map((comment) => (
                <li key={comment.id}>
                  <CommentCard
                    comment={comment}
                    resolveResult={canResolve ? resultFor(`resolve-${comment.id}`) : undefined}
                    canResolve={canResolve}
                  />
                </li>
              ))}
            </ol>
          ) : null}
          {canComment && !part.removed ? (
            <p>
              <Link to={`?section=${part.sectionId ?? 'whole'}#new`}>
                {t('minutesReview.commentOnPart')}
                <span className="visually-hidden">: {part.title}</span>
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  )
}

function CommentCard({
  comment,
  canResolve,
  resolveResult,
}: {
  comment: CommentView
  canResolve: boolean
  resolveResult?: SubmissionResult<string[]>
}) {
  const t = useT()
  const lang = useLang()
  const when = formatDateTime(comment.createdAt, lang)
  const author = [comment.authorName, comment.authorOrganisation].filter(Boolean).join(', ')
  const state = comment.resolution ?? 'open'
  return (
    <article id={`comment-${comment.id}`} className={`comment comment--${state}`} aria-labelledby={`comment-${comment.id}-heading`}>
      <h4 id={`comment-${comment.id}-heading`}>
        {author} <span className="muted">— {when}</span>
      </h4>
      <p className="comment__text">{comment.body}</p>
      <dl className="details">
        <dt>{t('minutesReview.comment.state')}</dt>
        <dd>
          <span className={`badge comment-state comment-state--${state}`}>{t(`minutesReview.state.${state}`)}</span>
        </dd>
        {comment.resolutionNote ? (
          <>
            <dt>{t('minutesReview.comment.note')}</dt>
            <dd className="comment__text">{comment.resolutionNote}</dd>
          </>
        ) : null}
        {comment.resolvedAt ? (
          <>
            <dt>{t('minutesReview.comment.resolvedBy')}</dt>
            <dd>
              {t('minutesReview.comment.resolvedByWho', {
                when: formatDateTime(comment.resolvedAt, lang),
                name: comment.resolvedByName ?? t('minutesReview.versions.system'),
              })}
            </dd>
          </>
        ) : null}
      </dl>
      {canResolve && !comment.resolution ? (
        <ResolveForm commentId={comment.id} label={t('minutesReview.resolve.formLabel', { author, when })} lastResult={resolveResult} />
      ) : null}
    </article>
  )
}

function ResolveForm({ commentId, label, lastResult }: { commentId: number; label: string; lastResult?: SubmissionResult<string[]> }) {
  const t = useT()
  const [form, fields] = useForm({
    id: `resolve-${commentId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResolveCommentSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const resolution = fields.resolution
  const note = fields.note
  const noteDescribedBy = [`${note.id}-hint`, note.errors?.length ? note.errorId : null].filter(Boolean).join(' ')
  return (
    <Form method="post" {...getFormProps(form)} aria-label={label} className="stack comment-resolve">
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value="resolve" />
      <input type="hidden" name="commentId" value={commentId} />
      <fieldset
        className="radio-row"
        role="radiogroup"
        aria-invalid={resolution.errors?.length ? true : undefined}
        aria-describedby={resolution.errors?.length ? resolution.errorId : undefined}
      >
        <legend>{t('minutesReview.resolve.legend')}</legend>
        {(['accepted', 'rejected'] as const).map((value) => (
          <div className="inline-choice" key={value}>
            <input
              type="radio"
              id={`${resolution.id}-${value}`}
              name={resolution.name}
              value={value}
              required
              defaultChecked={resolution.initialValue === value}
              key={resolution.key}
            />
            <label htmlFor={`${resolution.id}-${value}`}>
              {t(value === 'accepted' ? 'minutesReview.resolve.accept' : 'minutesReview.resolve.reject')}
            </label>
          </div>
        ))}
        <FieldError meta={resolution} />
      </fieldset>
      <div className="field">
        <label htmlFor={note.id}>{t('minutesReview.resolve.note')}</label>
        <span className="field__hint" id={`${note.id}-hint`}>
          {t('minutesReview.resolve.noteHint')}
        </span>
        <textarea
          id={note.id}
          name={note.name}
          rows={3}
          defaultValue={note.initialValue as string | undefined}
          aria-invalid={note.errors?.length ? true : undefined}
          aria-describedby={noteDescribedBy}
          key={note.key}
        />
        <FieldError meta={note} />
      </div>
      <div className="actions">
        <button type="submit" className="button button--secondary">
          {t('minutesReview.resolve.submit')}
        </button>
      </div>
    </Form>
  )
}
