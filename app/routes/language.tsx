import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { safeRedirect } from '~/auth/require.server'
import { langCookie } from '~/i18n/lang.server'
import { isLang } from '~/i18n/messages'

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const lang = formData.get('lang')
  const to = safeRedirect(formData.get('redirectTo'))
  if (!isLang(lang)) return redirect(to, { status: 303 })
  return redirect(to, { status: 303, headers: { 'Set-Cookie': await langCookie.serialize(lang) } })
}

export async function loader() {
  return redirect('/')
}
