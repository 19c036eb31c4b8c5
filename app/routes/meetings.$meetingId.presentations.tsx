import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireMeeting } from '~/auth/access.server'
import { canInMeeting } from '~/auth/meeting-permissions'
import { notFound } from '~/auth/require.server'
import { Picker } from '~/components/combobox'
import { FormErrors, SelectField, TextField } from '~/components/forms'
import { translateMessage } from '~/i18n/messages'
import { meetingPageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { listAgenda } from '~/models/agenda.server'
import {
  createPresentation,
  discardUpload,
  listPresentations,
  maxUploadBytes,
  receivePresentationForm,
  replacePresentationFile,
  type UploadError,
} from '~/models/presentation.server'
import { presentationVisibilities } from '#db/schema/enums'
import { PresentationSchema, ReplaceFileSchema } from '~/schemas/presentation'
import type { PickerState } from '~/utils/picker'
import { keptInput, readPickers } from '~/utils/picker.server'
import { actorOf, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction = ({ matches }) => meetingPageTitle(matches, 'title.part.presentations')

// Anyone who may see the meeting sees the files meant for them; officers add and replace.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, meeting } = await requireMeeting(request, params, 'meeting.read')
  const meetingId = meeting.id
  const manage = canInMeeting(access, 'meeting.manage')
  const presentations = listPresentations({ meetingId, access }).map((p) => ({
    id: p.id,
    title: p.title,
    visibility: p.visibility,
    agendaItemTitle: p.agendaItemTitle,
    presenterName: p.presenterName,
    files: p.files.map((f) => ({ version: f.version, fileName: f.fileName, sizeBytes: f.sizeBytes })),
  }))
  return json({
    meetingId,
    manage,
    presentations,
    maxMb: Math.round(maxUploadBytes() / 1024 / 1024),
    agendaItems: manage
      ? listAgenda({ meetingId }).map((item) => ({ value: String(item.id), label: [item.startTime, item.title].filter(Boolean).join(' ') }))
      : [],
  })
}

type ActionData =
  | { form: 'upload'; result: SubmissionResult<string[]>; fileError: UploadError | null; picker?: PickerState }
  | { form: 'replace'; presentationId: number | null; fileError: UploadError | null }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, meeting } = await requireMeeting(request, params, 'meeting.manage')
  const meetingId = meeting.id
  const actor = actorOf(user, context)
  const here = `/meetings/${meetingId}/presentations`
  const { fields, upload, fileError } = await receivePresentationForm(request)
  const intent = fields.get('intent')
  if (intent === 'replace') {
    const submission = parseWithZod(fields, { schema: ReplaceFileSchema })
    const presentationId = submission.status === 'success' ? submission.value.presentationId : null
    if (!upload || presentationId === null) {
      discardUpload(upload)
      return json<ActionData>(
        { form: 'replace', presentationId, fileError: fileError ?? 'presentations.error.fileMissing' },
        { status: 400 },
      )
    }
    const saved = replacePresentationFile({ meetingId, presentationId, upload, actor })
    if (!saved.ok) throw notFound()
    return redirectWithNotice(here, 'presentations.replaced')
  }
  if (intent !== 'upload' && fileError === null) {
    discardUpload(upload)
    throw new Response('Bad Request', { status: 400 })
  }
  const submission = parseWithZod(fields, { schema: PresentationSchema })
  const picker = readPickers(fields, { presenterPersonId: 'people' })
  // A search step saves nothing: the file is chosen again with the form.
  if (picker.search) {
    discardUpload(upload)
    return json<ActionData>({ form: 'upload', result: keptInput(submission), fileError: null, picker })
  }
  if (submission.status !== 'success' || !upload) {
    discardUpload(upload)
    return json<ActionData>({ form: 'upload', result: submission.reply(), fileError, picker }, { status: 400 })
  }
  const saved = createPresentation({
    meetingId,
    input: {
      title: submission.value.title,
      presenterPersonId: submission.value.presenterPersonId ?? null,
      agendaItemId: submission.value.agendaItemId ?? null,
      visibility: submission.value.visibility,
    },
    upload,
    actor,
  })
  if (!saved.ok)
    return json<ActionData>(
      { form: 'upload', result: submission.reply({ fieldErrors: saved.fieldErrors }), fileError: null, picker },
      { status: 400 },
    )
  return redirectWithNotice(here, 'presentations.uploaded')
}

