import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { signIn } from '~/auth/login.server'
import { getSession, safeRedirect } from '~/auth/require.server'
import { createUserSession, endSession } from '~/auth/session.server'
import { FormErrors, TextField } from '~/components/forms'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { LoginSchema } from '~/schemas/account'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.login')

// A document POST passes on only an action's cookies unless the route names its headers.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers()
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getSession(request)
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')))
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields: ['password'] }), retryAfterMinutes: null }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const outcome = await signIn({ email, password, ip: context.clientIp ?? 'unknown' })
  if (outcome.status === 'throttled') {
    return json(
      {
        result: submission.reply({ formErrors: ['login.tooMany'], hideFields: ['password'] }),
        retryAfterMinutes: Math.ceil(outcome.retryAfterSeconds / 60),
      },
      { status: 429, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } },
    )
  }
  if (outcome.status === 'failed') {
    return json(
      { result: submission.reply({ formErrors: ['login.failed'], hideFields: ['password'] }), retryAfterMinutes: null },
      { status: 401 },
    )
  }
  // A session the browser brought along is never carried over into the new one.
  const previous = await getSession(request)
  if (previous.sessionId) await endSession(previous.sessionId)
  const cookie = await createUserSession(outcome.userId, request)
  return redirect(safeRedirect(redirectTo), { status: 303, headers: { 'Set-Cookie': cookie } })
}

export default function Login() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: 'onBlur',
  })
  const formErrors = form.errors?.map((error) =>
    error === 'login.tooMany' ? t('login.tooMany', { minutes: actionData?.retryAfterMinutes ?? 15 }) : error,
  )
  return (
    <>
      <h1>{t('login.title')}</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={formErrors} show={false} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
        <TextField meta={fields.email} label={t('login.email')} type="email" autoComplete="username" inputMode="email" />
        <TextField meta={fields.password} label={t('login.password')} type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit">{t('login.submit')}</button>
        </div>
      </Form>
    </>
  )
}
