import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { organisationKinds } from '#db/schema/enums'
import { requireRecommendation } from '~/auth/access.server'
import { can } from '~/auth/permissions'
import { Picker } from '~/components/combobox'
import { FormErrors, TextField } from '~/components/forms'
import { Pagination } from '~/components/list-controls'
import { TableRegion } from '~/components/table-region'
import { pageTitle } from '~/i18n/page-title'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import { mailOrigin } from '~/mail/mailer.server'
import { listDistributions, previewDistribution, sendDistribution } from '~/models/distribution.server'
import { listVoivodeships } from '~/models/region.server'
import {
  DEFAULT_DISTRIBUTION_SETTINGS,
  DistributionSendSchema,
  distributionTargetQuery,
  isTargetChosen,
  readDistributionTarget,
  type DistributionTarget,
} from '~/schemas/distribution'
import { formatDateTime } from '~/utils/format'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { pageParam } from '~/utils/paging'
import type { PickerState } from '~/utils/picker'
import { chosenLabels, readPickers, type PickerFields } from '~/utils/picker.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'distribution.title')

const PICKERS: PickerFields = { county: 'counties', municipality: 'municipalities', include: 'organisations', exclude: 'organisations' }

function pickersOf(params: URLSearchParams, target: DistributionTarget): PickerState {
  if (!params.has('search'))
    return {
      search: null,
      labels: chosenLabels(PICKERS, (name) => (target[name as keyof DistributionTarget] as (string | number)[]).map(String)),
    }
  const formData = new FormData()
  for (const [name, value] of params) formData.append(name, value)
  return readPickers(formData, PICKERS)
}

