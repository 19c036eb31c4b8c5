import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { inArray } from 'drizzle-orm'
import { requirePermission } from '~/auth/require.server'
import { Pagination } from '~/components/list-controls'
import { db, schema } from '~/db.server'
import type { Lang, MessageKey, Translate } from '~/i18n/messages'
import { pageTitle } from '~/i18n/page-title'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import { columnHeaders, importColumns } from '~/models/directory-import/columns.server'
import { forgetImport, keepImport, readKeptImport, rewriteKeptImport } from '~/models/directory-import/kept-file.server'
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  applyImport,
  previewImport,
  readImportFile,
  type Choice,
  type ImportFile,
  type ImportSummary,
  type Problem,
  type RowPreview,
} from '~/models/directory-import.server'
import { actorOf } from '~/utils/http.server'
import { badRequest, readMultipartForm } from '~/utils/multipart.server'
import { PAGE_SIZE, pageCount, pageHref, pageParam } from '~/utils/paging'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.import')

/** What is kept between the steps: the file read, and once applied what it did. */
type Kept = { file: ImportFile; result?: ImportSummary }
const megabytes = (bytes: number) => bytes / 1024 / 1024

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'directory.edit')
  const url = new URL(request.url)
  const token = url.searchParams.get('file')
  const kept = readKeptImport<Kept>({ token, userId: user.id })
  const limits = { mb: megabytes(IMPORT_MAX_BYTES), rows: IMPORT_MAX_ROWS }
  if (!kept) return json({ step: 'upload' as const, expired: token !== null, limits })
  if (kept.result) return json({ step: 'done' as const, token: token!, fileName: kept.file.fileName, result: kept.result })
  const page = pageParam(url)
  const pages = pageCount(kept.file.rows.length)
  if (page > pages) throw redirect(`${url.pathname}${pageHref(url.search, pages)}`)
  const { summary, rows } = previewImport({ file: kept.file, page, pageSize: PAGE_SIZE })
  const codes = [...new Set(rows.flatMap((row) => (row.municipalityCode ? [row.municipalityCode] : [])))]
  const places = codes.length
    ? db
        .select({ code: schema.municipalities.code, name: schema.municipalities.name })
        .from(schema.municipalities)
        .where(inArray(schema.municipalities.code, codes))
        .all()
    : []
  const headers = Object.fromEntries(importColumns.map((column) => [column, columnHeaders[column][0]!]))
  return json({
    step: 'preview' as const,
    token: token!,
    fileName: kept.file.fileName,
    ignoredHeaders: kept.file.ignoredHeaders,
    summary,
    rows,
    places: Object.fromEntries(places.map((place) => [place.code, place.name])),
    headers,
    page,
    pages,
  })
}

class FileRefused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key)
  }
}

