import { Form } from '@remix-run/react'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import { formatOwners } from '~/utils/owners'
import { useFormatDay } from './action-item-parts'

export type CarryOverItem = {
  id: number
  text: string
  /** The owners' names, in order. */
  owners: string[]
  dueText: string | null
  dueDate: string | null
  overdue: boolean
  meetingNumber: number
}

/**
 * On the agenda of a team's meeting, for its officers: the items still open from earlier
 * meetings, with a button that puts „Sprawy z poprzedniego spotkania” on the agenda —
 * or, once that item is there, the same list for reference.
 */
export function ActionItemCarryOver({ items, agendaItemId }: { items: CarryOverItem[]; agendaItemId: number | null }) {
  const t = useT()
  const lang = useLang()
  const formatDay = useFormatDay()
  if (!items.length) return null
  return (
    <section aria-labelledby="carry-over-title" className="notice notice--info">
      <h3 id="carry-over-title">{t('actionItems.carryOver.title')}</h3>
      <p>{agendaItemId ? t('actionItems.carryOver.present') : t('actionItems.carryOver.intro')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            {item.text}{' '}
            <span className="muted">
              (
              {t('actionItems.carryOver.details', {
                owners: item.owners.length
                  ? t(countKey(lang, 'actionItems.owners', item.owners.length), { owners: formatOwners(item.owners, lang)! })
                  : t('actionItems.carryOver.noOwner'),
                due: item.dueText ?? (item.dueDate ? formatDay(item.dueDate) : t('actionItems.noDue')),
                number: item.meetingNumber,
              })}
              )
            </span>
            {item.overdue ? (
              <>
                {' '}
                <strong className="badge">{t('actionItems.overdue')}</strong>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {agendaItemId ? (
        <p>
          <a href={`#item-${agendaItemId}`}>{t('actionItems.carryOver.goTo')}</a>
        </p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="carryOver" />
          <button type="submit" className="button">
            {t('actionItems.carryOver.add')}
          </button>
        </Form>
      )}
    </section>
  )
}
