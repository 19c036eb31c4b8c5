import { parseMarkup, type Span } from '~/utils/markup'

/** A point (pkt) of a clause: „1)”. */
export type AgreementPoint = { number: string; spans: Span[] }
/** A clause (ust.) of a paragraph: „1.” — unnumbered when the paragraph has only one. */
export type AgreementClause = { number: string | null; spans: Span[]; points: AgreementPoint[] }

/**
 * The clauses (ust.) and points (pkt) of a paragraph's markup, numbered as Polish legal texts
 * number them: each paragraph of text is a clause („1.”, „2.”; no number when it stands alone),
 * and a list under it is its points („1)”, „2)”). A list with no text above it is points of an
 * unnumbered clause. The officer never types a number; moving text renumbers it.
 */
export function agreementClauses(body: string): AgreementClause[] {
  const clauses: AgreementClause[] = []
  for (const block of parseMarkup(body)) {
    if (block.kind === 'paragraph') clauses.push({ number: null, spans: block.spans, points: [] })
    else {
      const last = clauses.at(-1)
      const points = block.items.map((spans) => ({ number: '', spans }))
      if (last && last.points.length === 0) last.points = points
      else clauses.push({ number: null, spans: [], points })
    }
  }
  const numbered = clauses.length > 1
  return clauses.map((clause, i) => ({
    number: numbered ? `${i + 1}.` : null,
    spans: clause.spans,
    points: clause.points.map((point, j) => ({ number: `${j + 1})`, spans: point.spans })),
  }))
}

export const paragraphNumber = (index: number) => `§ ${index + 1}`
