import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { notFound, requireSession, requireUser } from '~/auth/require.server'
import { FormErrors, TextField } from '~/components/forms'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { changePassword, getUserAccount } from '~/models/user.server'
import { ChangePasswordSchema } from '~/schemas/account'
import { redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.account')

const passwordFields = ['currentPassword', 'newPassword', 'confirmPassword']

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const account = getUserAccount({ id: user.id })
  if (!account) throw notFound()
  const { email, name, role, personName, organisationName } = account
  return json({ account: { email, name, role, personName, organisationName } })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request)
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields: passwordFields }) }, { status: 400 })
  }
  const changed = await changePassword({
    userId: user.id,
    currentPassword: submission.value.currentPassword,
    newPassword: submission.value.newPassword,
    sessionId,
    ip: context.clientIp ?? null,
  })
  if (!changed.ok) {
    return json({ result: submission.reply({ fieldErrors: changed.fieldErrors, hideFields: passwordFields }) }, { status: 400 })
  }
  return redirectWithNotice('/account', 'account.passwordChanged')
}

export default function Account() {
  const t = useT()
  const { account } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h1>{t('account.title')}</h1>
      <h2>{t('account.details')}</h2>
      <dl className="details">
        <dt>{t('users.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('users.name')}</dt>
        <dd>{account.name}</dd>
        <dt>{t('users.role')}</dt>
        <dd>{t(`role.${account.role}`)}</dd>
        <dt>{t('account.linkedPerson')}</dt>
        <dd>{account.personName ? [account.personName, account.organisationName].filter(Boolean).join(' — ') : t('account.none')}</dd>
      </dl>

      <h2 id="change-password">{t('account.changePassword')}</h2>
      <Form method="post" className="stack" aria-labelledby="change-password" {...getFormProps(form)}>
        <FormErrors errors={form.errors} show={actionData?.result.status === 'error'} />
        {/* Lets password managers tie the new password to this account. */}
        <input type="email" name="username" value={account.email} autoComplete="username" readOnly hidden />
        <TextField meta={fields.currentPassword} label={t('account.currentPassword')} type="password" autoComplete="current-password" />
        <TextField
          meta={fields.newPassword}
          label={t('account.newPassword')}
          hint={t('account.newPasswordHint')}
          type="password"
          autoComplete="new-password"
        />
        <TextField meta={fields.confirmPassword} label={t('account.confirmPassword')} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit">{t('account.submitPassword')}</button>
        </div>
      </Form>
    </>
  )
}
