import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { requirePermission } from '~/auth/require.server'
import { Pagination } from '~/components/list-controls'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { listOutbox } from '~/mail/mailer.server'
import { formatDateTime } from '~/utils/format'
import { pageHref, pageParam } from '~/utils/paging'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.outbox')

/** What Narada sent, or kept because no SMTP server is configured: for administrators only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox.read')
  const url = new URL(request.url)
  const page = pageParam(url)
  const { rows, total, pages } = listOutbox({ page })
  if (page > pages) throw redirect(`${url.pathname}${pageHref(url.search, pages)}`)
  return json({ rows, total, page, pages, smtp: !!process.env.SMTP_URL?.trim() })
}

export default function Outbox() {
  const t = useT()
  const lang = useLang()
  const { rows, total, page, pages, smtp } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  return (
    <>
      <h1>{t('invitations.outboxTitle')}</h1>
      <p className="notice notice--info">{smtp ? t('invitations.outboxSmtp') : t('invitations.outboxNoSmtp')}</p>
      <p>{t('common.results', { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t('invitations.outboxEmpty')}</p>
      ) : (
        <ol className="outbox">
          {rows.map((message) => (
            <li key={message.id}>
              <article aria-labelledby={`message-${message.id}`}>
                <h2 id={`message-${message.id}`}>{message.subject}</h2>
                <dl className="details">
                  <dt>{t('invitations.outboxTo')}</dt>
                  <dd>{message.to}</dd>
                  <dt>{t('invitations.outboxCreated')}</dt>
                  <dd>{formatDateTime(message.createdAt, lang)}</dd>
                  <dt>{t('invitations.outboxState')}</dt>
                  <dd>
                    {message.sentAt
                      ? t('invitations.outboxSent', { at: formatDateTime(message.sentAt, lang) })
                      : message.error
                        ? t('invitations.outboxFailed', { error: message.error })
                        : t('invitations.outboxKept')}
                  </dd>
                  {message.attachments.length ? (
                    <>
                      <dt>{t('invitations.outboxAttachments')}</dt>
                      <dd>{message.attachments.map((a) => `${a.filename} (${a.contentType.split(';')[0]}, ${a.size} B)`).join(', ')}</dd>
                    </>
                  ) : null}
                </dl>
                <details>
                  <summary>{t('invitations.outboxText')}</summary>
                  <pre className="outbox__text">{message.text}</pre>
                </details>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} href={(n) => pageHref(search, n)} />
    </>
  )
}
