import type { AgreementSnapshot } from '~/models/agreement/snapshot'
import { agreementClauses } from '~/models/agreement/clauses'
import { Spans } from '~/components/markup'
import { useLang, useT } from '~/i18n/use-t'
import { formatDay } from '~/utils/format'

/** An agreement as its text reads: who concludes it with whom, represented by whom, then its paragraphs (§) with clauses and points. */
export function AgreementReader({ snapshot }: { snapshot: AgreementSnapshot }) {
  const t = useT()
  const lang = useLang()
  return (
    <article className="agreement" aria-labelledby="agreement-text-title">
      <h2 id="agreement-text-title">{t('agreements.text.heading', { number: snapshot.number })}</h2>
      <p>
        {t('agreements.text.concluded', {
          date: snapshot.concludedOn ? formatDay(snapshot.concludedOn, lang) : '……………',
          place: snapshot.place,
        })}
      </p>
      {snapshot.parties.length ? (
        <ol className="agreement__parties">
          {snapshot.parties.map((party) => (
            <li key={party.id}>
              <strong>{party.name}</strong>
              {party.address ? `, ${party.address}` : null}
              {party.signatories.length ? (
                <>
                  {`, ${t('agreements.text.representedBy')} `}
                  {party.signatories.map((s) => `${s.name} – ${s.position}`).join(', ')}
                </>
              ) : (
                <span className="muted"> {t('agreements.text.noSignatory')}</span>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('agreements.text.noParties')}</p>
      )}
      {snapshot.subject ? <p>{snapshot.subject}</p> : null}
      <p>
        {snapshot.validTo
          ? t('agreements.text.validUntil', { from: formatDay(snapshot.validFrom, lang), to: formatDay(snapshot.validTo, lang) })
          : t('agreements.text.validIndefinite', { from: formatDay(snapshot.validFrom, lang) })}
        {snapshot.noticeMonths !== null ? ` ${t('agreements.text.notice', { months: snapshot.noticeMonths })}` : null}
      </p>
      {snapshot.paragraphs.length === 0 ? <p className="muted">{t('agreements.text.empty')}</p> : null}
      {snapshot.paragraphs.map((paragraph) => (
        <section key={paragraph.id} className="agreement__paragraph" aria-labelledby={`paragraph-${paragraph.id}`}>
          <h3 id={`paragraph-${paragraph.id}`}>
            <span className="agreement__number">{paragraph.number}</span> {paragraph.title}
          </h3>
          {agreementClauses(paragraph.body).map((clause, i) => (
            <div key={i} className="agreement__clause">
              <p>
                {clause.number ? <span className="agreement__number">{clause.number} </span> : null}
                <Spans spans={clause.spans} />
              </p>
              {clause.points.length ? (
                <ul className="agreement__points">
                  {clause.points.map((point) => (
                    <li key={point.number}>
                      <span className="agreement__number">{point.number} </span>
                      <Spans spans={point.spans} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
        </section>
      ))}
      {snapshot.sources.length ? (
        <section aria-labelledby="agreement-sources">
          <h3 id="agreement-sources">{t('agreements.text.sources')}</h3>
          <ul>
            {snapshot.sources.map((source, i) => (
              <li key={i}>
                {source.meetingId ? (
                  <a href={`/meetings/${source.meetingId}`}>{source.meetingTitle ?? t('agreements.text.meeting')}</a>
                ) : null}
                {source.actionItemText ? ` — ${source.actionItemText}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
