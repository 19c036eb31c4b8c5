import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { bodyOfficerRoles, type BodyOfficerRole } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import { OfficerSchema } from '~/schemas/body'
import { FormErrors, RowActionForm, SelectField } from './forms'

type Officer = { userId: number; name: string; email: string; role: BodyOfficerRole }

/** The convenor and secretaries of a body; those who manage it may add and remove them. */
export function BodyOfficers({
  officers,
  candidates,
  manage,
  lastResult,
}: {
  officers: Officer[]
  candidates: { id: number; name: string; email: string }[]
  manage: boolean
  lastResult?: SubmissionResult<string[]> | null
}) {
  const t = useT()
  return (
    <>
      {officers.length === 0 ? (
        <p>{t('bodies.noOfficers')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('bodies.officers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bodies.officerName')}</th>
                <th scope="col">{t('bodies.officerRoleLabel')}</th>
                <th scope="col">{t('bodies.officerEmail')}</th>
                {manage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {officers.map((officer) => (
                <tr key={officer.userId}>
                  <th scope="row">{officer.name}</th>
                  <td>{t(`bodies.officerRole.${officer.role}`)}</td>
                  <td>
                    <a href={`mailto:${officer.email}`}>{officer.email}</a>
                  </td>
                  {manage ? (
                    <td>
                      <RowActionForm
                        intent="remove-officer"
                        fields={{ userId: officer.userId }}
                        label={t('bodies.removeOfficer')}
                        subject={officer.name}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage ? <AddOfficerForm candidates={candidates} lastResult={lastResult} /> : null}
    </>
  )
}

function AddOfficerForm({
  candidates,
  lastResult,
}: {
  candidates: { id: number; name: string; email: string }[]
  lastResult?: SubmissionResult<string[]> | null
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'add-officer',
    lastResult,
    defaultValue: { role: 'secretary' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OfficerSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" className="stack" aria-labelledby="add-officer-heading" {...getFormProps(form)}>
      <h3 id="add-officer-heading">{t('bodies.addOfficerTitle')}</h3>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value="add-officer" />
      {candidates.length === 0 ? (
        <p>{t('bodies.noOfficerCandidates')}</p>
      ) : (
        <>
          <div className="row">
            <SelectField
              meta={fields.userId}
              label={t('bodies.officerAccount')}
              placeholder={t('bodies.chooseOfficer')}
              options={candidates.map((c) => ({ value: String(c.id), label: `${c.name} (${c.email})` }))}
            />
            <SelectField
              meta={fields.role}
              label={t('bodies.officerRoleLabel')}
              placeholder={t('bodies.chooseRole')}
              options={bodyOfficerRoles.map((role) => ({ value: role, label: t(`bodies.officerRole.${role}`) }))}
            />
          </div>
          <div className="actions">
            <button type="submit">{t('bodies.addOfficer')}</button>
          </div>
        </>
      )}
    </Form>
  )
}
