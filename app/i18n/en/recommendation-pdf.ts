import type { recommendationPdf as pl } from '../pl/recommendation-pdf'

/** The recommendations' PDF is printed in Polish; these are the English words for an English reader of the keys. */
export const recommendationPdf: Record<keyof typeof pl, string> = {
  'recommendation.pdf.documentKind': 'Recommendations',
  'recommendation.pdf.draftNumber': 'DRAFT — working document, not adopted',
  'recommendation.pdf.number': 'No. {number}',
  'recommendation.pdf.adoptedOn': 'Adopted by the team at meeting no. {meeting} on {date}',
  'recommendation.pdf.convenedBy': 'The team works at: {convener}',
  'recommendation.pdf.contents': 'Contents',
  'recommendation.pdf.summary': 'Summary',
  'recommendation.pdf.addressees': 'Addressed to: {kinds}',
  'recommendation.pdf.timeFrame': 'Suggested time frame: {timeFrame}',
  'recommendation.pdf.annex': 'Annex. The team during the work and the addressees',
  'recommendation.pdf.members': 'Member institutions of the team',
  'recommendation.pdf.col.number': 'No.',
  'recommendation.pdf.col.organisation': 'Institution',
  'recommendation.pdf.col.delegate': 'Delegate',
  'recommendation.pdf.col.deputy': 'Deputy',
  'recommendation.pdf.noMembers': 'The team had no member institutions in that period.',
  'recommendation.pdf.documentAddressees': 'Addressees of the recommendations',
  'recommendation.pdf.annexFiles': 'Annexed files',
  'recommendation.pdf.watermark': 'DRAFT',
  'recommendation.pdf.title': 'Recommendations — {title}',
  'recommendation.pdf.subject': '{body}: {title}',
  'recommendation.pdf.fileName': 'recommendations-{slug}.pdf',
}