/**
 * The distributions of published recommendations, and the builder of a new one: its target is
 * a GET form, so that the preview (the count, the institutions without an e-mail address, the
 * paged list) is a link; sending is a POST that freezes the list. The team's officers only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, recommendation } = await requireRecommendation(request, params, 'recommendation.manage')
  const url = new URL(request.url)
  const target = readDistributionTarget(url.searchParams)
  const chosen = isTargetChosen(target)
  return json({
    recId: recommendation.id,
    bodyId: recommendation.bodyId,
    published: recommendation.state === 'published',
    distributions: listDistributions({ documentId: recommendation.id }),
    voivodeships: listVoivodeships(),
    target,
    query: distributionTargetQuery(target).toString(),
    picker: pickersOf(url.searchParams, target),
    preview: chosen && !url.searchParams.has('search') ? previewDistribution({ target, page: pageParam(url) }) : null,
    canEditDirectory: can(user, 'directory.edit'),
  })
}

type ActionData = { result: SubmissionResult<string[]>; error?: string }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, recommendation } = await requireRecommendation(request, params, 'recommendation.manage')
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: DistributionSendSchema })
  if (submission.status !== 'success') return json<ActionData>({ result: submission.reply() }, { status: 400 })
  const target = readDistributionTarget(formData)
  if (!isTargetChosen(target))
    return json<ActionData>({ result: submission.reply({ formErrors: ['distribution.error.nobody'] }) }, { status: 400 })
  const sent = sendDistribution({
    documentId: recommendation.id,
    target,
    settings: submission.value,
    actor: actorOf(user!, context),
    origin: mailOrigin(request),
  })
  if (!sent.ok) return json<ActionData>({ result: submission.reply({ formErrors: [sent.error] }) }, { status: 409 })
  return redirectWithNotice(`/recommendations/${recommendation.id}/distribution/${sent.distributionId}`, [
    { key: 'distribution.sent', params: { count: sent.recipients, mailed: sent.mailed } },
  ])
}

export default function Distributions() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  return (
    <>
      <h2>{t('distribution.title')}</h2>
      <p>{t('distribution.lead')}</p>
      <section aria-labelledby="distributions-sent">
        <h3 id="distributions-sent">{t('distribution.sentList')}</h3>
        {data.distributions.length ? (
          <ul className="stack-list">
            {data.distributions.map((d) => (
              <li key={d.id}>
                <Link to={`/recommendations/${data.recId}/distribution/${d.id}`}>
                  {t('distribution.sentItem', { when: formatDateTime(d.sentAt, lang), count: d.recipientCount })}
                </Link>{' '}
                — {t('distribution.confirmedOf', { confirmed: d.confirmed, count: d.recipientCount })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('distribution.noneSent')}</p>
        )}
      </section>
      {data.published ? <Builder /> : <p className="notice notice--info">{t('distribution.onlyPublished')}</p>}
    </>
  )
}

function Builder() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const [, fields] = useForm({
    id: 'distribution-target',
    defaultValue: {
      county: data.target.county,
      municipality: data.target.municipality,
      include: data.target.include.map(String),
      exclude: data.target.exclude.map(String),
    },
  })
  const scope = { body: data.bodyId }
  return (
    <section aria-labelledby="distribution-new">
      <h3 id="distribution-new">{t('distribution.new')}</h3>
      <Form method="get" className="stack" key={data.query} aria-labelledby="distribution-new">
        <fieldset className="choice-grid">
          <legend>{t('distribution.kinds')}</legend>
          {organisationKinds.map((kind) => (
            <div className="inline-choice" key={kind}>
              <input id={`target-kind-${kind}`} type="checkbox" name="kind" value={kind} defaultChecked={data.target.kind.includes(kind)} />
              <label htmlFor={`target-kind-${kind}`}>{t(`kind.${kind}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('distribution.region')}</legend>
          <p className="field__hint">{t('distribution.regionHint')}</p>
          <div className="field">
            <label htmlFor="target-voivodeship">{t('distribution.voivodeship')}</label>
            <select id="target-voivodeship" name="voivodeship" defaultValue={data.target.voivodeship[0] ?? ''}>
              <option value="">{t('distribution.noVoivodeship')}</option>
              {data.voivodeships.map((v) => (
                <option key={v.code} value={v.code}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <div className="row">
            <Picker
              meta={fields.county}
              kind="counties"
              scope={scope}
              label={t('distribution.counties')}
              optional
              multiple
              {...picker(data.picker)}
            />
            <Picker
              meta={fields.municipality}
              kind="municipalities"
              scope={scope}
              label={t('distribution.municipalities')}
              optional
              multiple
              {...picker(data.picker)}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('distribution.single')}</legend>
          <div className="row">
            <Picker
              meta={fields.include}
              kind="organisations"
              scope={scope}
              label={t('distribution.include')}
              optional
              multiple
              {...picker(data.picker)}
            />
            <Picker
              meta={fields.exclude}
              kind="organisations"
              scope={scope}
              label={t('distribution.exclude')}
              optional
              multiple
              {...picker(data.picker)}
            />
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit">{t('distribution.preview')}</button>
        </div>
      </Form>
      {data.preview ? <Preview /> : null}
    </section>
  )
}

const picker = (state: PickerState) => ({ labels: state.labels, search: state.search })

function Preview() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const preview = data.preview!
  const base = `/recommendations/${data.recId}/distribution`
  return (
    <section aria-labelledby="distribution-preview" className="stack">
      <h3 id="distribution-preview">{t(countKey(lang, 'distribution.previewCount', preview.total), { count: preview.total })}</h3>
      {preview.byKind.length ? <p>{preview.byKind.map((k) => `${t(`kind.${k.kind}`)}: ${k.n}`).join('; ')}</p> : null}
      {preview.withoutEmailCount ? (
        <div className="notice notice--info" id="distribution-without-email">
          <p>{t(countKey(lang, 'distribution.withoutEmail', preview.withoutEmailCount), { count: preview.withoutEmailCount })}</p>
          <ul>
            {preview.withoutEmail.map((o) => (
              <li key={o.id}>{data.canEditDirectory ? <Link to={`/organisations/${o.id}/edit`}>{o.name}</Link> : o.name}</li>
            ))}
          </ul>
          {preview.withoutEmailCount > preview.withoutEmail.length ? (
            <p>{t('distribution.withoutEmailMore', { count: preview.withoutEmailCount - preview.withoutEmail.length })}</p>
          ) : null}
        </div>
      ) : null}
      {preview.total ? (
        <>
          <TableRegion labelledBy="distribution-preview">
            <table>
              <caption className="visually-hidden">{t('distribution.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('distribution.col.name')}</th>
                  <th scope="col">{t('distribution.col.kind')}</th>
                  <th scope="col">{t('distribution.col.city')}</th>
                  <th scope="col">{t('distribution.col.email')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((o) => (
                  <tr key={o.id}>
                    <td>{o.name}</td>
                    <td>{t(`kind.${o.kind}`)}</td>
                    <td>{o.city ?? ''}</td>
                    <td>{o.email || t('distribution.noEmail')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pagination
            page={preview.page}
            pages={preview.pages}
            href={(page) => `${base}?${data.query}${page > 1 ? `&page=${page}` : ''}`}
          />
          <SendForm />
        </>
      ) : (
        <p>{t('distribution.nobody')}</p>
      )}
    </section>
  )
}

function SendForm() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const [form, fields] = useForm({
    id: 'distribution-send',
    lastResult: actionData?.result,
    defaultValue: Object.fromEntries(Object.entries(DEFAULT_DISTRIBUTION_SETTINGS).map(([k, v]) => [k, String(v)])),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DistributionSendSchema }),
    shouldValidate: 'onBlur',
    // An error clears as the field is corrected: cleared on blur instead, it would move the
    // button from under the pointer that is pressing it, and the click would be lost.
    shouldRevalidate: 'onInput',
  })
  const total = data.preview!.total
  const hidden = [...new URLSearchParams(data.query)]
  return (
    <section aria-labelledby="distribution-send-title" className="minutes-cycle__step">
      <h3 id="distribution-send-title">{t('distribution.send.title')}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} show={actionData?.result.status === 'error'} />
        {hidden.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <div className="row">
          <TextField meta={fields.remindAfterDays!} type="number" label={t('distribution.send.remindAfterDays')} />
          <TextField meta={fields.remindEveryDays!} type="number" label={t('distribution.send.remindEveryDays')} />
          <TextField meta={fields.maxReminders!} type="number" label={t('distribution.send.maxReminders')} />
          <TextField meta={fields.escalateAfterDays!} type="number" label={t('distribution.send.escalateAfterDays')} />
        </div>
        <p>{t('distribution.send.confirm')}</p>
        <div className="actions">
          <button type="submit">{t(countKey(lang, 'distribution.send.submit', total), { count: total })}</button>
        </div>
      </Form>
    </section>
  )
}