export default function Presentations() {
  const t = useT()
  const { manage, presentations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  return (
    <>
      <h2>{t('presentations.title')}</h2>
      {presentations.length === 0 ? (
        <p>{t('presentations.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('presentations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('presentations.col.title')}</th>
                <th scope="col">{t('presentations.col.presenter')}</th>
                <th scope="col">{t('presentations.col.agendaItem')}</th>
                <th scope="col">{t('presentations.col.visibility')}</th>
                <th scope="col">{t('presentations.col.files')}</th>
              </tr>
            </thead>
            <tbody>
              {presentations.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>{p.presenterName ?? '—'}</td>
                  <td>{p.agendaItemTitle ?? '—'}</td>
                  <td>{t(`presentations.visibility.${p.visibility}`)}</td>
                  <td>
                    <FileVersions presentationId={p.id} files={p.files} />
                    {manage ? (
                      <ReplaceForm
                        presentationId={p.id}
                        title={p.title}
                        fileError={actionData?.form === 'replace' && actionData.presentationId === p.id ? actionData.fileError : null}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage ? (
        <UploadForm
          lastResult={actionData?.form === 'upload' ? actionData.result : undefined}
          fileError={actionData?.form === 'upload' ? actionData.fileError : null}
          picker={actionData?.form === 'upload' ? actionData.picker : undefined}
        />
      ) : null}
    </>
  )
}

function formatSize(bytes: number, lang: string): string {
  const nf = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 1 })
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} kB`
  return `${nf.format(bytes / 1024 / 1024)} MB`
}

function FileVersions({
  presentationId,
  files,
}: {
  presentationId: number
  files: { version: number; fileName: string; sizeBytes: number }[]
}) {
  const t = useT()
  const lang = useLang()
  const latest = files[0]?.version
  return (
    <ul className="presentation-files">
      {files.map((f) => (
        <li key={f.version}>
          <a
            href={`/presentations/${presentationId}/${encodeURIComponent(f.fileName)}${f.version === latest ? '' : `?version=${f.version}`}`}
          >
            {t('presentations.versionLink', { version: f.version, fileName: f.fileName, size: formatSize(f.sizeBytes, lang) })}
          </a>
        </li>
      ))}
    </ul>
  )
}

function FileInput({ id, fileError, hint }: { id: string; fileError: UploadError | null; hint: string }) {
  const t = useT()
  const errorId = `${id}-error`
  return (
    <div className="field">
      <label htmlFor={id}>{t('presentations.field.file')}</label>
      <span className="field__hint" id={`${id}-hint`}>
        {hint}
      </span>
      <input
        id={id}
        name="file"
        type="file"
        required
        accept=".pdf,.pptx,.odp,.docx,.odt,.xlsx,.jpg,.jpeg,.png"
        aria-invalid={fileError ? true : undefined}
        aria-describedby={[`${id}-hint`, fileError ? errorId : null].filter(Boolean).join(' ')}
      />
      {fileError ? (
        <span className="field__error" id={errorId}>
          {translateMessage(t, fileError)}
        </span>
      ) : null}
    </div>
  )
}

function ReplaceForm({ presentationId, title, fileError }: { presentationId: number; title: string; fileError: UploadError | null }) {
  const t = useT()
  const { maxMb } = useLoaderData<typeof loader>()
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="stack presentation-replace"
      aria-label={t('presentations.replaceFile', { title })}
    >
      <input type="hidden" name="intent" value="replace" />
      <input type="hidden" name="presentationId" value={presentationId} />
      <FileInput id={`replace-${presentationId}`} fileError={fileError} hint={t('presentations.fileHint', { mb: maxMb })} />
      <div className="actions">
        <button type="submit" className="button button--secondary">
          {t('presentations.replace')}
        </button>
      </div>
    </Form>
  )
}

function UploadForm({
  lastResult,
  fileError,
  picker,
}: {
  lastResult?: SubmissionResult<string[]>
  fileError: UploadError | null
  picker?: PickerState
}) {
  const t = useT()
  const { meetingId, agendaItems, maxMb } = useLoaderData<typeof loader>()
  const [form, fields] = useForm({
    id: 'presentation-upload',
    lastResult,
    defaultValue: { visibility: 'members' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PresentationSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section aria-labelledby="presentation-upload-heading">
      <h3 id="presentation-upload-heading">{t('presentations.uploadTitle')}</h3>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} show={!!lastResult && (!!fileError || lastResult.status === 'error')} />
        <input type="hidden" name="intent" value="upload" />
        <TextField meta={fields.title} label={t('presentations.field.title')} />
        <Picker
          meta={fields.presenterPersonId}
          kind="people"
          scope={{ meeting: meetingId }}
          label={t('presentations.field.presenter')}
          optional
          labels={picker?.labels ?? {}}
          search={picker?.search}
        />
        <SelectField
          meta={fields.agendaItemId}
          label={t('presentations.field.agendaItem')}
          optional
          options={agendaItems}
          placeholder={t('presentations.field.agendaItemNone')}
        />
        <SelectField
          meta={fields.visibility}
          label={t('presentations.field.visibility')}
          options={presentationVisibilities.map((v) => ({ value: v, label: t(`presentations.visibility.${v}`) }))}
          placeholder={t('presentations.field.visibility')}
        />
        <FileInput id="presentation-file" fileError={fileError} hint={t('presentations.fileHint', { mb: maxMb })} />
        <div className="actions">
          <button type="submit" className="button">
            {t('presentations.upload')}
          </button>
        </div>
      </Form>
    </section>
  )
}
