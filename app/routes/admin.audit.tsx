import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/require.server'
import { isMessageKey } from '~/i18n/messages'
import { FilterActions } from '~/components/list-controls'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { listAuditEntries } from '~/models/audit.server'
import { AuditFilterSchema, auditActionPrefixes } from '~/schemas/audit'
import { auditActionLabel } from '~/utils/audit'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.audit')

/** Stored JSON, indented for reading; anything else as it was stored. */
function pretty(value: string | null) {
  if (!value) return null
  try {
    return JSON.stringify(JSON.parse(value), null, 2)
  } catch {
    return value
  }
}

/** The log from a cursor on, its event filter kept. */
function cursorHref(event: string | null, cursor: { before?: number; after?: number }) {
  const params = new URLSearchParams(event ? { event } : {})
  if (cursor.before) params.set('before', String(cursor.before))
  if (cursor.after) params.set('after', String(cursor.after))
  return `/admin/audit?${params}`
}

const entityPaths: Record<string, string> = { organisation: '/organisations', user: '/admin/users', body: '/bodies', meeting: '/meetings' }

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit.read')
  const filter = AuditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { rows, total, totalCapped, older, newer } = listAuditEntries({ action: filter.event, before: filter.before, after: filter.after })
  const entries = rows.map(({ before, after, ...row }) => ({ ...row, before: pretty(before), after: pretty(after) }))
  const paged = filter.before !== undefined || filter.after !== undefined
  return json({ event: filter.event ?? null, total, totalCapped, older, newer, paged, entries })
}

export default function AuditLog() {
  const t = useT()
  const lang = useLang()
  const { event, total, totalCapped, older, newer, paged, entries } = useLoaderData<typeof loader>()
  const entityTypeLabel = (type: string) => {
    const key = `audit.entityType.${type}`
    return isMessageKey(key) ? t(key) : type
  }
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <Form method="get" className="filters" aria-label={t('audit.filters')} key={event ?? ''}>
        <div className="row">
          <div className="field">
            <label htmlFor="filter-event">{t('audit.filterAction')}</label>
            <select id="filter-event" name="event" defaultValue={event ?? ''}>
              <option value="">{t('common.all')}</option>
              {auditActionPrefixes.map((prefix) => (
                <option key={prefix} value={prefix}>
                  {t(`audit.filter.${prefix}`)}
                </option>
              ))}
            </select>
          </div>
          <FilterActions clearTo="/admin/audit" />
        </div>
      </Form>

      <p role="status">{totalCapped ? t('audit.resultsOver', { count: total }) : t('common.results', { count: total })}</p>
      {entries.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('audit.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.change')}</th>
                <th scope="col">{t('audit.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const entityPath = entry.entityType ? entityPaths[entry.entityType] : undefined
                const entityRef = entry.entityType
                  ? t('audit.entityRef', { type: entityTypeLabel(entry.entityType), id: entry.entityId ?? '' })
                  : null
                return (
                  <tr key={entry.id}>
                    <td>{formatDateTime(entry.at, lang)}</td>
                    <td>
                      {entry.actorName ?? entry.actorEmail ?? t('audit.system')}
                      {entry.actorName && entry.actorEmail ? <div className="muted">{entry.actorEmail}</div> : null}
                    </td>
                    <td>{auditActionLabel(t, entry.action)}</td>
                    <td>
                      {entityRef && entityPath && entry.entityId ? (
                        <Link to={`${entityPath}/${entry.entityId}`}>{entityRef}</Link>
                      ) : (
                        (entityRef ?? t('common.none'))
                      )}
                    </td>
                    <td>
                      {entry.before ? (
                        <div>
                          {t('audit.before')}:<pre className="audit-json">{entry.before}</pre>
                        </div>
                      ) : null}
                      {entry.after ? (
                        <div>
                          {t('audit.after')}:<pre className="audit-json">{entry.after}</pre>
                        </div>
                      ) : null}
                      {entry.detail ? (
                        <div>
                          {t('audit.detail')}: {entry.detail}
                        </div>
                      ) : null}
                    </td>
                    <td>{entry.ip ?? t('common.none')}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {paged || older ? (
        <nav className="pagination" aria-label={t('audit.pages')}>
          {paged ? <Link to={cursorHref(event, {})}>{t('audit.newest')}</Link> : null}
          {newer ? <Link to={cursorHref(event, { after: newer })}>{t('audit.newer')}</Link> : null}
          {older ? <Link to={cursorHref(event, { before: older })}>{t('audit.older')}</Link> : null}
        </nav>
      ) : null}
    </>
  )
}
