import { parseWithZod } from '@conform-to/zod/v4'
import { json } from '@remix-run/node'
import type { PersonSaveResult } from '~/models/person.server'
import { PersonSchema, type PersonInput } from '~/schemas/directory'
import { redirectWithNotice } from './http.server'

/** The action of the new and edit person forms: validate, save, back to the institution. */
export async function submitPersonForm(request: Request, save: (input: PersonInput) => PersonSaveResult) {
  const submission = parseWithZod(await request.formData(), { schema: PersonSchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const saved = save(submission.value)
  if (!saved.ok) return json({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 })
  return redirectWithNotice(`/organisations/${saved.organisationId}`, 'common.saved')
}
