import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/require.server'
import { versionState } from '~/components/minutes-versions'
import { FrozenMinutesText } from '~/components/minutes-version-reader'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { getMinutesVersion, listMinutesVersions } from '~/models/minutes.server'
import { formatDateTime } from '~/utils/format'
import { parseId } from '~/utils/http.server'
import { requireMinutesInsider } from '~/utils/minutes-review.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, 'title.minutesVersion', { number: data.version.number }) : pageTitle(matches, null)

/** One frozen version, as it was saved; for the team only, like the list of versions. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meetingId, minutes } = await requireMinutesInsider(request, params)
  const number = parseId(params.number)
  const version = getMinutesVersion({ minutesId: minutes.id, number })
  if (!version) throw notFound()
  const summary = listMinutesVersions({ minutesId: minutes.id }).find((v) => v.number === number)
  const s = version.snapshot
  return json({
    meetingId,
    version: { number, state: version.state, createdAt: version.createdAt, createdByName: summary?.createdByName ?? null },
    text: {
      topic: s.topic,
      place: s.place,
      startsAt: s.startsAt,
      participants: s.participants.map((p) => ({ organisation: p.organisation, name: p.name, role: p.role })),
      sections: s.sections.map((x) => ({ id: x.id, title: x.title, body: x.body })),
      actionItems: s.actionItems.map((a) => ({ id: a.id, text: a.text, owner: a.owner, dueText: a.dueText, dueDate: a.dueDate })),
      preparedBy: s.preparedBy,
      approvedBy: s.approvedBy,
      approvedOn: s.approvedOn,
    },
  })
}

export default function MinutesVersion() {
  const t = useT()
  const lang = useLang()
  const { meetingId, version, text } = useLoaderData<typeof loader>()
  const base = `/meetings/${meetingId}/minutes/versions`
  return (
    <>
      <h2>{t('minutesReview.version.title', { number: version.number })}</h2>
      <p className="notice notice--info">
        {t('minutesReview.version.frozen', {
          number: version.number,
          state: versionState(t, version.state),
          when: formatDateTime(version.createdAt, lang),
          by: version.createdByName ? t('minutesReview.version.by', { name: version.createdByName }) : '',
        })}
      </p>
      <p className="actions">
        <Link to={base}>{t('minutesReview.version.allVersions')}</Link>
        <Link to={`${base}?from=${version.number}&to=current`}>{t('minutesReview.version.compareWithCurrent')}</Link>
      </p>
      <FrozenMinutesText minutes={text} />
    </>
  )
}
