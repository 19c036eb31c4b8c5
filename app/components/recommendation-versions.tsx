import { Fragment } from 'react'
import { SectionChanges, sideLabel } from '~/components/document-versions'
import { Markup } from '~/components/markup'
import { WordDiff } from '~/components/word-diff'
import { useT } from '~/i18n/use-t'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import type { RecommendationComparison } from '~/utils/recommendation-compare'

export type FrozenRecommendation = Pick<RecommendationSnapshot, 'title' | 'summary' | 'addresseeKinds' | 'chapters'>

/** The changes between two versions: the document's own fields, then chapters and items. */
export function RecommendationChanges({ from, to, comparison }: { from: string; to: string; comparison: RecommendationComparison }) {
  const t = useT()
  return (
    <section aria-labelledby="comparison-heading" className="comparison">
      <h3 id="comparison-heading">{t('document.compare.heading', { from: sideLabel(t, from), to: sideLabel(t, to) })}</h3>
      <p className="muted">{t('document.compare.legend')}</p>
      {comparison.changed ? null : <p className="notice notice--info">{t('document.compare.identical')}</p>}
      <h4>{t('recommendationEditor.compare.header')}</h4>
      {comparison.fields.length ? (
        <dl className="details">
          {comparison.fields.map(({ field, changes }) => (
            <Fragment key={field}>
              <dt>{t(`recommendationEditor.compare.field.${field}`)}</dt>
              <dd>
                <WordDiff changes={changes} />
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p>{t('recommendationEditor.compare.noHeaderChanges')}</p>
      )}
      <h4>{t('document.compare.content')}</h4>
      {comparison.sections.map((section) => (
        <SectionChanges key={section.key} section={section} />
      ))}
    </section>
  )
}

/** One frozen version read as it was: nothing here comes from the live rows. */
export function FrozenRecommendationText({ text }: { text: FrozenRecommendation }) {
  const t = useT()
  const kinds = (list: string[]) => list.map((kind) => t(`kind.${kind as RecommendationSnapshot['addresseeKinds'][number]}`)).join(', ')
  return (
    <article aria-labelledby="frozen-title">
      <h3 id="frozen-title">{text.title}</h3>
      {text.summary ? <Markup source={text.summary} /> : null}
      <p>{t('recommendationEditor.version.addressees', { kinds: kinds(text.addresseeKinds) })}</p>
      {text.chapters.map((chapter) => (
        <section key={chapter.id} aria-labelledby={`frozen-chapter-${chapter.id}`}>
          <h4 id={`frozen-chapter-${chapter.id}`}>
            {chapter.number} {chapter.title}
          </h4>
          {chapter.body ? <Markup source={chapter.body} /> : null}
          {chapter.items.map((item) => (
            <section key={item.id} aria-labelledby={`frozen-item-${item.id}`}>
              <h5 id={`frozen-item-${item.id}`}>
                {item.number} {item.title}
              </h5>
              <Markup source={item.body} />
              {item.addresseeKinds.length ? (
                <p>{t('recommendationEditor.version.addressees', { kinds: kinds(item.addresseeKinds) })}</p>
              ) : null}
              {item.timeFrame ? <p>{t('recommendationEditor.version.timeFrame', { timeFrame: item.timeFrame })}</p> : null}
            </section>
          ))}
        </section>
      ))}
    </article>
  )
}