/** The one file of the upload form, whole in memory: it is at most IMPORT_MAX_BYTES, refused as soon as it passes them. */
async function receiveFile(request: Request): Promise<{ bytes: Buffer; fileName: string }> {
  let received: { bytes: Buffer; fileName: string } | null = null
  await readMultipartForm(request, async (file) => {
    if (file.field !== 'file' || received) return
    if (!file.fileName) throw new FileRefused({ key: 'directoryImport.error.fileMissing' })
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of file.data) {
      size += chunk.byteLength
      if (size > IMPORT_MAX_BYTES)
        throw new FileRefused({ key: 'directoryImport.error.fileTooBig', params: { mb: megabytes(IMPORT_MAX_BYTES) } })
      chunks.push(chunk)
    }
    received = { bytes: Buffer.concat(chunks), fileName: file.fileName }
  })
  if (!received) throw new FileRefused({ key: 'directoryImport.error.fileMissing' })
  return received
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'directory.edit')
  if (/^multipart\/form-data;/i.test(request.headers.get('Content-Type') ?? '')) {
    try {
      const { bytes, fileName } = await receiveFile(request)
      if (bytes.length === 0) throw new FileRefused({ key: 'directoryImport.error.fileEmpty' })
      const reading = await readImportFile({ bytes, fileName })
      if (!reading.ok) throw new FileRefused(reading.problem)
      const token = keepImport<Kept>({ userId: user.id, data: { file: reading.file } })
      return redirect(`/organisations/import?file=${token}`)
    } catch (error) {
      if (error instanceof FileRefused) return json({ problem: error.problem }, { status: 400 })
      throw error
    }
  }
  const form = await request.formData()
  const token = String(form.get('file') ?? '')
  const kept = readKeptImport<Kept>({ token, userId: user.id })
  if (!kept) return redirect(`/organisations/import?file=${encodeURIComponent(token)}`)
  const back = (page: number) => `/organisations/import${pageHref(new URLSearchParams({ file: token }), page)}`
  const page = Number(form.get('page')) || 1
  const intent = form.get('intent')
  if (kept.result) return redirect(back(1))
  const choice = form.get('choice')
  if ((intent === 'choose' || intent === 'chooseAll') && (choice === 'update' || choice === 'skip')) {
    const choices = kept.file.choices
    if (intent === 'chooseAll') kept.file.choices = { all: choice, rows: {} }
    else {
      const line = Number(form.get('line'))
      if (!kept.file.rows.some((row) => row.line === line)) throw badRequest()
      choices.rows[line] = choice
    }
    rewriteKeptImport<Kept>({ token, userId: user.id, data: kept })
    return redirect(back(page))
  }
  if (intent === 'apply') {
    const result = applyImport({ file: kept.file, actor: actorOf(user, context) })
    rewriteKeptImport<Kept>({ token, userId: user.id, data: { file: { ...kept.file, rows: [] }, result } })
    return redirect(back(1))
  }
  if (intent === 'discard') {
    forgetImport(token)
    return redirect('/organisations/import')
  }
  throw badRequest()
}

export default function DirectoryImport() {
  const data = useLoaderData<typeof loader>()
  if (data.step === 'done') return <ImportDone fileName={data.fileName} result={data.result} />
  if (data.step === 'preview') return <ImportPreview {...data} />
  return <UploadStep expired={data.expired} limits={data.limits} />
}

