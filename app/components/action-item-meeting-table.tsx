import type { SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { ActionItemState } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import { ActionItemCells } from './action-item-parts'
import { ActionItemStateForm } from './action-item-state-form'
import { RowActionForm } from './forms'

export type MeetingActionItem = {
  id: number
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

/**
 * The items of one meeting in the minutes' order. Officers edit a row in place (`?edit=<id>`,
 * no JavaScript needed), reorder and remove while the minutes are open, and change the
 * state of any item at any time.
 */
export function ActionItemMeetingTable({
  meetingNumber,
  items,
  manage,
  locked,
  editingId,
  renderEditForm,
  stateResult,
}: {
  meetingNumber: number
  items: MeetingActionItem[]
  manage: boolean
  locked: boolean
  editingId: number | null
  renderEditForm: (item: MeetingActionItem, index: number) => ReactNode
  stateResult: (itemId: number) => SubmissionResult<string[]> | undefined
}) {
  const t = useT()
  const columns = manage ? 6 : 5
  return (
    <div className="table-wrap">
      <table className="action-items">
        <caption>{t('actionItems.caption', { number: meetingNumber })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('actionItems.col.number')}</th>
            <th scope="col">{t('actionItems.col.text')}</th>
            <th scope="col">{t('actionItems.col.owner')}</th>
            <th scope="col">{t('actionItems.col.due')}</th>
            <th scope="col">{t('actionItems.col.state')}</th>
            {manage ? <th scope="col">{t('actionItems.col.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => {
            const subject = t('actionItems.subject', { n: index + 1 })
            return [
              <tr key={item.id} id={`item-${item.id}`}>
                <td>{index + 1}.</td>
                <ActionItemCells item={item} />
                {manage ? (
                  <td>
                    {locked ? null : (
                      <div className="actions">
                        <Link to={`?edit=${item.id}#edit-${item.id}`}>
                          {t('actionItems.edit')}
                          <span className="visually-hidden">: {subject}</span>
                        </Link>
                        {index > 0 ? (
                          <RowActionForm
                            intent="move"
                            fields={{ itemId: item.id, direction: 'up' }}
                            label={t('actionItems.moveUp')}
                            subject={subject}
                          />
                        ) : null}
                        {index < items.length - 1 ? (
                          <RowActionForm
                            intent="move"
                            fields={{ itemId: item.id, direction: 'down' }}
                            label={t('actionItems.moveDown')}
                            subject={subject}
                          />
                        ) : null}
                        <RowActionForm intent="remove" fields={{ itemId: item.id }} label={t('actionItems.remove')} subject={subject} />
                      </div>
                    )}
                    <ActionItemStateForm
                      itemId={item.id}
                      state={item.state}
                      note={item.stateNote}
                      subject={subject}
                      lastResult={stateResult(item.id)}
                    />
                  </td>
                ) : null}
              </tr>,
              editingId === item.id ? (
                <tr key={`edit-${item.id}`} id={`edit-${item.id}`}>
                  <td colSpan={columns}>
                    <h3>{t('actionItems.editTitle', { n: index + 1 })}</h3>
                    {renderEditForm(item, index)}
                  </td>
                </tr>
              ) : null,
            ]
          })}
        </tbody>
      </table>
    </div>
  )
}
