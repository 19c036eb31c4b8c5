import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { getSession } from '~/auth/require.server'
import { blankSessionCookie, endSession } from '~/auth/session.server'
import { useT } from '~/i18n/use-t'
import { db } from '~/db.server'
import { recordAudit } from '~/models/audit.server'

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await getSession(request)
  if (sessionId) {
    await endSession(sessionId)
    recordAudit(db, { actorUserId: user.id, action: 'logout', entityType: 'user', entityId: user.id, ip: context.clientIp })
  }
  return redirect('/', { status: 303, headers: { 'Set-Cookie': blankSessionCookie(request) } })
}

/** A GET never signs anyone out (a link or a prefetch must not); it asks instead. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getSession(request)
  if (!user) throw redirect('/')
  return null
}

export default function Logout() {
  const t = useT()
  return (
    <>
      <h1>{t('logout.title')}</h1>
      <p>{t('logout.confirm')}</p>
      <Form method="post">
        <button type="submit">{t('nav.logout')}</button>
      </Form>
    </>
  )
}
