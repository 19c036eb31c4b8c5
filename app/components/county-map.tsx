import { useT } from '~/i18n/use-t'

export type MapCounty = { code: string; name: string; rate: number | null }

/** Confirmation rates in five classes, lightest the lowest. */
const CLASSES = [0, 20, 40, 60, 80] as const
const classOf = (rate: number | null) => (rate === null ? 'none' : String(CLASSES.filter((from) => rate >= from).at(-1) ?? 0))

/**
 * The region's counties shaded by the share of recipients that confirmed, drawn on the server
 * from the register's outlines (db/register/county-paths.json). It is a picture of the table
 * below it, which has every number: hidden from screen readers, it says so in its caption.
 */
export function CountyMap({ map, counties }: { map: { viewBox: string; shapes: { code: string; d: string }[] }; counties: MapCounty[] }) {
  const t = useT()
  const byCode = new Map(counties.map((c) => [c.code, c]))
  return (
    <figure className="county-map">
      <svg viewBox={map.viewBox} width="100%" aria-hidden="true" focusable="false">
        {map.shapes.map((shape) => {
          const county = byCode.get(shape.code)
          return (
            <path key={shape.code} d={shape.d} className={`county-map__county county-map__county--${classOf(county?.rate ?? null)}`}>
              {county ? <title>{`${county.name}: ${county.rate === null ? '—' : `${county.rate}%`}`}</title> : null}
            </path>
          )
        })}
      </svg>
      <figcaption>
        <p>{t('distributionDashboard.mapCaption')}</p>
        <ul className="county-map__legend">
          {CLASSES.map((from, i) => (
            <li key={from}>
              <span className={`county-map__swatch county-map__county--${from}`} aria-hidden="true" />{' '}
              {t('distributionDashboard.mapClass', { from, to: CLASSES[i + 1] ?? 100 })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