function UploadStep({ expired, limits }: { expired: boolean; limits: { mb: number; rows: number } }) {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const problem = actionData?.problem
  return (
    <>
      <h1>{t('directoryImport.title')}</h1>
      {expired ? <p className="notice notice--info">{t('directoryImport.expired')}</p> : null}
      <p>{t('directoryImport.lead')}</p>
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor="import-file">{t('directoryImport.file')}</label>
          <p className="hint" id="import-file-hint">
            {t('directoryImport.limits', { mb: limits.mb, rows: limits.rows.toLocaleString('pl-PL') })}
          </p>
          <input
            id="import-file"
            type="file"
            name="file"
            required
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby={problem ? 'import-file-hint import-file-error' : 'import-file-hint'}
            aria-invalid={problem ? true : undefined}
          />
          {problem ? (
            <p className="field-error" id="import-file-error" role="alert">
              {t(problem.key, problem.params)}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit">{t('directoryImport.upload')}</button>
        </div>
      </Form>
      <h2>{t('directoryImport.formatTitle')}</h2>
      <p>{t('directoryImport.format1')}</p>
      <p>{t('directoryImport.format2')}</p>
      <p>{t('directoryImport.format3')}</p>
      <ul>
        <li>
          <a href="/organisations/import/template.xlsx" download>
            {t('directoryImport.template')}
          </a>
        </li>
        <li>
          <a href="/organisations/import/template.csv" download>
            {t('directoryImport.templateCsv')}
          </a>
        </li>
      </ul>
    </>
  )
}

type PreviewData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { step: 'preview' }>

function ImportPreview({ token, fileName, ignoredHeaders, summary, rows, places, headers, page, pages }: PreviewData) {
  const t = useT()
  const { search } = useLocation()
  const differing = summary.organisations.update + summary.organisations.skip + summary.people.update + summary.people.skip
  return (
    <>
      <h1>{t('directoryImport.previewTitle', { file: fileName })}</h1>
      <SummaryTable summary={summary} />
      {ignoredHeaders.length ? <p>{t('directoryImport.ignoredHeaders', { headers: ignoredHeaders.join(', ') })}</p> : null}
      {differing > 0 ? (
        <>
          <p>{t('directoryImport.choiceLead')}</p>
          <div className="actions">
            <ChoiceForm token={token} page={page} intent="chooseAll" choice="update" label={t('directoryImport.updateAll')} />
            <ChoiceForm token={token} page={page} intent="chooseAll" choice="skip" label={t('directoryImport.skipAll')} />
          </div>
        </>
      ) : null}
      <p>{t('directoryImport.applyLead')}</p>
      <div className="actions">
        <Form method="post">
          <input type="hidden" name="file" value={token} />
          <button type="submit" name="intent" value="apply">
            {t('directoryImport.apply')}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="file" value={token} />
          <button type="submit" name="intent" value="discard" className="button--secondary">
            {t('directoryImport.discard')}
          </button>
        </Form>
      </div>

      <h2 id="import-rows">{t('directoryImport.rows')}</h2>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolled region takes focus, to be scrolled by keyboard */}
      <div className="table-scroll" role="region" aria-labelledby="import-rows" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('directoryImport.col.line')}</th>
              <th scope="col">{t('directoryImport.col.organisation')}</th>
              <th scope="col">{t('directoryImport.col.outcome')}</th>
              <th scope="col">{t('directoryImport.col.person')}</th>
              <th scope="col">{t('directoryImport.col.choice')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.line}>
                <th scope="row">{row.line}</th>
                <td>
                  {row.name || t('common.none')}
                  {row.municipalityCode && places[row.municipalityCode] ? <div className="hint">{places[row.municipalityCode]}</div> : null}
                </td>
                <td>
                  {row.problems.length ? (
                    <>
                      <strong>{`${t('directoryImport.notImported')}:`}</strong>
                      <ul className="problems">
                        {row.problems.map((problem, i) => (
                          <li key={i}>{problemText(t, problem, headers)}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    outcomeText(t, row)
                  )}
                </td>
                <td>
                  {row.personProblems.length ? (
                    <>
                      <strong>{`${t('directoryImport.personLeftOut')}:`}</strong>
                      <ul className="problems">
                        {row.personProblems.map((problem, i) => (
                          <li key={i}>{problemText(t, problem, headers)}</li>
                        ))}
                      </ul>
                    </>
                  ) : row.person ? (
                    `${row.person.name}: ${personText(t, row.person)}`
                  ) : (
                    t('common.none')
                  )}
                </td>
                <td>
                  {row.choice ? (
                    <ChoiceForm
                      token={token}
                      page={page}
                      intent="choose"
                      line={row.line}
                      choice={row.choice === 'skip' ? 'update' : 'skip'}
                      label={row.choice === 'skip' ? t('directoryImport.chooseUpdate') : t('directoryImport.chooseSkip')}
                      subject={t('directoryImport.inRow', { line: row.line })}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} href={(n) => pageHref(search, n)} />
    </>
  )
}

function ChoiceForm(props: {
  token: string
  page: number
  intent: string
  choice: Choice
  label: string
  line?: number
  subject?: string
}) {
  return (
    <Form method="post">
      <input type="hidden" name="file" value={props.token} />
      <input type="hidden" name="page" value={props.page} />
      <input type="hidden" name="choice" value={props.choice} />
      {props.line !== undefined ? <input type="hidden" name="line" value={props.line} /> : null}
      <button type="submit" name="intent" value={props.intent} className="button--secondary">
        {props.label}
        {props.subject ? <span className="visually-hidden">: {props.subject}</span> : null}
      </button>
    </Form>
  )
}

function SummaryTable({ summary }: { summary: ImportSummary }) {
  const t = useT()
  const actions = ['create', 'update', 'skip', 'unchanged'] as const
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolled region takes focus, to be scrolled by keyboard
    <div className="table-scroll" role="region" aria-labelledby="import-summary" tabIndex={0}>
      <table>
        <caption id="import-summary">{t('directoryImport.summary')}</caption>
        <thead>
          <tr>
            <td />
            {actions.map((action) => (
              <th scope="col" key={action}>
                {t(`directoryImport.summary.${action}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['organisations', 'people'] as const).map((what) => (
            <tr key={what}>
              <th scope="row">{t(`directoryImport.summary.${what}`)}</th>
              {actions.map((action) => (
                <td key={action}>{summary[what][action]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>{`${t('directoryImport.summary.rows')}: ${summary.rows}. ${t('directoryImport.summary.withProblems')}: ${summary.withProblems}.`}</p>
    </div>
  )
}

function ImportDone({ fileName, result }: { fileName: string; result: ImportSummary }) {
  const t = useT()
  const lang = useLang()
  const wrote = result.organisations.create + result.organisations.update + result.people.create + result.people.update
  return (
    <>
      <h1>{t('directoryImport.doneTitle', { file: fileName })}</h1>
      <div className="notice notice--success" role="status">
        {wrote === 0 ? <p>{nothingText(t, lang, result)}</p> : null}
        <p>{t('directoryImport.done.organisations', result.organisations)}</p>
        <p>{t('directoryImport.done.people', result.people)}</p>
        {result.withProblems ? <p>{t('directoryImport.done.problems', { count: result.withProblems })}</p> : null}
      </div>
      <div className="actions">
        <Link to="/organisations">{t('directoryImport.toDirectory')}</Link>
        <Link to="/organisations/import">{t('directoryImport.again')}</Link>
      </div>
    </>
  )
}

const orgFieldLabels: Record<string, MessageKey> = {
  name: 'org.name',
  shortName: 'org.shortName',
  kind: 'org.kind',
  municipalityCode: 'org.region',
  street: 'org.street',
  postalCode: 'org.postalCode',
  city: 'org.city',
  email: 'org.email',
  phone: 'org.phone',
  website: 'org.website',
  regon: 'org.regon',
  nip: 'org.nip',
}
const personFieldLabels: Record<string, MessageKey> = {
  name: 'person.name',
  position: 'person.position',
  email: 'person.email',
  phone: 'person.phone',
}

const fieldList = (t: Translate, fields: string[], labels: Record<string, MessageKey>) =>
  fields.map((field) => t(labels[field]!).toLowerCase()).join(', ')

/** „Nic nie zmieniono. Pominięto 1 wiersz z różnicami, 4 wiersze z błędami.”: what was left, when nothing was written. */
function nothingText(t: Translate, lang: Lang, { skipped, withProblems }: ImportSummary): string {
  const left = [
    ...(skipped ? [t(countKey(lang, 'directoryImport.done.skippedRows', skipped), { count: skipped })] : []),
    ...(withProblems ? [t(countKey(lang, 'directoryImport.done.problemRows', withProblems), { count: withProblems })] : []),
  ]
  return left.length ? t('directoryImport.done.nothingLeft', { rows: left.join(', ') }) : t('directoryImport.done.nothing')
}

function outcomeText(t: Translate, row: RowPreview): string {
  if (!row.organisation) return t('directoryImport.sameAs', { line: row.sameAs ?? 0 })
  const { action, changes } = row.organisation
  return t(`directoryImport.action.${action}`, { fields: fieldList(t, changes, orgFieldLabels) })
}

function personText(t: Translate, person: NonNullable<RowPreview['person']>): string {
  return t(`directoryImport.personAction.${person.action}`, { fields: fieldList(t, person.changes, personFieldLabels) })
}

function problemText(t: Translate, problem: Problem, headers: Record<string, string>): string {
  const text = t(problem.key, problem.params)
  return problem.column ? `${headers[problem.column]}: ${text}` : text
}
