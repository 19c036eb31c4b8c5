import { parseWithZod } from '@conform-to/zod/v4'
import { json } from '@remix-run/node'
import type { MessageKey } from '~/i18n/messages'
import type { PersonSaveResult } from '~/models/person.server'
import { PersonSchema, type PersonInput } from '~/schemas/directory'
import { redirectWithNotice } from './http.server'
import { keptInput, readPickers } from './picker.server'

/** The action of the new and edit person forms: validate, save, back to the institution saying `notice`. */
export async function submitPersonForm(request: Request, save: (input: PersonInput) => PersonSaveResult, notice: MessageKey) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: PersonSchema })
  const picker = readPickers(formData, { organisationId: 'organisations' })
  if (picker.search) return json({ result: keptInput(submission), picker })
  if (submission.status !== 'success') return json({ result: submission.reply(), picker }, { status: 400 })
  const saved = save(submission.value)
  if (!saved.ok) return json({ result: submission.reply({ fieldErrors: saved.fieldErrors }), picker }, { status: 400 })
  return redirectWithNotice(`/organisations/${saved.organisationId}`, notice)
}
