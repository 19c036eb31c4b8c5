import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { requirePermission } from '~/auth/require.server'
import { FormErrors, TextField } from '~/components/forms'
import { USER_PICKERS, UserFields } from '~/components/user-form'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { createUser } from '~/models/user.server'
import { NewUserSchema } from '~/schemas/account'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { keptInput, readPickers } from '~/utils/picker.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.newUser')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'users.manage')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'users.manage')
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: NewUserSchema })
  const picker = readPickers(formData, USER_PICKERS)
  // The password is typed again after a search step rather than sent back in the page.
  if (picker.search) return json({ result: keptInput({ reply: () => submission.reply({ hideFields: ['password'] }) }), picker })
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields: ['password'] }), picker }, { status: 400 })
  }
  const { password, ...fields } = submission.value
  const created = await createUser({ fields, password, actor: actorOf(user, context) })
  if (!created.ok) {
    return json({ result: submission.reply({ fieldErrors: created.fieldErrors, hideFields: ['password'] }), picker }, { status: 400 })
  }
  return redirectWithNotice(`/admin/users/${created.id}`, 'users.created')
}

export default function NewUser() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewUserSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h1>{t('users.newTitle')}</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} show={actionData?.result.status === 'error'} />
        <UserFields fields={fields} person={actionData?.picker ?? { search: null, labels: {} }} />
        <TextField
          meta={fields.password}
          label={t('users.password')}
          hint={t('users.passwordHint')}
          type="password"
          autoComplete="new-password"
        />
        <div className="actions">
          <button type="submit">{t('users.new')}</button>
          <Link to="/admin/users">{t('common.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}
