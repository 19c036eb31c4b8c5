import type { SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import type { ActionItemState } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import { ActionItemCells, useFormatDay } from './action-item-parts'
import { ActionItemStateForm } from './action-item-state-form'

export type BodyActionItem = {
  id: number
  meetingId: number
  meetingNumber: number
  meetingDay: string
  text: string
  /** The owners' names, in order. */
  owners: string[]
  dueText: string | null
  dueDate: string | null
  overdue: boolean
  state: ActionItemState
  stateNote: string | null
  closedAt: string | null
}

/** A long task shortened to name its row for screen readers. */
function subjectOf(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text
}

/** A team's items from all its meetings, each linked to the meeting that decided it. */
export function ActionItemBodyTable({
  caption,
  items,
  manage,
  stateResult,
}: {
  caption: string
  items: BodyActionItem[]
  manage: boolean
  stateResult: (itemId: number) => SubmissionResult<string[]> | undefined
}) {
  const t = useT()
  const formatDay = useFormatDay()
  return (
    <div className="table-wrap">
      <table className="action-items">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('actionItems.col.text')}</th>
            <th scope="col">{t('actionItems.col.owner')}</th>
            <th scope="col">{t('actionItems.col.due')}</th>
            <th scope="col">{t('actionItems.col.state')}</th>
            <th scope="col">{t('actionItems.col.meeting')}</th>
            {manage ? <th scope="col">{t('actionItems.changeState')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} id={`item-${item.id}`}>
              <ActionItemCells item={item} />
              <td>
                <Link to={`/meetings/${item.meetingId}/minutes/action-items#item-${item.id}`}>
                  {t('actionItems.fromMeeting', { number: item.meetingNumber, date: formatDay(item.meetingDay) })}
                </Link>
              </td>
              {manage ? (
                <td>
                  <ActionItemStateForm
                    itemId={item.id}
                    state={item.state}
                    note={item.stateNote}
                    subject={subjectOf(item.text)}
                    lastResult={stateResult(item.id)}
                  />
                  {item.state === 'open' ? (
                    <Link to={`/agreements/new?actionItem=${item.id}`}>
                      {t('agreements.startFromActionItem')}
                      <span className="visually-hidden">: {subjectOf(item.text)}</span>
                    </Link>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
