import { translator } from '~/i18n/messages'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { formatDay } from '~/utils/format'
import { parseMarkup, type Block } from '~/utils/markup'
import type { PdfMeta } from '../document.server'
import { verificationViewOf, type VerificationView } from '../layout/verification'

// Recommendations are a Polish document whatever the language of the interface.
const t = translator('pl')

export interface RecommendationTitlePage {
  convener: string
  umbrella: string | null
  bodyName: string
  documentKind: string
  title: string
  /** „Nr ROPS-KR/REK/1/2014”, or the draft note. */
  numberLine: string
  /** „Przyjęte przez zespół na spotkaniu nr 3 w dniu 14.03.2014 r.” once adopted. */
  adoptionLine: string | null
}

export interface RecommendationItemView {
  /** „1.2. Wspólne konferencje przypadków” */
  heading: string
  blocks: Block[]
  /** „Adresaci: …” when the item names its own. */
  addressees: string | null
  timeFrame: string | null
}

export interface RecommendationChapterView {
  /** Where the table of contents points: the chapter's key in the page map. */
  key: string
  /** „1. Wymiana informacji” */
  heading: string
  blocks: Block[]
  items: RecommendationItemView[]
}

export interface RecommendationAnnexView {
  key: string
  heading: string
  members: { organisation: string; delegate: string; deputy: string }[]
  addressees: string[]
  files: string[]
}

export interface RecommendationPdfView {
  meta: PdfMeta
  watermark: string | null
  fundingNotice: string | null
  titlePage: RecommendationTitlePage
  summary: Block[]
  chapters: RecommendationChapterView[]
  annex: RecommendationAnnexView
  verification: VerificationView | null
  fileName: string
}

export const ANNEX_KEY = 'annex'
export const SUMMARY_KEY = 'summary'

const kindLabel = (kind: string) => t(`kind.${kind}` as Parameters<typeof t>[0])

/** „rekomendacje-rops-kr-rek-1-2014.pdf”, or with the document's id while it has no number. */
export function recommendationFileName(snapshot: Pick<RecommendationSnapshot, 'number' | 'documentId'>): string {
  const slug = (snapshot.number ?? `projekt-${snapshot.documentId}`)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return t('recommendation.pdf.fileName', { slug })
}

/**
 * Everything the recommendations' PDF prints, formatted, from the snapshot alone: a published
 * version's snapshot always gives the same view, and so the same bytes.
 */
export function buildRecommendationView(snapshot: RecommendationSnapshot): RecommendationPdfView {
  const publication = snapshot.publication
  const published = !!publication && !!snapshot.number
  const createdAt = new Date(publication?.publishedAt ?? snapshot.updatedAt)
  return {
    meta: {
      title: t('recommendation.pdf.title', { title: snapshot.title }),
      author: snapshot.bodyName,
      subject: t('recommendation.pdf.subject', { body: snapshot.bodyName, title: snapshot.title }),
      keywords: [t('recommendation.pdf.documentKind'), snapshot.bodyName, ...(snapshot.number ? [snapshot.number] : [])],
      createdAt,
    },
    watermark: published ? null : t('recommendation.pdf.watermark'),
    fundingNotice: snapshot.fundingNotice?.trim() || null,
    titlePage: {
      convener: snapshot.convener,
      umbrella: snapshot.umbrella?.trim() || null,
      bodyName: snapshot.bodyName,
      documentKind: t('recommendation.pdf.documentKind'),
      title: snapshot.title,
      numberLine: published ? t('recommendation.pdf.number', { number: snapshot.number! }) : t('recommendation.pdf.draftNumber'),
      adoptionLine: snapshot.adoption
        ? t('recommendation.pdf.adoptedOn', { meeting: snapshot.adoption.meetingNumber, date: formatDay(snapshot.adoption.adoptedOn) })
        : null,
    },
    summary: parseMarkup(snapshot.summary),
    chapters: snapshot.chapters.map((chapter) => ({
      key: `chapter-${chapter.id}`,
      heading: `${chapter.number} ${chapter.title}`.trim(),
      blocks: parseMarkup(chapter.body),
      items: chapter.items.map((item) => ({
        heading: `${item.number} ${item.title}`.trim(),
        blocks: parseMarkup(item.body),
        addressees: item.addresseeKinds.length
          ? t('recommendation.pdf.addressees', { kinds: item.addresseeKinds.map(kindLabel).join(', ') })
          : null,
        timeFrame: item.timeFrame?.trim() ? t('recommendation.pdf.timeFrame', { timeFrame: item.timeFrame.trim() }) : null,
      })),
    })),
    annex: {
      key: ANNEX_KEY,
      heading: t('recommendation.pdf.annex'),
      members: snapshot.members.map((member) => ({
        organisation: member.organisation,
        delegate: member.delegate ?? '',
        deputy: member.deputy ?? '',
      })),
      addressees: snapshot.addresseeKinds.map(kindLabel),
      files: snapshot.annexes.map((annex) => annex.title),
    },
    verification: publication ? verificationViewOf(publication) : null,
    fileName: recommendationFileName(snapshot),
  }
}
