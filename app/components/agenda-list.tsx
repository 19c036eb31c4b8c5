import { Form, Link, useLocation } from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import type { AgendaItemKind } from '#db/schema/enums'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import { groupAgendaByDay, groupParallelTracks } from '~/schemas/agenda'
import { formatLongDay } from '~/utils/format'
import { speakerLine } from '~/utils/speaker-line'
import type { DayOption } from './agenda-form'

type Person = { personId: number; name: string; position: string | null; organisation: string; organisationShortName?: string | null }

export type AgendaListItem = {
  id: number
  day: string
  position: number
  startTime: string | null
  endTime: string | null
  kind: AgendaItemKind
  title: string
  description: string | null
  track: string | null
  moderator: Person | null
  speakers: Person[]
}

type Props = {
  days: DayOption[]
  items: AgendaListItem[]
  /** Officers get edit, move and remove controls. */
  manage: boolean
  editingId?: number | null
  /** The edit form drawn in place of the item being edited. */
  renderEditForm?: (item: AgendaListItem) => ReactNode
}

function timeRange(item: Pick<AgendaListItem, 'startTime' | 'endTime'>) {
  if (!item.startTime) return null
  return item.endTime ? `${item.startTime}–${item.endTime}` : item.startTime
}

/**
 * After a move the page comes back at `#move-up-<id>` (or down): the same button gets the
 * focus again, so a keyboard user can keep pressing it; at the top or bottom, the item.
 */
function useFocusFromHash() {
  const location = useLocation()
  useEffect(() => {
    const match = /^#(move-(?:up|down)-(\d+)|item-(\d+))$/.exec(location.hash)
    if (!match) return
    const target = document.getElementById(match[1]!) ?? document.getElementById(`item-${match[2] ?? match[3]}`)
    target?.focus()
  }, [location.key, location.hash])
}

export function AgendaList({ days, items, manage, editingId, renderEditForm }: Props) {
  const t = useT()
  const lang = useLang()
  useFocusFromHash()
  const known = new Map(days.map((day) => [day.value, day]))
  const groups = groupAgendaByDay(
    items,
    days.map((day) => day.value),
  )
  // A one-day meeting's only day needs no „Dzień 1”.
  const several = groups.length > 1
  return (
    <>
      {groups.map((group) => {
        const day = known.get(group.day)
        const headingId = `agenda-day-${group.day}`
        return (
          <section key={group.day} aria-labelledby={headingId} className="agenda-day">
            <h3 id={headingId}>{day ? (several ? day.label : day.date) : formatLongDay(group.day, lang)}</h3>
            {group.items.length === 0 ? (
              <p className="muted">{t('agenda.emptyDay')}</p>
            ) : (
              <ol className="agenda">
                {groupParallelTracks(group.items).map((block) =>
                  block.length === 1 ? (
                    <AgendaEntry
                      key={block[0]!.id}
                      item={block[0]!}
                      dayItems={group.items}
                      manage={manage}
                      editing={editingId === block[0]!.id}
                      renderEditForm={renderEditForm}
                    />
                  ) : (
                    <li key={`parallel-${block[0]!.id}`} className="agenda-parallel">
                      <p className="agenda-parallel__label">{t('agenda.parallel', { time: timeRange(block[0]!) ?? '' })}</p>
                      <ul className="agenda-parallel__tracks">
                        {block.map((item) => (
                          <AgendaEntry
                            key={item.id}
                            item={item}
                            dayItems={group.items}
                            manage={manage}
                            editing={editingId === item.id}
                            renderEditForm={renderEditForm}
                          />
                        ))}
                      </ul>
                    </li>
                  ),
                )}
              </ol>
            )}
          </section>
        )
      })}
    </>
  )
}

function AgendaEntry({
  item,
  dayItems,
  manage,
  editing,
  renderEditForm,
}: {
  item: AgendaListItem
  dayItems: AgendaListItem[]
  manage: boolean
  editing: boolean
  renderEditForm?: (item: AgendaListItem) => ReactNode
}) {
  const t = useT()
  const lang = useLang()
  const time = timeRange(item)
  const first = dayItems[0]?.id === item.id
  const last = dayItems.at(-1)?.id === item.id
  const titleId = `item-${item.id}-title`
  return (
    <li id={`item-${item.id}`} tabIndex={-1} className="agenda-item">
      {editing && renderEditForm ? (
        <>
          <h4 id={titleId}>{t('agenda.editing', { title: item.title })}</h4>
          {/* Order and removal sit with the item being edited, first, so Tab from the item reaches them: the list stays one link per item. */}
          <Form method="post" preventScrollReset className="actions agenda-item__actions">
            <input type="hidden" name="itemId" value={item.id} />
            {first ? null : <MoveButton item={item} direction="up" />}
            {last ? null : <MoveButton item={item} direction="down" />}
            <button type="submit" name="intent" value="remove" className="link-button">
              {t('agenda.remove')}
              <span className="visually-hidden">: {item.title}</span>
            </button>
          </Form>
          {renderEditForm(item)}
        </>
      ) : (
        <>
          <p className="agenda-item__meta">
            {time ? <span className="agenda-item__time">{time}</span> : null}
            <span className="badge">{t(`agenda.kind.${item.kind}`)}</span>
            {item.track ? <span className="badge agenda-item__track">{t('agenda.trackIs', { track: item.track })}</span> : null}
          </p>
          <h4 id={titleId} className="agenda-item__title">
            {item.title}
          </h4>
          {item.description ? <p className="prewrap">{item.description}</p> : null}
          {item.speakers.length ? (
            <p>
              {t(countKey(lang, 'agenda.speakers', item.speakers.length))} {item.speakers.map(speakerLine).join(', ')}
            </p>
          ) : null}
          {item.moderator ? (
            <p>
              {t('agenda.moderatorIs')} {speakerLine(item.moderator)}
            </p>
          ) : null}
          {manage ? (
            <Link to={`?edit=${item.id}#item-${item.id}`} preventScrollReset className="agenda-item__actions">
              {t('agenda.manageItem')}
              <span className="visually-hidden">: {item.title}</span>
            </Link>
          ) : null}
        </>
      )}
    </li>
  )
}

function MoveButton({ item, direction }: { item: AgendaListItem; direction: 'up' | 'down' }) {
  const t = useT()
  return (
    <button type="submit" name="intent" value={`move-${direction}`} id={`move-${direction}-${item.id}`} className="button--secondary">
      {t(direction === 'up' ? 'agenda.moveUp' : 'agenda.moveDown')}
      <span className="visually-hidden">: {item.title}</span>
    </button>
  )
}
