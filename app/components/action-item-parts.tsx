import type { ActionItemState } from '#db/schema/enums'
import { useLang, useT } from '~/i18n/use-t'
import { formatDate, formatDay } from '~/utils/format'
import { formatOwners } from '~/utils/owners'

/** A YYYY-MM-DD day as „30.09.2017 r.” (noon UTC is the same day in Warsaw). */
export function useFormatDay() {
  const lang = useLang()
  return (day: string) => formatDay(day, lang)
}

/** The due in the minutes' words, the day it ends, and — in words, not colour alone — whether it has passed. */
export function ActionItemDue({ item }: { item: { dueText: string | null; dueDate: string | null; overdue: boolean } }) {
  const t = useT()
  const formatDay = useFormatDay()
  if (!item.dueText && !item.dueDate) return <span className="muted">{t('actionItems.noDue')}</span>
  return (
    <>
      {item.dueText ?? formatDay(item.dueDate!)}
      {item.dueText && item.dueDate ? <span className="muted"> ({t('actionItems.dueOn', { date: formatDay(item.dueDate) })})</span> : null}
      {item.overdue ? (
        <>
          {' '}
          <strong className="badge action-item-overdue">{t('actionItems.overdue')}</strong>
        </>
      ) : null}
    </>
  )
}

export function ActionItemStateText({ item }: { item: { state: ActionItemState; stateNote: string | null; closedAt: string | null } }) {
  const t = useT()
  const lang = useLang()
  return (
    <>
      <span className="badge">{t(`actionItems.state.${item.state}`)}</span>
      {item.closedAt ? <span className="muted"> {t('actionItems.closedOn', { date: formatDate(item.closedAt, lang) })}</span> : null}
      {item.stateNote ? <p className="prewrap">{item.stateNote}</p> : null}
    </>
  )
}

type ActionItemRow = Parameters<typeof ActionItemDue>[0]['item'] &
  Parameters<typeof ActionItemStateText>[0]['item'] & { text: string; owners: string[] }

/** The cells every list of action items shares: the task (the row's header), owner, due and state. */
export function ActionItemCells({ item }: { item: ActionItemRow }) {
  const t = useT()
  const lang = useLang()
  return (
    <>
      <th scope="row" className="prewrap">
        {item.text}
      </th>
      <td>{formatOwners(item.owners, lang) ?? <span className="muted">{t('actionItems.noOwner')}</span>}</td>
      <td>
        <ActionItemDue item={item} />
      </td>
      <td>
        <ActionItemStateText item={item} />
      </td>
    </>
  )
}
