import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import type { Role } from '#db/schema/enums'
import { notFound, requirePermission } from '~/auth/require.server'
import { FormErrors } from '~/components/forms'
import { Pagination } from '~/components/list-controls'
import { USER_PICKERS, UserFields } from '~/components/user-form'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { listAuditEntriesFor } from '~/models/audit.server'
import { getUserAccount, setUserDisabled, updateUser } from '~/models/user.server'
import { EditUserSchema } from '~/schemas/account'
import { auditActionLabel } from '~/utils/audit'
import { formatDateTime } from '~/utils/format'
import { actorOf, parseId, redirectWithNotice } from '~/utils/http.server'
import { pageHref, pageParam } from '~/utils/paging'
import type { PickerState } from '~/utils/picker'
import { chosenLabels, keptInput, readPickers } from '~/utils/picker.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'title.user', { email: data?.account.email ?? '' })

function requireAccount(userId: string | undefined) {
  const account = getUserAccount({ id: parseId(userId) })
  if (!account) throw notFound()
  return account
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'users.manage')
  const { id, email, name, role, personId, disabledAt } = requireAccount(params.userId)
  const page = pageParam(new URL(request.url))
  return json({
    account: { id, email, name, role, personId, disabled: !!disabledAt, isSelf: id === user.id },
    // A person since archived keeps their label, and stays linked until someone changes it.
    labels: chosenLabels(USER_PICKERS, () => (personId ? [String(personId)] : [])),
    history: { ...listAuditEntriesFor({ entityType: 'user', entityId: id, page }), page },
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'users.manage')
  const account = requireAccount(params.userId)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'disable' || intent === 'enable') {
    if (intent === 'disable' && account.id === user.id) {
      return json({ result: null, accessError: 'users.cannotDisableSelf' as const, picker: null }, { status: 400 })
    }
    await setUserDisabled({ id: account.id, disabled: intent === 'disable', actor: actorOf(user, context) })
    return redirectWithNotice(`/admin/users/${account.id}`, intent === 'disable' ? 'users.disabledNotice' : 'users.enabledNotice')
  }
  if (intent !== 'edit') throw new Response('Bad Request', { status: 400 })
  const submission = parseWithZod(formData, { schema: EditUserSchema })
  const picker = readPickers(formData, USER_PICKERS)
  if (picker.search) return json({ result: keptInput(submission), accessError: null, picker })
  if (submission.status !== 'success') return json({ result: submission.reply(), accessError: null, picker }, { status: 400 })
  // An administrator who demoted themselves could leave Narada with nobody to manage it.
  const saved =
    account.id === user.id && submission.value.role !== account.role
      ? { ok: false as const, fieldErrors: { role: ['users.cannotChangeOwnRole'] } }
      : await updateUser({ id: account.id, fields: submission.value, actor: actorOf(user, context) })
  if (!saved.ok) return json({ result: submission.reply({ fieldErrors: saved.fieldErrors }), accessError: null, picker }, { status: 400 })
  return redirectWithNotice(`/admin/users/${account.id}`, 'users.saved')
}

export default function EditUser() {
  const t = useT()
  const lang = useLang()
  const { account, labels, history: historyPage } = useLoaderData<typeof loader>()
  const history = historyPage.rows
  const { search } = useLocation()
  const actionData = useActionData<typeof action>()
  const defaultValue = {
    email: account.email,
    name: account.name,
    role: account.role,
    personId: account.personId ? String(account.personId) : undefined,
  }
  return (
    <>
      <h1>{t('users.editTitle', { email: account.email })}</h1>
      <h2>{t('account.details')}</h2>
      {/* Keyed by the saved values, so a form saved without errors starts afresh. */}
      <EditForm
        key={JSON.stringify(defaultValue)}
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        person={{ search: actionData?.picker?.search ?? null, labels: { ...labels, ...actionData?.picker?.labels } }}
      />

      <h2>{t('users.access')}</h2>
      {actionData?.accessError ? (
        <p className="notice notice--error" role="alert">
          {t(actionData.accessError)}
        </p>
      ) : null}
      <p>
        {t('users.state')}: <span className="badge">{account.disabled ? t('users.disabled') : t('users.active')}</span>
      </p>
      {account.isSelf ? (
        actionData?.accessError ? null : (
          <p className="muted">{t('users.cannotDisableSelf')}</p>
        )
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value={account.disabled ? 'enable' : 'disable'} />
          <button type="submit" className="button--secondary">
            {account.disabled ? t('users.enable') : t('users.disable')}
          </button>
        </Form>
      )}

      <h2>{t('users.history')}</h2>
      {history.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('users.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.actor')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at, lang)}</td>
                  <td>{auditActionLabel(t, entry.action)}</td>
                  <td>{entry.actorName ?? t('audit.system')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={historyPage.page} pages={historyPage.pages} href={(n) => pageHref(search, n)} />
    </>
  )
}

function EditForm({
  lastResult,
  defaultValue,
  person,
}: {
  lastResult?: SubmissionResult<string[]> | null
  defaultValue: { email: string; name: string; role: Role; personId?: string }
  person: PickerState
}) {
  const t = useT()
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditUserSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value="edit" />
      <UserFields fields={fields} person={person} />
      <div className="actions">
        <button type="submit">{t('common.save')}</button>
        <Link to="/admin/users">{t('common.cancel')}</Link>
      </div>
    </Form>
  )
}
