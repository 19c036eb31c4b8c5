import { AGREEMENT_LIMITS, AgreementFieldsSchema, AgreementParagraphInputSchema, type AgreementParagraphInput } from '~/schemas/agreement'
import type { AgreementFieldsInput } from '~/models/agreement/agreement.server'

export type AgreementFormValues = { fields: AgreementFieldsInput; paragraphs: AgreementParagraphInput[] }

const FIELD_NAMES = ['number', 'title', 'subject', 'place', 'validFrom', 'validTo', 'noticeMonths'] as const

/**
 * The editor's form as typed, its errors by field name, and the button pressed: `save`, or a
 * structure step (`add`, `remove:<i>`, `up:<i>`) applied to the values without saving. Every
 * value is cut at its limit plus one, so a refusal says „too long” and the text stays.
 */
export function readAgreementForm(form: FormData): { values: AgreementFormValues; errors: Record<string, string>; intent: string } {
  const get = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max + 1)
  const fields = Object.fromEntries(
    FIELD_NAMES.map((name) => [name, get(name, name === 'subject' ? AGREEMENT_LIMITS.subject : 300)]),
  ) as AgreementFieldsInput
  let paragraphs: AgreementParagraphInput[] = []
  for (let i = 0; i <= AGREEMENT_LIMITS.paragraphs && form.has(`paragraphs[${i}].title`); i++) {
    const id = Number(form.get(`paragraphs[${i}].id`))
    paragraphs.push({
      id: Number.isInteger(id) && id > 0 ? id : null,
      title: get(`paragraphs[${i}].title`, AGREEMENT_LIMITS.paragraphTitle),
      body: get(`paragraphs[${i}].body`, AGREEMENT_LIMITS.body),
    })
  }
  const intent = String(form.get('intent') ?? 'save')
  const [step, at] = intent.split(':')
  const index = Number(at)
  if (step === 'add' && paragraphs.length < AGREEMENT_LIMITS.paragraphs) paragraphs = [...paragraphs, { id: null, title: '', body: '' }]
  if (step === 'remove' && index >= 0) paragraphs = paragraphs.filter((_, i) => i !== index)
  if (step === 'up' && index > 0 && index < paragraphs.length)
    paragraphs = paragraphs.map((p, i) => (i === index - 1 ? paragraphs[index]! : i === index ? paragraphs[index - 1]! : p))

  const errors: Record<string, string> = {}
  const checked = AgreementFieldsSchema.safeParse(fields)
  if (!checked.success) for (const issue of checked.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
  paragraphs.forEach((paragraph, i) => {
    const result = AgreementParagraphInputSchema.safeParse(paragraph)
    if (!result.success) for (const issue of result.error.issues) errors[`paragraphs[${i}].${String(issue.path[0])}`] ??= issue.message
  })
  if (paragraphs.length > AGREEMENT_LIMITS.paragraphs) errors.paragraphs = 'agreement.error.tooManyParagraphs'
  return { values: { fields, paragraphs }, errors, intent: step === 'save' || !['add', 'remove', 'up'].includes(step!) ? 'save' : step! }
}
