import { parseWithZod } from '@conform-to/zod/v4'
import { json } from '@remix-run/node'
import type { MessageKey } from '~/i18n/messages'
import { getRegionChoices } from '~/models/region.server'
import type { SaveResult } from '~/models/organisation.server'
import { OrganisationSchema, type OrganisationInput } from '~/schemas/directory'
import { redirectWithNotice } from './http.server'

/**
 * The action of the new and edit organisation forms. `intent=region` (the region
 * picker's buttons, used without JavaScript) only reloads the next list and saves
 * nothing; any other submission is validated and saved by `save`, and says `notice`.
 */
export async function submitOrganisationForm(request: Request, save: (input: OrganisationInput) => SaveResult, notice: MessageKey) {
  const formData = await request.formData()
  const region = { voivodeship: String(formData.get('voivodeship') ?? ''), county: String(formData.get('county') ?? '') }
  if (formData.get('intent') === 'region') {
    formData.delete('intent')
    const submission = parseWithZod(formData, { schema: OrganisationSchema })
    // Reported as a validation round, so the form keeps the input and shows no errors.
    return json({
      result: { ...submission.reply(), status: undefined, error: undefined, intent: { type: 'validate' as const, payload: {} } },
      choices: getRegionChoices(region),
    })
  }
  const submission = parseWithZod(formData, { schema: OrganisationSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), choices: getRegionChoices(region) }, { status: 400 })
  }
  const saved = save(submission.value)
  if (!saved.ok) {
    return json({ result: submission.reply({ fieldErrors: saved.fieldErrors }), choices: getRegionChoices(region) }, { status: 400 })
  }
  return redirectWithNotice(`/organisations/${saved.id}`, notice)
}
