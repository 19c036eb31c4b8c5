import { useT } from '~/i18n/use-t'
import { MAP_CLASSES } from '~/utils/county-map'

/**
 * The region's counties shaded by the share of recipients that confirmed: an SVG image drawn on
 * the server (…/map.svg), so its outlines travel once and are not repeated in the page's data.
 * It is a picture of the table below it, which has every number, and its text says so.
 */
export function CountyMap({ src }: { src: string }) {
  const t = useT()
  return (
    <figure className="county-map">
      <img src={src} alt={t('distributionDashboard.mapAlt')} width={600} height={500} />
      <figcaption>
        <p>{t('distributionDashboard.mapCaption')}</p>
        <ul className="county-map__legend">
          {MAP_CLASSES.map(({ from, to, fill }) => (
            <li key={from}>
              <span className="county-map__swatch" style={{ background: fill }} aria-hidden="true" />{' '}
              {t('distributionDashboard.mapClass', { from, to })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
