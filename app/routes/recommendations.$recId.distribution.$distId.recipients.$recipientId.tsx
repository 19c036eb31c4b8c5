import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireDistribution } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { mailOrigin } from '~/mail/mailer.server'
import { getRecipient, listReports, reissueLink } from '~/models/distribution-recipient.server'
import { formatDateTime, formatFileSize } from '~/utils/format'
import { actorOf, parseId, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'distributionDashboard.recipient.title', { name: data?.recipient.name ?? '' })

async function requireRecipient(request: Request, params: Parameters<typeof requireDistribution>[1]) {
  const found = await requireDistribution(request, params)
  const recipient = getRecipient({ id: parseId(params.recipientId) })
  if (!recipient || recipient.distributionId !== found.distribution.id) throw notFound()
  return { ...found, recipient }
}

/** One recipient of a distribution as the centre follows it: what was sent where, every date, each report. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { recommendation, distribution, recipient } = await requireRecipient(request, params)
  return json({
    base: `/recommendations/${recommendation.id}/distribution/${distribution.id}`,
    recipient,
    reports: listReports({ recipientId: recipient.id }),
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, recommendation, distribution, recipient } = await requireRecipient(request, params)
  const formData = await request.formData()
  if (formData.get('intent') !== 'reissue') throw new Response('Bad Request', { status: 400 })
  const done = reissueLink({ id: recipient.id, actor: actorOf(user!, context), origin: mailOrigin(request) })
  if (!done.ok) throw notFound()
  return redirectWithNotice(
    `/recommendations/${recommendation.id}/distribution/${distribution.id}/recipients/${recipient.id}`,
    done.mailed ? 'distributionDashboard.recipient.reissued' : 'distributionDashboard.recipient.revokedNoEmail',
  )
}

export default function DistributionRecipient() {
  const t = useT()
  const lang = useLang()
  const { base, recipient: r, reports } = useLoaderData<typeof loader>()
  const when = (at: string | null) => (at ? formatDateTime(at, lang) : '—')
  return (
    <>
      <h2>{t('distributionDashboard.recipient.title', { name: r.name })}</h2>
      <p>
        <Link to={base}>{t('distributionDashboard.title')}</Link>
      </p>
      <p className="field__hint">{t('distributionDashboard.recipient.frozen')}</p>
      <dl className="details">
        <dt>{t('distributionDashboard.col.kind')}</dt>
        <dd>{t(`kind.${r.kind}`)}</dd>
        <dt>{t('distributionDashboard.recipient.address')}</dt>
        <dd>{[r.street, [r.postalCode, r.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '—'}</dd>
        <dt>{t('distributionDashboard.recipient.email')}</dt>
        <dd>{r.email ?? t('distributionDashboard.noEmail')}</dd>
        <dt>{t('distributionDashboard.col.state')}</dt>
        <dd>{t(`distribution.recipientState.${r.state}`)}</dd>
        {r.sendError ? (
          <>
            <dt>{t('distributionDashboard.recipient.sendError')}</dt>
            <dd>{r.sendError === 'noEmail' ? t('distributionDashboard.noEmail') : r.sendError}</dd>
          </>
        ) : null}
        <dt>{t('distributionDashboard.sentAt')}</dt>
        <dd>{when(r.sentAt)}</dd>
        <dt>{t('distributionDashboard.recipient.opened')}</dt>
        <dd>
          {r.firstOpenedAt
            ? t('distributionDashboard.recipient.openedBy', {
                when: when(r.firstOpenedAt),
                by: r.firstOpenedBy ?? t('distributionDashboard.recipient.openedByLink'),
              })
            : '—'}
        </dd>
        <dt>{t('distributionDashboard.recipient.confirmed')}</dt>
        <dd>
          {r.confirmedAt
            ? t('distributionDashboard.recipient.confirmedLine', {
                when: when(r.confirmedAt),
                name: r.confirmedByName ?? '',
                position: r.confirmedByPosition ?? '',
              })
            : '—'}
        </dd>
        <dt>{t('distributionDashboard.recipient.reminders')}</dt>
        <dd>
          {r.remindersSent
            ? t('distributionDashboard.recipient.remindersLine', { count: r.remindersSent, when: when(r.lastRemindedAt) })
            : '0'}
        </dd>
      </dl>
      <section aria-labelledby="recipient-reports">
        <h3 id="recipient-reports">{t('distributionDashboard.recipient.reports')}</h3>
        {reports.length ? (
          <ol className="stack-list" reversed>
            {reports.map((report) => (
              <li key={report.id}>
                <p>
                  {t('distributionDashboard.recipient.reportLine', {
                    status: t(`distribution.status.${report.status}`),
                    when: when(report.filedAt),
                    name: [report.filedByName, report.filedByPosition].filter(Boolean).join(', '),
                  })}
                </p>
                <p className="preserve-lines">{report.text}</p>
                {report.fileName ? (
                  <p>
                    <a href={`${base}/reports/${report.id}/${encodeURIComponent(report.fileName)}`}>
                      {report.fileName} ({formatFileSize(report.sizeBytes ?? 0, lang)})
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('distributionDashboard.recipient.noReports')}</p>
        )}
      </section>
      <section aria-labelledby="recipient-reissue" className="minutes-cycle__step">
        <h3 id="recipient-reissue">{t('distributionDashboard.recipient.reissue')}</h3>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="reissue" />
          <p>{t('distributionDashboard.recipient.reissueConfirm')}</p>
          <div className="actions">
            <button type="submit" className="button--secondary">
              {t('distributionDashboard.recipient.reissue')}
            </button>
          </div>
        </Form>
      </section>
    </>
  )
}
