import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { FieldError, FormErrors, TextAreaField, type Option } from '~/components/forms'
import { translateMessage } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import { formatDateTime } from '~/utils/format'

export type { CommentPart, CommentView } from '~/models/document/comments.server'
import type { CommentPart, CommentView } from '~/models/document/comments.server'

/** A zod schema a comment form validates with in the browser; the route parses with the same. */
type FormSchema = Parameters<typeof parseWithZod>[1]['schema']

/** The value of „the whole text” in a comment's part select. */
export const WHOLE_TEXT = 'whole'

type Props = {
  parts: CommentPart[]
  /** Officers resolve open comments while the text can still change. */
  canResolve: boolean
  /** Members may still add comments: each part links to the form. */
  canComment: boolean
  resultFor: (form: string) => SubmissionResult<string[]> | undefined
  /** A removed part's heading in the kind's words („… (część usunięta z notatki)”). */
  removedTitle: (title: string) => string
  /** The resolution's validation, and the words of „accepted” in the kind's terms. */
  resolve: { schema: FormSchema; acceptLabel: string }
}

/** Every part of a document in their order, each with its comments and anchor `section-<id>`. */
export function CommentParts({ parts, canResolve, canComment, resultFor, removedTitle, resolve }: Props) {
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
          <h3 id={`${part.key}-heading`}>{part.removed ? removedTitle(part.title) : part.title}</h3>
          {part.comments.length === 0 ? <p className="muted">{t('document.comments.noCommentsPart')}</p> : null}
          {part.comments.length ? (
            <ol className="comments">
              {part.comments.map((comment) => (
                <li key={comment.id}>
                  <CommentCard
                    comment={comment}
                    resolveResult={canResolve ? resultFor(`resolve-${comment.id}`) : undefined}
                    canResolve={canResolve}
                    resolve={resolve}
                  />
                </li>
              ))}
            </ol>
          ) : null}
          {canComment && !part.removed ? (
            <p>
              <Link to={`?section=${part.sectionId ?? 'whole'}#new`}>
                {t('document.comments.commentOnPart')}
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
  resolve,
}: {
  comment: CommentView
  canResolve: boolean
  resolveResult?: SubmissionResult<string[]>
  resolve: Props['resolve']
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
        <dt>{t('document.comment.state')}</dt>
        <dd>
          <span className={`badge comment-state comment-state--${state}`}>{t(`document.commentState.${state}`)}</span>
        </dd>
        {comment.resolutionNote ? (
          <>
            <dt>{t('document.comment.note')}</dt>
            <dd className="comment__text">{comment.resolutionNote}</dd>
          </>
        ) : null}
        {comment.resolvedAt ? (
          <>
            <dt>{t('document.comment.resolvedBy')}</dt>
            <dd>
              {t('document.comment.resolvedByWho', {
                when: formatDateTime(comment.resolvedAt, lang),
                name: comment.resolvedByName ?? t('document.versions.system'),
              })}
            </dd>
          </>
        ) : null}
      </dl>
      {canResolve && !comment.resolution ? (
        <ResolveForm
          commentId={comment.id}
          label={t('document.resolve.formLabel', { author, when })}
          lastResult={resolveResult}
          resolve={resolve}
        />
      ) : null}
    </article>
  )
}

function ResolveForm({
  commentId,
  label,
  lastResult,
  resolve,
}: {
  commentId: number
  label: string
  lastResult?: SubmissionResult<string[]>
  resolve: Props['resolve']
}) {
  const t = useT()
  const [form, fields] = useForm<{ commentId: string; resolution: string; note: string }>({
    id: `resolve-${commentId}`,
    lastResult,
    // The schema is the kind's own; the fields named here are those every kind's schema has.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resolve.schema }) as never,
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
        <legend>{t('document.resolve.legend')}</legend>
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
            <label htmlFor={`${resolution.id}-${value}`}>{value === 'accepted' ? resolve.acceptLabel : t('document.resolve.reject')}</label>
          </div>
        ))}
        <FieldError meta={resolution} />
      </fieldset>
      <div className="field">
        <label htmlFor={note.id}>{t('document.resolve.note')}</label>
        <span className="field__hint" id={`${note.id}-hint`}>
          {t('document.resolve.noteHint')}
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
          {t('document.resolve.submit')}
        </button>
      </div>
    </Form>
  )
}

/**
 * A member's new comment: the part of the document it is about (the whole text or a section,
 * preselected from `?section=`) and the text. Anchored at `#new`.
 */
export function AddCommentForm({
  id,
  schema,
  labels,
  sections,
  preselected,
  lastResult,
}: {
  id: string
  schema: FormSchema
  /** The part select's label and its first option, in the kind's words („Cała notatka”). */
  labels: { section: string; whole: string }
  sections: Option[]
  preselected: string
  lastResult?: SubmissionResult<string[]>
}) {
  const t = useT()
  const [form, fields] = useForm<{ section: string; body: string }>({
    id,
    lastResult,
    defaultValue: { section: preselected },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const section = fields.section
  return (
    <section id="new" aria-labelledby="new-comment-heading" className="comment-add">
      <h3 id="new-comment-heading">{t('document.addComment.title')}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
        <input type="hidden" name="intent" value="comment" />
        <div className="field">
          <label htmlFor={section.id}>{labels.section}</label>
          <select
            id={section.id}
            name={section.name}
            defaultValue={(section.initialValue as string | undefined) ?? WHOLE_TEXT}
            aria-invalid={section.errors?.length ? true : undefined}
            aria-describedby={section.errors?.length ? section.errorId : undefined}
            key={section.key}
          >
            <option value={WHOLE_TEXT}>{labels.whole}</option>
            {sections.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <FieldError meta={section} />
        </div>
        <TextAreaField meta={fields.body} label={t('document.addComment.body')} hint={t('document.addComment.bodyHint')} rows={6} />
        <div className="actions">
          <button type="submit" className="button">
            {t('document.addComment.submit')}
          </button>
        </div>
      </Form>
    </section>
  )
}

/**
 * What a member sees when a comment came too late (or the document left its consultation
 * while they wrote): why it was not saved, and their text, to copy elsewhere.
 */
export function RefusedComment({ error, body }: { error: string; body: string }) {
  const t = useT()
  return (
    <section id="new" aria-labelledby="refused-comment-heading" className="comment-add">
      <h3 id="refused-comment-heading">{t('document.refused.title')}</h3>
      <div className="notice notice--error" role="alert">
        <p>{translateMessage(t, error)}</p>
      </div>
      {body ? (
        <div className="field">
          <label htmlFor="refused-comment-text">{t('document.refused.keptText')}</label>
          <textarea id="refused-comment-text" readOnly rows={6} defaultValue={body} />
        </div>
      ) : null}
    </section>
  )
}
