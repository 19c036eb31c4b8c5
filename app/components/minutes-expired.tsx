import { DocumentSessionExpired, type ExpiredSubmission } from '~/components/document-expired'
import type { Translate } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'

const ROW = /^(participants|sections)\[(\d+)\]\.(organisation|name|role|title|body)$/

/** A submitted field as the writer knows it („Część 3 — treść”); null for technical fields. */
function fieldLabel(t: Translate, name: string): string | null {
  const row = ROW.exec(name)
  if (row) {
    const n = Number(row[2]) + 1
    return row[1] === 'sections'
      ? t(`minutes.expired.section.${row[3] as 'title' | 'body'}`, { n })
      : t(`minutes.participant.${row[3] as 'organisation' | 'name' | 'role'}N`, { n })
  }
  switch (name) {
    case 'topic':
    case 'place':
    case 'preparedBy':
      return t(`minutes.field.${name}`)
    case 'commentsDueAt':
      return t('minutes.cycle.commentsDueAt')
    case 'approvedBy':
      return t('minutes.cycle.approvedBy')
    case 'approvedOn':
      return t('minutes.cycle.approvedOn')
    case 'visibility':
      return t('minutes.cycle.visibility')
    default:
      return null
  }
}

/** The expired-session rescue of the minutes editor and of the cycle's forms on the minutes page. */
export function MinutesSessionExpired({ meetingId, submission }: { meetingId: number; submission: ExpiredSubmission }) {
  const t = useT()
  const saving = submission.fields.some(([name, value]) => name === 'intent' && value === 'save')
  return (
    <DocumentSessionExpired
      action={`/meetings/${meetingId}/minutes${saving ? '?edit' : ''}`}
      submission={submission}
      fieldLabel={(name) => fieldLabel(t, name)}
      resubmitStep={t('minutes.expired.step2')}
    />
  )
}
